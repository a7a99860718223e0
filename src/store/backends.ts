// Opens keyv namespaces on the backend named by STORE_URL. Each namespace gets its OWN adapter instance: keyv 5
// writes its namespace into the adapter, so a shared adapter lets one namespace clear another's keys.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import KeyvPostgres from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { StoreConfigError } from './errors.js';
import { maskUrlCredentials } from './logger.js';

export type BackendKind = 'sqlite' | 'redis' | 'postgres';

export type StoreLocation = { kind: BackendKind; url: string; sqlitePath?: string };

/** What the rest of the store needs from one namespace on a backend. */
export interface RawNamespace {
  readonly keyv: Keyv;
  /** The adapter under `keyv`, to listen for its errors. */
  readonly adapter: { on(event: 'error', listener: (error: unknown) => void): unknown };
  /** Keys of this namespace (without the namespace) that start with `prefix`. */
  listKeys(prefix: string): Promise<string[]>;
  disconnect(): Promise<void>;
}

export interface Backend {
  readonly kind: BackendKind;
  /** Redis expires keys itself; SQLite and PostgreSQL keep expired rows until they are read. */
  readonly nativeTtl: boolean;
  openNamespace(name: string): RawNamespace;
  /** Checks what can only be a configuration mistake (a SQLite file that cannot be opened). */
  prepare(): Promise<void>;
  /** Releases what namespaces share (the PostgreSQL pool), after every namespace has disconnected. */
  close(): Promise<void>;
  /** Listener for errors of shared resources (the PostgreSQL pool). */
  onSharedError(listener: (error: unknown) => void): void;
}

const TABLE = 'keyv';
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 3_000;
const POSTGRES_QUERY_TIMEOUT_MS = 10_000;
const CLOSE_GRACE_MS = 1_000;

/** Reads STORE_URL: `sqlite://path` (or `sqlite://:memory:`), `redis://…`/`rediss://…`, `postgres://…`. */
export function parseStoreUrl(url: string): StoreLocation {
  const shown = JSON.stringify(maskUrlCredentials(url));
  if (url.startsWith('sqlite://')) {
    const sqlitePath = url.slice('sqlite://'.length);
    if (sqlitePath === '')
      throw new StoreConfigError(`STORE_URL ${shown} names no SQLite file (e.g. sqlite://data/omni-slack.sqlite)`);
    return { kind: 'sqlite', url, sqlitePath };
  }
  const kind =
    url.startsWith('redis://') || url.startsWith('rediss://')
      ? 'redis'
      : url.startsWith('postgres://') || url.startsWith('postgresql://')
        ? 'postgres'
        : undefined;
  if (!kind) {
    throw new StoreConfigError(
      `STORE_URL ${shown} is not supported: use sqlite://path/to/file.sqlite, redis://host:6379 or postgres://user@host:5432/db`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreConfigError(`STORE_URL ${shown} is not a valid URL`);
  }
  if (!parsed.hostname) throw new StoreConfigError(`STORE_URL ${shown} names no host`);
  return { kind, url };
}

export function createBackend(location: StoreLocation): Backend {
  switch (location.kind) {
    case 'sqlite':
      return sqliteBackend(location.sqlitePath ?? ':memory:', location.url);
    case 'redis':
      return redisBackend(location.url);
    case 'postgres':
      return postgresBackend(location.url);
  }
}

function sqliteBackend(path: string, url: string): Backend {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreConfigError(
        `STORE_URL ${JSON.stringify(url)}: cannot create the folder for the SQLite file (${(error as Error).message})`,
      );
    }
  }
  const open = (): KeyvSqlite => {
    const adapter = new KeyvSqlite({
      uri: `sqlite://${path}`,
      table: TABLE,
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      iterationLimit: 100,
    });
    // Chaining here marks the adapter's connection promise as handled: a file that cannot be opened is then
    // reported through 'error' and failed operations, never as an unhandled rejection.
    adapter.query('SELECT 1').catch(() => {});
    return adapter;
  };
  return {
    kind: 'sqlite',
    nativeTtl: false,
    openNamespace(name) {
      const adapter = open();
      const keyv = new Keyv({ store: adapter, namespace: name, throwOnErrors: true });
      return {
        keyv,
        adapter,
        listKeys: async (prefix) => {
          const full = `${name}:${prefix}`;
          const rows: { key: string }[] = await adapter.query(
            `SELECT key FROM ${TABLE} WHERE substr(key, 1, length(?1)) = ?1`,
            [full],
          );
          return rows.map((row) => row.key.slice(name.length + 1));
        },
        disconnect: () => adapter.disconnect(),
      };
    },
    async prepare() {
      const probe = open();
      probe.on('error', () => {}); // the failure is reported by the throw below
      try {
        // WAL lets readers and the writer of several connections (one per namespace) work side by side.
        if (!inMemory) await probe.query('PRAGMA journal_mode=WAL');
        await probe.query('SELECT 1');
      } catch (error) {
        throw new StoreConfigError(
          `STORE_URL ${JSON.stringify(url)}: cannot open the SQLite database (${(error as Error).message})`,
        );
      } finally {
        await probe.disconnect().catch(() => {});
      }
    },
    close: async () => {},
    onSharedError: () => {},
  };
}

