// Claims: "I do this; nobody else for ttlMs". With Redis one atomic SET NX PX decides between replicas;
// without, a process-local map decides, backed by the shared store so that two processes on one store
// (SQLite or PostgreSQL) still see each other's claims, save a race of one round trip (read then write).
import type { Redis } from 'ioredis';
import type { TtlCache } from '../store/index.js';

export type ClaimOutcome<T> = { ok: true } | { ok: false; holder: T };

export interface Claims {
  /** Takes `key` for `ttlMs` with `value` (JSON), unless someone holds it: then says who. */
  claim<T>(key: string, value: T, ttlMs: number): Promise<ClaimOutcome<T>>;
  /** Gives `key` back (whoever holds it). */
  release(key: string): Promise<void>;
}

export class RedisClaims implements Claims {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'omni-slack:claim:',
  ) {}

  async claim<T>(key: string, value: T, ttlMs: number): Promise<ClaimOutcome<T>> {
    const full = this.prefix + key;
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const set = await this.redis.set(full, JSON.stringify(value), 'PX', ttl, 'NX');
    if (set === 'OK') return { ok: true };
    const held = await this.redis.get(full);
    // Expired between the two commands: try once more rather than refuse on a claim nobody holds.
    if (held === null) return this.claim(key, value, ttlMs);
    return { ok: false, holder: JSON.parse(held) as T };
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

/** One process's claims, checked synchronously first, then the store's (a read then a write). */
export class StoreClaims implements Claims {
  private readonly local = new Map<string, { value: unknown; until: number }>();

  constructor(
    /** Holds each claim's value for its TTL: its expiry ends the claim. */
    private readonly cache: TtlCache,
    private readonly now: () => number = Date.now,
  ) {}

  async claim<T>(key: string, value: T, ttlMs: number): Promise<ClaimOutcome<T>> {
    const now = this.now();
    for (const [k, v] of this.local) if (v.until <= now) this.local.delete(k);
    const mine = this.local.get(key);
    if (mine) return { ok: false, holder: mine.value as T };
    this.local.set(key, { value, until: now + ttlMs }); // before any await: closes the in-process race
    try {
      const shared = await this.cache.get<T>(key);
      if (shared !== undefined) {
        // Another process holds it until its entry expires, which only the store knows: ask it next time.
        this.local.delete(key);
        return { ok: false, holder: shared };
      }
      await this.cache.set(key, value, ttlMs);
    } catch (error) {
      this.local.delete(key);
      throw error;
    }
    return { ok: true };
  }

  async release(key: string): Promise<void> {
    this.local.delete(key);
    await this.cache.delete(key);
  }
}
