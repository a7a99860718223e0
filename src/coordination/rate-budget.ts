// A rate budget: at most `limit` calls per window for one key (an Omni org+key, a Slack workspace+method),
// and a block that stops everyone using the key until the server's `Retry-After` has passed.
// Both are sliding windows, as Omni's limit is (at most N calls in any 60 s): with Redis, rate-limiter-flexible's
// RateLimiterRedis counting a log of call times in a sorted set, stamped by Redis's own clock so that every
// replica draws on one count; in one process an array of times on an injectable clock, so that tests run on
// virtual time.
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

// rate-limiter-flexible's RateLimiterRedis counts fixed windows of `duration` from the first call, which lets
// `limit` calls at the end of one window and `limit` more at the start of the next: twice Omni's limit in one
// minute, which Omni answers with 429. Its `customIncrTtlLuaScript` option replaces that count; this one keeps
// every granted call's time in a sorted set, in Redis's clock (TIME), and grants a call only while fewer than
// `limit` (ARGV[3]) fall in the last `duration` seconds (ARGV[4]). It answers as the library expects,
// {consumed, ms}: over the limit it says limit + 1 (a rejection) and how long until the oldest call leaves
// the window. replicate_commands: Redis before 7 needs it for TIME then writes.
const SLIDING_WINDOW_SCRIPT = `if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[3])
local window = tonumber(ARGV[4]) * 1000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  local seq = redis.call('INCR', KEYS[1] .. ':seq')
  redis.call('PEXPIRE', KEYS[1] .. ':seq', window)
  redis.call('ZADD', KEYS[1], now, now .. '-' .. seq)
  redis.call('PEXPIRE', KEYS[1], window)
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {count + 1, math.max(1, tonumber(first[2]) + window - now)}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {limit + 1, math.max(1, tonumber(oldest[2]) + window - now)}`;

/**
 * While Redis does not answer, calls draw on this process's own budget instead (the `insurance`): pacing
 * goes on, per replica, rather than every Omni and Slack call stalling until Redis is back.
 */
export class RedisRateBudget implements RateBudget {
  private readonly limiters = new Map<string, RateLimiterRedis>();
  private readonly insurance = new MemoryRateBudget();
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'omni-slack:rate',
    /** Told once when Redis stops answering and once when it answers again. */
    private readonly onStateChange: (message: string) => void = () => undefined,
  ) {}

  async take(key: string, limit: number, windowMs: number): Promise<number> {
    try {
      const blocked = await this.redis.pttl(`${this.prefix}:block:${key}`);
      this.recovered();
      if (blocked > 0) return blocked;
      if (!Number.isFinite(limit)) return 0;
      await this.limiter(limit, windowMs).consume(key);
      return 0;
    } catch (rejection) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when Redis fails.
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
      this.failed(rejection);
      return this.insurance.take(key, limit, windowMs);
    }
  }

  async block(key: string, ms: number): Promise<void> {
    await this.insurance.block(key, ms);
    try {
      await this.redis.eval(BLOCK_SCRIPT, 1, `${this.prefix}:block:${key}`, String(Math.max(1, Math.ceil(ms))));
      this.recovered();
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.onStateChange(
      `rate budgets: Redis does not answer (${reason}); pacing on this replica's own budget until it does`,
    );
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.onStateChange('rate budgets: Redis answers again; replicas share their rate budgets again');
  }

  /** One limiter per limit and window, so two limits on one key (a connection's limit changed) count apart. */
  private limiter(limit: number, windowMs: number): RateLimiterRedis {
    const id = `${limit}/${windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:${id}`,
        points: limit,
        duration: Math.ceil(windowMs / 1000),
        customIncrTtlLuaScript: SLIDING_WINDOW_SCRIPT,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
