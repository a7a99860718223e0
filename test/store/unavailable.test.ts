// A store whose backend is down or hung: ping rejects, every operation fails with a message a user can read, and
// nothing crashes the process or leaks a secret into the logs.
import { createServer, type Server, type Socket } from 'node:net';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppStore, openStore, StoreUnavailableError } from '../../src/store/index.js';
import { connection, type LogLine, newKey, silentLogger, uniquePrefix } from './support.js';

const scope = { teamId: 'T0TEAM1' };
const query = { teamId: 'T0TEAM1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
const installation: Installation<'v2', false> = {
  team: { id: 'T0TEAM1' },
  enterprise: undefined,
  user: { id: 'U0USER1', token: 'xoxp-downtest', scopes: [] },
  bot: { id: 'B0', userId: 'U0BOT', token: 'xoxb-downtest', scopes: ['commands'] },
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

/** Runs `fn` while recording unhandled rejections and uncaught exceptions. */
async function watchingForCrashes(fn: () => Promise<void>): Promise<unknown[]> {
  const crashes: unknown[] = [];
  const record = (error: unknown) => crashes.push(error);
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  try {
    await fn();
    await new Promise((resolve) => setTimeout(resolve, 100)); // let late events and rejections surface
  } finally {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  }
  return crashes;
}

async function expectEveryOperationUnavailable(store: AppStore, secret: string): Promise<void> {
  const attempts: [string, () => Promise<unknown>][] = [
    [
      "Could not save this workspace's Omni connection",
      () => store.connections.save(scope, connection({ apiKey: secret })),
    ],
    ["Could not read this workspace's Omni connection", () => store.connections.get(scope)],
    ["Could not remove this workspace's Omni connection", () => store.connections.delete(scope)],
    ['Could not re-encrypt the stored Omni connections', () => store.connections.reencryptAll()],
    ["Could not read this workspace's settings", () => store.settings.get(scope)],
    ["Could not read this workspace's settings", () => store.settings.update(scope, { includeGuests: true })],
    ["Could not save this workspace's Slack installation", () => store.installations.storeInstallation(installation)],
    ["Could not read this workspace's Slack installation", () => store.installations.fetchInstallation(query)],
    ["Could not remove this workspace's Slack installation", () => store.installations.deleteInstallation(query)],
    ['Could not read cached data', () => store.cache('documents').get('k')],
    ['Could not write cached data', () => store.cache('documents').set('k', 1, 60_000)],
  ];
  for (const [message, attempt] of attempts) {
    const error = await attempt().then(
      () => new Error('succeeded against a store that is down'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe(
      `${message}: the app's storage is not answering. Try again in a minute; if it keeps failing, ask whoever runs this app to check its storage.`,
    );
  }
  // A cache is only an optimisation: without the store, the value is loaded and returned anyway.
  expect(await store.cache('documents').getOrLoad('k', 60_000, async () => 'loaded')).toBe('loaded');
}

describe.each([
  ['Redis', 'redis://:hunter2pass@127.0.0.1:1'],
  ['PostgreSQL', 'postgres://postgres:hunter2pass@127.0.0.1:1/test'],
])('a %s store that refuses connections', (_name, url) => {
  it('fails ping and every operation with StoreUnavailableError, without crashing or logging secrets', async () => {
    const logs: LogLine[] = [];
    const secret = 'omni_osk_never_in_logs_1234';
    const crashes = await watchingForCrashes(async () => {
      const store = await openStore({
        url,
        encryptionKeys: [newKey()],
        namespacePrefix: uniquePrefix(),
        logger: silentLogger(logs),
      });
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expectEveryOperationUnavailable(store, secret);
      await store.close();
    });
    expect(crashes).toEqual([]);
    const logged = logs.map((line) => line.text).join('\n');
    expect(logged).toMatch(/ECONNREFUSED/);
    expect(logged).not.toContain('hunter2pass');
    expect(logged).not.toContain(secret);
  });
});

describe('a store whose backend accepts connections but never answers', () => {
  let server: Server;
  let port = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([['Redis'], ['PostgreSQL']])('%s: ping and operations time out as unavailable', async (name) => {
    const url = name === 'Redis' ? `redis://127.0.0.1:${port}` : `postgres://postgres@127.0.0.1:${port}/test`;
    const crashes = await watchingForCrashes(async () => {
      const store = await openStore({
        url,
        encryptionKeys: [newKey()],
        namespacePrefix: uniquePrefix(),
        logger: silentLogger(),
        operationTimeoutMs: 300,
        pingTimeoutMs: 300,
      });
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.connections.get(scope)).rejects.toThrow(/Could not read this workspace's Omni connection/);
      await store.close();
    });
    expect(crashes).toEqual([]);
  });
});
