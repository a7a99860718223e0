// A TTL cache on a keyv namespace, for data that can be fetched again (Omni lists, Slack profiles). Values must
// be JSON-serialisable. Keys are the caller's: include the workspace in them.
import { createHash } from 'node:crypto';
import { StoreUnavailableError } from './errors.js';
import { describeError, type StoreLogger } from './logger.js';
import type { KvNamespace } from './namespace.js';

export interface TtlCache {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlMs`: milliseconds until the value expires. */
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * The cached value, or `load()`'s result cached for `ttlMs`. Concurrent calls for one key share one `load()`.
   * A cache is an optimisation, so when the store is unavailable this still loads (and logs a warning).
   */
  getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
}

// PostgreSQL and SQLite keep keys in VARCHAR(255); longer keys are hashed into a fixed-length one.
const MAX_KEY_LENGTH = 200;
/** How often a cache on a backend without native expiry deletes its expired rows (on a write, in background). */
export const SWEEP_INTERVAL_MS = 10 * 60_000;

export class KeyvTtlCache implements TtlCache {
  private readonly loading = new Map<string, Promise<unknown>>();
  private lastSweep = Date.now();
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly kv: KvNamespace,
    private readonly logger: StoreLogger,
    /** False for SQLite and PostgreSQL: expired rows stay until read, so this cache sweeps them now and then. */
    private readonly nativeTtl: boolean,
    private readonly sweepIntervalMs = SWEEP_INTERVAL_MS,
  ) {}

  get<T>(key: string): Promise<T | undefined> {
    return this.kv.get<T>(storageKey(key), 'read cached data');
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0)
      throw new RangeError(`Cache TTL must be a positive number of ms, got ${ttlMs}`);
    await this.kv.set(storageKey(key), value, 'write cached data', Math.ceil(ttlMs));
    this.maybeSweep();
  }

  delete(key: string): Promise<boolean> {
    return this.kv.delete(storageKey(key), 'remove cached data');
  }

  getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const pending = this.loading.get(key);
    if (pending) return pending as Promise<T>;
    const promise = this.readOrLoad(key, ttlMs, load).finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /** Waits for a sweep in progress (before the store closes). */
  async idle(): Promise<void> {
    await this.sweeping;
  }

  private async readOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    try {
      const cached = await this.get<T>(key);
      if (cached !== undefined) return cached;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn(`store: cache ${this.kv.name} unreadable, loading without it: ${describeError(error.cause)}`);
    }
    const value = await load();
    try {
      await this.set(key, value, ttlMs);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn(`store: cache ${this.kv.name} unwritable, value not cached: ${describeError(error.cause)}`);
    }
    return value;
  }

  private maybeSweep(): void {
    if (this.nativeTtl || this.sweeping || Date.now() - this.lastSweep < this.sweepIntervalMs) return;
    this.lastSweep = Date.now();
    this.sweeping = this.sweep()
      .catch((error) => this.logger.warn(`store: sweeping cache ${this.kv.name} failed: ${describeError(error)}`))
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  /** Reading an expired key makes keyv delete it. */
  private async sweep(): Promise<void> {
    for (const key of await this.kv.keys('', 'sweep expired cached data')) {
      await this.kv.get(key, 'sweep expired cached data');
    }
  }
}

function storageKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
