// A rate budget: at most `limit` calls per window for one key (an Omni org+key, a Slack workspace+method),
// and a block that stops everyone using the key until the server's `Retry-After` has passed.
// With Redis the budget is rate-limiter-flexible's RateLimiterRedis, so every replica draws on one count;
// in one process it is a sliding window on an injectable clock, so that tests run on virtual time.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateBudget {
  /** Takes one call from `key`'s budget: 0 when granted, else how many ms to wait before asking again. */
  take(key: string, limit: number, windowMs: number): Promise<number>;
  /** Nobody using `key` is granted a call for `ms` (a 429's Retry-After); an existing longer block stays. */
  block(key: string, ms: number): Promise<void>;
}

export class MemoryRateBudget implements RateBudget {
  private readonly keys = new Map<string, { starts: number[]; blockedUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, limit: number, windowMs: number): Promise<number> {
    const entry = this.entry(key);
    const now = this.now();
    if (entry.blockedUntil > now) return entry.blockedUntil - now;
    if (!Number.isFinite(limit)) return 0;
    while (entry.starts.length > 0 && (entry.starts[0] as number) <= now - windowMs) entry.starts.shift();
    if (entry.starts.length < limit) {
      entry.starts.push(now);
      return 0;
    }
    return (entry.starts[0] as number) + windowMs - now;
  }

  async block(key: string, ms: number): Promise<void> {
    const entry = this.entry(key);
    entry.blockedUntil = Math.max(entry.blockedUntil, this.now() + ms);
  }

  private entry(key: string) {
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { starts: [], blockedUntil: 0 };
      this.keys.set(key, entry);
    }
    return entry;
  }
}

// Extends a block only when the new one ends later: two 429s in a row must not shorten the pause.
const BLOCK_SCRIPT = `local left = redis.call('PTTL', KEYS[1])
if left < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

export class RedisRateBudget implements RateBudget {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'omni-slack:rate',
  ) {}

  async take(key: string, limit: number, windowMs: number): Promise<number> {
    const blocked = await this.redis.pttl(`${this.prefix}:block:${key}`);
    if (blocked > 0) return blocked;
    if (!Number.isFinite(limit)) return 0;
    try {
      await this.limiter(limit, windowMs).consume(key);
      return 0;
    } catch (rejection) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when Redis fails.
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
      throw rejection;
    }
  }

  async block(key: string, ms: number): Promise<void> {
    await this.redis.eval(BLOCK_SCRIPT, 1, `${this.prefix}:block:${key}`, String(Math.max(1, Math.ceil(ms))));
  }

  private limiter(limit: number, windowMs: number): RateLimiterRedis {
    const id = `${limit}/${windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:${id}`,
        points: limit,
        // Whole seconds: rate-limiter-flexible counts in fixed windows of `duration` seconds from the first call.
        duration: Math.ceil(windowMs / 1000),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
