// Contract cases for Omni connections and workspace settings, run against every backend.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKSPACE_SETTINGS,
  SecretDecryptionError,
  StoreUnavailableError,
  StoreValidationError,
  type WorkspaceScope,
} from '../../src/store/index.js';
import { envelope, type Harness } from './harness.js';
import { connection, newKey } from './support.js';

const teamOne: WorkspaceScope = { teamId: 'T0TEAM1', enterpriseId: 'E0ORG1', isEnterpriseInstall: false };
const teamTwo: WorkspaceScope = { teamId: 'T0TEAM2' };
const orgWide: WorkspaceScope = { enterpriseId: 'E0ORG1', teamId: 'T0TEAM1', isEnterpriseInstall: true };

export function connectionContract(h: Harness): void {
  describe('Omni connections', () => {
    it('ping does a round-trip and resolves', async () => {
      const store = await h.open();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('saves a connection and reads it back with the API key decrypted', async () => {
      const store = await h.open();
      const saved = connection();
      await store.connections.save(teamOne, saved);
      expect(await store.connections.get(teamOne)).toEqual(saved);
    });

    it('remembers the reading Omni accepted, for the connection it was learnt on only', async () => {
      const store = await h.open();
      const saved = connection();
      await store.connections.save(teamOne, saved);
      await store.connections.rememberDialect(teamOne, saved.connectedAt, 'spec');
      expect(await store.connections.get(teamOne)).toEqual({ ...saved, dialect: 'spec' });
      // A reconnect made meanwhile (another key, maybe another Omni) is not given the old connection's reading.
      const again = connection({ connectedAt: '2030-01-01T00:00:00.000Z' });
      await store.connections.save(teamOne, again);
      await store.connections.rememberDialect(teamOne, saved.connectedAt, 'docs');
      expect(await store.connections.get(teamOne)).toEqual(again);
      // Nothing to remember it on: no record is made.
      await store.connections.rememberDialect(teamTwo, saved.connectedAt, 'docs');
      expect(await store.connections.get(teamTwo)).toBeUndefined();
    });

    it('answers undefined for a workspace that never connected, and deletes once', async () => {
      const store = await h.open();
      expect(await store.connections.get(teamTwo)).toBeUndefined();
      await store.connections.save(teamTwo, connection());
      expect(await store.connections.delete(teamTwo)).toBe(true);
      expect(await store.connections.get(teamTwo)).toBeUndefined();
      expect(await store.connections.delete(teamTwo)).toBe(false);
    });

    it('keeps two teams and an org-wide install apart', async () => {
      const store = await h.open();
      const one = connection({ baseUrl: 'https://one.omniapp.co' });
      const two = connection({ baseUrl: 'https://two.omniapp.co' });
      const org = connection({ baseUrl: 'https://org.omniapp.co' });
      await store.connections.save(teamOne, one);
      await store.connections.save(teamTwo, two);
      await store.connections.save(orgWide, org);
      expect(await store.connections.get(teamOne)).toEqual(one);
      expect(await store.connections.get(teamTwo)).toEqual(two);
      // Any workspace of the org, seen through the org-wide install, gets the org's connection.
      expect(
        await store.connections.get({ enterpriseId: 'E0ORG1', teamId: 'T0OTHER', isEnterpriseInstall: true }),
      ).toEqual(org);
      await store.connections.delete(teamOne);
      expect(await store.connections.get(teamOne)).toBeUndefined();
      expect(await store.connections.get(teamTwo)).toEqual(two);
      expect(await store.connections.get(orgWide)).toEqual(org);
    });

    it('refuses a scope without a team or enterprise id, and ids that could forge a key', async () => {
      const store = await h.open();
      await expect(store.connections.get({})).rejects.toThrow(/needs a team id/);
      await expect(store.connections.get({ isEnterpriseInstall: true })).rejects.toThrow(/needs an enterprise id/);
      await expect(store.connections.get({ teamId: 'T1:user:U1' })).rejects.toThrow(/Not a valid Slack team id/);
    });

    it('rejects an invalid connection, naming the field', async () => {
      const store = await h.open();
      const error = await store.connections
        .save(teamOne, connection({ baseUrl: 'not a url', rateLimitPerMinute: 0 }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreValidationError);
      expect((error as StoreValidationError).issues.map((issue) => issue.path).sort()).toEqual([
        'baseUrl',
        'rateLimitPerMinute',
      ]);
      expect(await store.connections.get(teamOne)).toBeUndefined();
    });

    it('never writes the API key in plain text', async () => {
      const store = await h.open();
      const saved = connection();
      await store.connections.save(teamOne, saved);
      const rows = await h.raw.rows();
      const row = rows.get(h.raw.fullKey(h.ns('connections'), 'team:T0TEAM1'));
      expect(row).toBeDefined();
      for (const value of rows.values()) expect(value).not.toContain(saved.apiKey);
      const stored = envelope(row).value;
      expect(stored.apiKeyEncrypted).toMatch(/^enc1\./);
      expect(stored).not.toHaveProperty('apiKey');
      expect(stored.baseUrl).toBe(saved.baseUrl);
    });

    it('reports tampered ciphertext clearly, without the key', async () => {
      const store = await h.open();
      const saved = connection();
      await store.connections.save(teamOne, saved);
      const fullKey = h.raw.fullKey(h.ns('connections'), 'team:T0TEAM1');
      const stored = envelope((await h.raw.rows()).get(fullKey));
      const blob = String(stored.value.apiKeyEncrypted);
      const flipped = blob.slice(0, -2) + (blob.at(-2) === 'A' ? 'B' : 'A') + blob.slice(-1);
      stored.value.apiKeyEncrypted = flipped;
      await h.raw.write(fullKey, JSON.stringify(stored));

      const error = await store.connections.get(teamOne).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SecretDecryptionError);
      expect((error as Error).message).toMatch(/altered or corrupted/);
      expect((error as Error).message).toMatch(/\/schedule connect/);
      expect((error as Error).message).not.toContain(saved.apiKey);
    });

    it("refuses another workspace's record copied under this workspace's key", async () => {
      const store = await h.open();
      await store.connections.save(teamOne, connection());
      await store.connections.save(teamTwo, connection());
      const rows = await h.raw.rows();
      const stolen = rows.get(h.raw.fullKey(h.ns('connections'), 'team:T0TEAM1'));
      await h.raw.write(h.raw.fullKey(h.ns('connections'), 'team:T0TEAM2'), String(stolen));
      await expect(store.connections.get(teamTwo)).rejects.toBeInstanceOf(SecretDecryptionError);
    });

    it('rotates keys: old data stays readable under a new first key, and re-encryption drops the old key', async () => {
      const oldKey = newKey();
      const freshKey = newKey();
      const before = await h.open({ encryptionKeys: [oldKey] });
      const one = connection();
      const two = connection({ baseUrl: 'https://two.omniapp.co' });
      await before.connections.save(teamOne, one);
      await before.connections.save(teamTwo, two);
      await before.close();

      const rotating = await h.open({ encryptionKeys: [freshKey, oldKey] });
      expect(await rotating.connections.get(teamOne)).toEqual(one);
      expect(await rotating.connections.reencryptAll()).toBe(2);
      await rotating.close();

      const after = await h.open({ encryptionKeys: [freshKey] });
      expect(await after.connections.get(teamOne)).toEqual(one);
      expect(await after.connections.get(teamTwo)).toEqual(two);

      const stale = await h.open({ encryptionKeys: [oldKey] });
      const error = await stale.connections.get(teamOne).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SecretDecryptionError);
      expect((error as Error).message).toMatch(/key that is not in ENCRYPTION_KEY/);
    });

    it('re-encryption names the records no configured key can decrypt', async () => {
      const before = await h.open({ encryptionKeys: [newKey()] });
      await before.connections.save(teamOne, connection());
      await before.close();
      const wrong = await h.open({ encryptionKeys: [newKey()] });
      await expect(wrong.connections.reencryptAll()).rejects.toThrow(/1 could not be decrypted.*team:T0TEAM1/);
    });

    it('fails with StoreUnavailableError after close, without crashing', async () => {
      const store = await h.open();
      await store.close();
      await expect(store.connections.get(teamOne)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await store.close(); // twice is fine
    });
  });

  describe('workspace settings', () => {
    it('reads defaults for a workspace that saved nothing', async () => {
      const store = await h.open();
      expect(await store.settings.get(teamOne)).toEqual({
        nonMemberPolicy: 'plain_email',
        attributeMappings: {},
        includeGuests: false,
        includeExternal: false,
      });
      expect(DEFAULT_WORKSPACE_SETTINGS.nonMemberPolicy).toBe('plain_email');
    });

    it('merges an update into the current settings and keeps workspaces apart', async () => {
      const store = await h.open();
      await store.settings.update(teamOne, {
        nonMemberPolicy: 'email_only_user',
        attributeMappings: { region: 'title' },
      });
      const updated = await store.settings.update(teamOne, { includeGuests: true });
      expect(updated).toEqual({
        nonMemberPolicy: 'email_only_user',
        attributeMappings: { region: 'title' },
        includeGuests: true,
        includeExternal: false,
      });
      expect(await store.settings.get(teamOne)).toEqual(updated);
      expect(await store.settings.get(teamTwo)).toEqual(DEFAULT_WORKSPACE_SETTINGS);
      expect(await store.settings.get(orgWide)).toEqual(DEFAULT_WORKSPACE_SETTINGS);
      expect(await store.settings.delete(teamOne)).toBe(true);
      expect(await store.settings.get(teamOne)).toEqual(DEFAULT_WORKSPACE_SETTINGS);
    });

    it('rejects an invalid patch naming the field, and saves nothing', async () => {
      const store = await h.open();
      const bad = { nonMemberPolicy: 'invite_everyone', attributeMappings: { region: '' } } as never;
      const error = await store.settings.update(teamOne, bad).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreValidationError);
      expect((error as StoreValidationError).issues.map((issue) => issue.path).sort()).toEqual([
        'attributeMappings.region',
        'nonMemberPolicy',
      ]);
      await expect(store.settings.update(teamOne, { colour: 'red' } as never)).rejects.toThrow(/colour/);
      expect(await store.settings.get(teamOne)).toEqual(DEFAULT_WORKSPACE_SETTINGS);
    });
  });
}
