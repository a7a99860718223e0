// openStore: one keyv (with its own adapter) per namespace on the backend named by STORE_URL, every 'error'
// listened for, and the stores built on top.
import { randomUUID } from 'node:crypto';
import { type BackendKind, createBackend, parseStoreUrl, type RawNamespace } from './backends.js';
import { KeyvTtlCache, SWEEP_INTERVAL_MS, type TtlCache } from './cache.js';
import { type ConnectionStore, KeyvConnectionStore } from './connections.js';
import { StoreConfigError, StoreUnavailableError } from './errors.js';
import { KeyvInstallationStore } from './installations.js';
import { consoleStoreLogger, describeError, maskUrlCredentials, type StoreLogger } from './logger.js';
import { type GuardOptions, guarded, KvNamespace } from './namespace.js';
import { KeyvWorkspaceSettingsStore, type WorkspaceSettingsStore } from './settings.js';

export type OpenStoreOptions = {
  /** STORE_URL: `sqlite://path` (parent folder created), `sqlite://:memory:`, `redis://…`, `postgres://…`. */
  url: string;
  /** ENCRYPTION_KEY, parsed: the first key encrypts, all decrypt. */
  encryptionKeys: Buffer[];
  logger?: StoreLogger;
  /** Prefix of every namespace, to share a Redis or a table with other apps (or test runs). */
  namespacePrefix?: string;
  /** Longest one store operation may take before it fails as unavailable. */
  operationTimeoutMs?: number;
  /** Longest `ping()` waits for its round-trip. */
  pingTimeoutMs?: number;
  /** How often caches on SQLite/PostgreSQL delete expired rows. */
  cacheSweepIntervalMs?: number;
};

export interface AppStore {
  readonly backend: BackendKind;
  readonly connections: ConnectionStore;
  readonly installations: KeyvInstallationStore;
  readonly settings: WorkspaceSettingsStore;
  /** A TTL cache in its own namespace (letters, digits and '-'); the same name gives the same cache. */
  cache(namespace: string): TtlCache;
  /** A real write-and-read round-trip; throws StoreUnavailableError when the backend does not answer in time. */
  ping(): Promise<void>;
  /** Disconnects every namespace. Operations afterwards fail with StoreUnavailableError. */
  close(): Promise<void>;
}

const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
const DEFAULT_PREFIX = 'omni-slack';

/**
 * Opens the store. Throws StoreConfigError for a URL it cannot use (naming STORE_URL) or a SQLite file that
 * cannot be opened; a Redis or PostgreSQL that is down at start-up is not an error here: `ping()` and each
 * operation report it, and the next operation connects again.
 */
export async function openStore(options: OpenStoreOptions): Promise<AppStore> {
  const logger = options.logger ?? consoleStoreLogger;
  const prefix = options.namespacePrefix ?? DEFAULT_PREFIX;
  if (!NAME_PATTERN.test(prefix)) {
    throw new StoreConfigError(
      `Store namespace prefix ${JSON.stringify(prefix)} must be lowercase letters, digits and '-'`,
    );
  }
  if (options.encryptionKeys.length === 0 || options.encryptionKeys.some((key) => key.length !== 32)) {
    throw new StoreConfigError('ENCRYPTION_KEY must provide at least one 32-byte key');
  }
  const keys = [...options.encryptionKeys];
  const location = parseStoreUrl(options.url);
  const backend = createBackend(location);
  await backend.prepare();

  let closed = false;
  let closing: Promise<void> | undefined;
  const guard: GuardOptions = { logger, timeoutMs: options.operationTimeoutMs ?? 5_000, isClosed: () => closed };
  const opened: RawNamespace[] = [];
  const reported = new WeakSet<object>();
  const reportError = (namespace: string) => (error: unknown) => {
    // keyv re-emits its adapter's errors: log each error object once.
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    logger.warn(`store: backend error (${location.kind}, namespace ${namespace}): ${describeError(error)}`);
  };
  backend.onSharedError(reportError('shared pool'));

  const openRaw = (fullName: string): RawNamespace => {
    const raw = backend.openNamespace(fullName);
    raw.adapter.on('error', reportError(fullName));
    raw.keyv.on('error', reportError(fullName));
    opened.push(raw);
    return raw;
  };
  const open = (name: string): KvNamespace => new KvNamespace(`${prefix}.${name}`, openRaw(`${prefix}.${name}`), guard);

  const installations = new KeyvInstallationStore(open('installations'), keys);
  const connections = new KeyvConnectionStore(open('connections'), keys, () => installations.reencryptAll());
  const settings = new KeyvWorkspaceSettingsStore(open('settings'));
  const healthName = `${prefix}.health`;
  const health = openRaw(healthName);
  const caches = new Map<string, KeyvTtlCache>();
  const pingGuard: GuardOptions = { ...guard, timeoutMs: options.pingTimeoutMs ?? 2_000 };

  logger.info(`store: ${location.kind} at ${maskUrlCredentials(location.url)}, namespaces ${prefix}.*`);

  return {
    backend: location.kind,
    connections,
    installations,
    settings,
    cache(namespace) {
      if (!NAME_PATTERN.test(namespace)) {
        throw new Error(`Cache namespace ${JSON.stringify(namespace)} must be lowercase letters, digits and '-'`);
      }
      let cache = caches.get(namespace);
      if (!cache) {
        // No new connection once closing: it would never be closed.
        if (closing) throw new StoreUnavailableError('use the cache', { cause: new Error('the store is closed') });
        const sweepEvery = options.cacheSweepIntervalMs ?? SWEEP_INTERVAL_MS;
        cache = new KeyvTtlCache(open(`cache-${namespace}`), logger, backend.nativeTtl, sweepEvery);
        caches.set(namespace, cache);
      }
      return cache;
    },
    async ping() {
      const operation = 'reach the storage';
      const probe = randomUUID();
      await guarded(pingGuard, healthName, operation, async () => {
        const key = `ping:${probe}`;
        await health.keyv.set(key, probe, 60_000);
        const answer = await health.keyv.get(key);
        await health.keyv.delete(key);
        if (answer !== probe) throw new Error('the store answered with something other than what was written');
      });
    },
    close() {
      closing ??= (async () => {
        // A sweep in progress finishes first (it needs the store open); then everything refuses new work.
        await Promise.all([...caches.values()].map((cache) => cache.idle()));
        closed = true;
        for (const raw of opened) {
          await raw
            .disconnect()
            .catch((error: unknown) => logger.warn(`store: disconnect failed: ${describeError(error)}`));
        }
        await backend.close().catch((error: unknown) => logger.warn(`store: close failed: ${describeError(error)}`));
      })();
      return closing;
    },
  };
}
