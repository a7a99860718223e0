// Shared by the store tests: which backends answer, raw access to what the store wrote, and fixtures.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import KeyvPostgres from '@keyv/postgres';
import { createClient } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import { it } from 'vitest';
import type { OmniConnection } from '../../src/store/index.js';
import { openStore } from '../../src/store/index.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A namespace prefix no other run (or helper) uses. */
export function uniquePrefix(): string {
  return `t-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export const newKey = (): Buffer => randomBytes(32);

/** Why the backend at `url` cannot be used, or undefined when it answers a real round-trip. */
export async function unreachableReason(url: string): Promise<string | undefined> {
  const store = await openStore({
    url,
    encryptionKeys: [newKey()],
    namespacePrefix: uniquePrefix(),
    logger: silentLogger(),
    pingTimeoutMs: 2_000,
  });
  try {
    await store.ping();
    return undefined;
  } catch (error) {
    return `${url} does not answer (${String((error as Error).cause ?? error)})`;
  } finally {
    await store.close();
  }
}

/**
 * For a service that is not running: in CI (CI=true) a failing test, since .ci/run starts the services;
 * elsewhere a skipped test with the reason printed.
 */
export function serviceMissing(suite: string, reason: string): void {
  it(`${suite}: service available`, (context) => {
    if (process.env.CI === 'true') throw new Error(`${suite} needs this service in CI: ${reason}`);
    console.warn(`Skipping ${suite}: ${reason}`);
    context.skip(reason);
  });
}

export type LogLine = { level: string; text: string };

export function silentLogger(lines: LogLine[] = []) {
  const record =
    (level: string) =>
    (...msg: unknown[]) =>
      lines.push({ level, text: msg.map(String).join(' ') });
  return { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

/** What the store wrote, read behind its back: full key → raw value. */
export interface RawStore {
  rows(): Promise<Map<string, string>>;
  write(fullKey: string, value: string): Promise<void>;
  /** The full key of `key` in namespace `namespace` (the store's `<prefix>.<name>`). */
  fullKey(namespace: string, key: string): string;
  /** Deletes every row whose key starts with the prefix, and disconnects. */
  cleanup(): Promise<void>;
}

export function rawSqlite(path: string, prefix: string): RawStore {
  // Opened on first use: the store creates the file's folder when it opens.
  let opened: KeyvSqlite | undefined;
  const db = () => {
    if (!opened) {
      opened = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5_000 });
      opened.on('error', () => {});
    }
    return opened;
  };
  const pattern = `${prefix}.%`;
  return {
    async rows() {
      const rows: { key: string; value: string }[] = await db().query('SELECT key, value FROM keyv WHERE key LIKE ?', [
        pattern,
      ]);
      return new Map(rows.map((row) => [row.key, row.value]));
    },
    async write(fullKey, value) {
      await db().query('UPDATE keyv SET value = ? WHERE key = ?', [value, fullKey]);
    },
    fullKey: (namespace, key) => `${namespace}:${key}`,
    async cleanup() {
      if (!opened && !existsSync(path)) return;
      await db().query('DELETE FROM keyv WHERE key LIKE ?', [pattern]);
      await db().disconnect();
    },
  };
}

export function rawRedis(url: string, prefix: string): RawStore {
  const client = createClient({ url });
  client.on('error', () => {});
  const connected = client.connect();
  const keys = async () => {
    await connected;
    const found: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}.*`, COUNT: 100 })) found.push(...batch);
    return found;
  };
  return {
    async rows() {
      const found = await keys();
      const values = found.length > 0 ? await client.mGet(found) : [];
      return new Map(found.map((key, index) => [key, String(values[index])]));
    },
    async write(fullKey, value) {
      await connected;
      await client.set(fullKey, value, { KEEPTTL: true });
    },
    fullKey: (namespace, key) => `${namespace}::${key}`,
    async cleanup() {
      const found = await keys();
      if (found.length > 0) await client.del(found);
      await client.close();
    },
  };
}

export function rawPostgres(url: string, prefix: string): RawStore {
  const db = new KeyvPostgres({ uri: url });
  db.on('error', () => {});
  const pattern = `${prefix}.%`;
  return {
    async rows() {
      const rows = (await db.query('SELECT key, value FROM public.keyv WHERE key LIKE $1', [pattern])) as {
        key: string;
        value: string;
      }[];
      return new Map(rows.map((row) => [row.key, row.value]));
    },
    async write(fullKey, value) {
      await db.query('UPDATE public.keyv SET value = $1 WHERE key = $2', [value, fullKey]);
    },
    fullKey: (namespace, key) => `${namespace}:${key}`,
    async cleanup() {
      await db.query('DELETE FROM public.keyv WHERE key LIKE $1', [pattern]);
      await db.disconnect();
    },
  };
}

export function connection(overrides: Partial<OmniConnection> = {}): OmniConnection {
  return {
    baseUrl: 'https://acme.omniapp.co',
    apiKey: `omni_osk_${randomBytes(12).toString('hex')}`,
    connectedBy: 'U0ADMIN1',
    connectedAt: '2026-03-01T09:30:00.000Z',
    rateLimitPerMinute: 60,
    ...overrides,
  };
}

/**
 * A TCP proxy on 127.0.0.1 (port 0) in front of a real service, to play an outage: while down it drops every
 * connection at once; `dropAll()` cuts the connections already open.
 */
export async function startOutageProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  let up = false;
  const server = createServer((client) => {
    client.on('error', () => {});
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    setUp(value: boolean) {
      up = value;
      if (!value) dropAll();
    },
    async close() {
      dropAll();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
