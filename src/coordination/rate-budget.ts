// A rate budget: at most `limit` calls per window for one key (an Omni org+key, a Slack workspace+method),
// and a block that stops everyone using the key until the server's `Retry-After` has passed.
// Both are sliding windows, as Omni's limit is (at most N calls in any 60 s): with Redis a log of call times
// in a sorted set, stamped by Redis's own clock so that every replica draws on one count; in one process an
// array of times on an injectable clock, so that tests run on virtual time.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

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

// A fixed window (rate-limiter-flexible's RateLimiterRedis counts per `duration` from the first call) lets
// `limit` calls at the end of one window and `limit` more at the start of the next: twice Omni's limit in
// one minute, which Omni answers with 429. This keeps every granted call's time instead, in Redis's clock
// (TIME), and grants a call only while fewer than `limit` fall in the last `windowMs`; else it answers how
// long until the oldest leaves the window. replicate_commands: Redis before 7 needs it for TIME then writes.
const TAKE_SCRIPT = `if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

/**
 * While Redis does not answer, calls draw on this process's own budget instead (the `insurance`): pacing
 * goes on, per replica, rather than every Omni and Slack call stalling until Redis is back.
 */
export class RedisRateBudget implements RateBudget {
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
      // The window in the key: two limits on one key (a connection's limit changed) count separately.
      const waitMs = await this.redis.eval(
        TAKE_SCRIPT,
        1,
        `${this.prefix}:${limit}/${windowMs}:${key}`,
        String(limit),
        String(Math.ceil(windowMs)),
        randomUUID(),
      );
      return Number(waitMs);
    } catch (error) {
      this.failed(error);
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
}