function redisBackend(url: string): Backend {
  return {
    kind: 'redis',
    nativeTtl: true,
    openNamespace(name) {
      // No reconnect loop and no offline queue: while Redis is down an operation fails at once (and the next one
      // tries to connect again) instead of waiting in a queue while a Slack user waits for an answer.
      const adapter = new KeyvRedis(
        { url, socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false }, disableOfflineQueue: true },
        { namespace: name, throwOnErrors: true, throwOnConnectError: true, connectionTimeout: CONNECT_TIMEOUT_MS },
      );
      // The adapter prefixes keys itself (`name::key`); keyv must not prefix them a second time.
      const keyv = new Keyv({ store: adapter, namespace: name, useKeyPrefix: false, throwOnErrors: true });
      return {
        keyv,
        adapter,
        listKeys: async (prefix) => {
          const keys: string[] = [];
          for await (const [key] of adapter.iterator(name)) {
            if (typeof key === 'string' && key.startsWith(prefix)) keys.push(key);
          }
          return keys;
        },
        disconnect: async () => {
          // Graceful close waits for pending replies; a Redis that stopped answering would hold it forever.
          const graceful = adapter.disconnect();
          graceful.catch(() => {});
          if (!(await settlesWithin(graceful, CLOSE_GRACE_MS))) await adapter.disconnect(true);
        },
      };
    },
    prepare: async () => {},
    close: async () => {},
    onSharedError: () => {},
  };
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The slice of `pg` used here (pg is @keyv/postgres's own dependency; it is loaded from there). */
interface PgPool {
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
type PgModule = { Pool: new (config: Record<string, unknown>) => PgPool };

function loadPg(): PgModule {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('@keyv/postgres'))('pg') as PgModule;
}

type PooledOptions = { uri: string; table: string; schema: string; iterationLimit: number; pool: PgPool };

/**
 * @keyv/postgres keeps one module-wide pool per URI and ends it on the first `disconnect()`, nobody listens for
 * that pool's 'error' (an idle connection dropped by the server would crash the process), and it creates its
 * table once, at construction (if PostgreSQL is down then, never). This subclass runs its queries on a pool the
 * backend owns and listens to, and makes sure the table exists before its first successful query.
 */
class PooledKeyvPostgres extends KeyvPostgres {
  constructor(options: PooledOptions, ensureTable: () => Promise<void>) {
    super(options);
    const { pool } = options;
    this.query = async (sql: string, values?: unknown) => {
      await ensureTable();
      return (await pool.query(sql, values as unknown[] | undefined)).rows;
    };
  }

  override async connect(): Promise<(sql: string, values?: unknown) => Promise<unknown[]>> {
    const { pool } = this.opts as PooledOptions;
    return async (sql, values) => (await pool.query(sql, values as unknown[] | undefined)).rows;
  }

  override async disconnect(): Promise<void> {
    // The pool is shared by the backend's namespaces and ended once by the backend.
  }
}

function postgresBackend(url: string): Backend {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: POSTGRES_QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
  });
  let ended = false;
  let tableReady: Promise<void> | undefined;
  const ensureTable = (): Promise<void> => {
    tableReady ??= pool
      .query(`CREATE TABLE IF NOT EXISTS public.${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT)`)
      .then(
        () => {},
        (error: { code?: string }) => {
          // Two processes creating the table at once: the other one won.
          if (error.code === '23505' || error.code === '42P07') return;
          tableReady = undefined; // try again with the next operation
          throw error;
        },
      );
    return tableReady;
  };
  return {
    kind: 'postgres',
    nativeTtl: false,
    openNamespace(name) {
      const adapter = new PooledKeyvPostgres(
        { uri: url, table: TABLE, schema: 'public', iterationLimit: 100, pool },
        ensureTable,
      );
      const keyv = new Keyv({ store: adapter, namespace: name, throwOnErrors: true });
      return {
        keyv,
        adapter,
        listKeys: async (prefix) => {
          const full = `${name}:${prefix}`;
          const rows = (await adapter.query(
            `SELECT key FROM public.${TABLE} WHERE substr(key, 1, length($1::text)) = $1::text`,
            [full],
          )) as { key: string }[];
          return rows.map((row) => row.key.slice(name.length + 1));
        },
        disconnect: () => adapter.disconnect(),
      };
    },
    prepare: async () => {},
    async close() {
      if (ended) return;
      ended = true;
      await pool.end();
    },
    onSharedError(listener) {
      pool.on('error', listener);
    },
  };
}
