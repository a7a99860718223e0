import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreConfigError, workspaceKey } from '../../src/store/index.js';
import { connection, newKey, silentLogger } from './support.js';

const root = mkdtempSync(join(tmpdir(), 'omni-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const open = (url: string, extra: { namespacePrefix?: string; encryptionKeys?: Buffer[] } = {}) =>
  openStore({ url, encryptionKeys: [newKey()], logger: silentLogger(), ...extra });

describe('openStore', () => {
  it('names STORE_URL when the scheme is not supported, masking a password', async () => {
    const error = await open('mysql://app:pa55word@db/app').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as Error).message).toMatch(/^STORE_URL "mysql:\/\/app:\*\*\*@db\/app" is not supported: use sqlite:/);
    await expect(open('sqlite://')).rejects.toThrow(/STORE_URL "sqlite:\/\/" names no SQLite file/);
    await expect(open('redis://')).rejects.toThrow(/STORE_URL "redis:\/\/" names no host/);
  });

  it('creates the folder of a SQLite file', async () => {
    const path = join(root, 'a', 'b', 'store.sqlite');
    const store = await open(`sqlite://${path}`);
    await store.ping();
    expect(existsSync(path)).toBe(true);
    await store.close();
  });

  it('refuses a SQLite path that cannot be opened or whose folder cannot be made', async () => {
    const folder = join(root, 'is-a-folder');
    mkdirSync(folder);
    await expect(open(`sqlite://${folder}`)).rejects.toThrow(/cannot open the SQLite database/);
    const file = join(root, 'plain-file');
    writeFileSync(file, '');
    await expect(open(`sqlite://${file}/sub/store.sqlite`)).rejects.toThrow(/cannot create the folder/);
  });

  it('works in memory, keeping namespaces apart under one workspace key', async () => {
    const store = await open('sqlite://:memory:');
    const scope = { teamId: 'T0TEAM1' };
    const saved = connection();
    await store.connections.save(scope, saved);
    await store.settings.update(scope, { includeExternal: true });
    await store.cache('documents').set(workspaceKey(scope), 'cached', 60_000);
    expect(await store.connections.get(scope)).toEqual(saved);
    expect((await store.settings.get(scope)).includeExternal).toBe(true);
    expect(await store.cache('documents').get(workspaceKey(scope))).toBe('cached');
    await store.close();
  });

  it('refuses a bad namespace prefix and missing or wrong-sized keys', async () => {
    await expect(open('sqlite://:memory:', { namespacePrefix: 'Has Spaces' })).rejects.toThrow(/namespace prefix/);
    await expect(open('sqlite://:memory:', { encryptionKeys: [] })).rejects.toThrow(/ENCRYPTION_KEY/);
    await expect(open('sqlite://:memory:', { encryptionKeys: [Buffer.alloc(16)] })).rejects.toThrow(/32-byte/);
  });
});

describe('workspaceKey', () => {
  it('keys org-wide installs by enterprise and everything else by team', () => {
    expect(workspaceKey({ enterpriseId: 'E1', teamId: 'T1', isEnterpriseInstall: true })).toBe('enterprise:E1');
    expect(workspaceKey({ enterpriseId: 'E1', teamId: 'T1', isEnterpriseInstall: false })).toBe('team:T1');
    expect(workspaceKey({ enterpriseId: 'E1', teamId: 'T1' })).toBe('team:T1');
    expect(workspaceKey({ teamId: 'T2' })).toBe('team:T2');
    expect(() => workspaceKey({ enterpriseId: 'E1' })).toThrow(/needs a team id/);
    expect(() => workspaceKey({ teamId: 'T1 ' })).toThrow(/Not a valid Slack team id/);
  });
});
