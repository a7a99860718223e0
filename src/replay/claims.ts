// "Was this key claimed already?", atomically: the one operation replay protection (and other
// at-most-once guards) need from shared storage. The in-memory version serves one process; a Redis
// version (`SET key 1 NX PX ttl`) serves replicas and implements the same interface.

export interface AtomicClaims {
  /**
   * Claims `key` for `ttlMs` milliseconds. True for exactly one caller until the claim expires
   * (every other caller, in this process or another, gets false).
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/** Claims in this process's memory: right for one process; expired claims are swept as new ones arrive. */
export class MemoryClaims implements AtomicClaims {
  readonly #expiresAt = new Map<string, number>();
  readonly #now: () => number;
  #nextSweep = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (!(ttlMs > 0)) throw new RangeError(`a claim needs a positive time to live (got ${ttlMs} ms)`);
    const now = this.#now();
    this.#sweep(now);
    const held = this.#expiresAt.get(key);
    if (held !== undefined && held > now) return false;
    this.#expiresAt.set(key, now + ttlMs);
    return true;
  }

  /** How many claims are held (expired ones not yet swept included). */
  get size(): number {
    return this.#expiresAt.size;
  }

  // A full pass at most once a second keeps memory bounded by what a few seconds of traffic claims.
  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + 1_000;
    for (const [key, expiresAt] of this.#expiresAt) if (expiresAt <= now) this.#expiresAt.delete(key);
  }
}
