import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryRateBudget, RedisRateBudget } from '../../src/coordination/rate-budget.js';
import { connectRedis } from '../../src/coordination/redis.js';
import type { Clock } from '../../src/omni/clock.js';
import { PACING_WINDOW_MS, PacerRegistry } from '../../src/omni/pacing.js';
import {
  REDIS_URL,
  redisServerMissing,
  redisUnreachable,
  serviceMissing,
  startPrivateRedis,
  uniquePrefix,
} from './support.js';

describe('MemoryRateBudget', () => {
  it('grants `limit` calls per window, then says how long until the oldest leaves it', async () => {
    let now = 0;
    const budget = new MemoryRateBudget(() => now);
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await budget.take('k', 3, 60_000));
    expect(waits).toEqual([0, 0, 0, 60_000]);
    now = 60_000;
    expect(await budget.take('k', 3, 60_000)).toBe(0);
    expect(await budget.take('other', 3, 60_000)).toBe(0);
  });

  it('blocks a key for everyone until the block ends, and a shorter block does not shorten it', async () => {
    let now = 0;
    const budget = new MemoryRateBudget(() => now);
    await budget.block('k', 30_000);
    await budget.block('k', 5_000);
    expect(await budget.take('k', 100, 60_000)).toBe(30_000);
    now = 30_000;
    expect(await budget.take('k', 100, 60_000)).toBe(0);
  });
});

const reason = await redisUnreachable();

describe('RedisRateBudget: one budget for every replica', () => {
  if (reason) {
    serviceMissing('RedisRateBudget', reason);
    return;
  }
  const prefix = `${uniquePrefix()}:rate`;
  const replicaA = new Redis(REDIS_URL);
  const replicaB = new Redis(REDIS_URL);
  afterAll(async () => {
    const keys = await replicaA.keys(`${prefix}*`);
    if (keys.length > 0) await replicaA.del(...keys);
    replicaA.disconnect();
    replicaB.disconnect();
  });

  it('grants 5 of 10 calls from two replicas within a 61 s window and makes the rest wait most of it', async () => {
    const a = new RedisRateBudget(replicaA, prefix);
    const b = new RedisRateBudget(replicaB, prefix);
    const waits = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).take('omni:shared', 5, PACING_WINDOW_MS)),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    for (const wait of waits.filter((w) => w > 0)) {
      expect(wait).toBeGreaterThan(PACING_WINDOW_MS - 10_000);
      expect(wait).toBeLessThanOrEqual(PACING_WINDOW_MS);
    }
  });

  it('counts a sliding window, not a fixed one: a full window just ended still holds the calls of its last part', async () => {
    const a = new RedisRateBudget(replicaA, prefix);
    const b = new RedisRateBudget(replicaB, prefix);
    // Whole seconds: rate-limiter-flexible takes its duration in seconds.
    const windowMs = 2_000;
    expect(await a.take('omni:sliding', 3, windowMs)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(await b.take('omni:sliding', 3, windowMs)).toBe(0);
    expect(await a.take('omni:sliding', 3, windowMs)).toBe(0);
    expect(await b.take('omni:sliding', 3, windowMs)).toBeGreaterThan(0);
    // The first call has left the window, the two later ones have not: one more is granted, not three.
    await new Promise((resolve) => setTimeout(resolve, 900));
    const waits = [];
    for (let i = 0; i < 3; i++) waits.push(await (i % 2 === 0 ? a : b).take('omni:sliding', 3, windowMs));
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThan(0);
    expect(waits[2]).toBeGreaterThan(0);
  });

  it("pauses every replica's calls on a key when one of them meets a 429", async () => {
    const a = new RedisRateBudget(replicaA, prefix);
    const b = new RedisRateBudget(replicaB, prefix);
    await a.block('omni:paused', 20_000);
    await b.block('omni:paused', 1_000); // a shorter Retry-After seen later keeps the longer pause
    const wait = await b.take('omni:paused', 100, PACING_WINDOW_MS);
    expect(wait).toBeGreaterThan(15_000);
    expect(wait).toBeLessThanOrEqual(20_000);
    expect(await b.take('omni:other', 100, PACING_WINDOW_MS)).toBe(0);
  });

  it('paces Omni clients on two replicas as one, keyed by a hash: the API key never reaches Redis', async () => {
    const sleeps: number[] = [];
    const clock: Clock = {
      now: () => Date.now(),
      // One wait is enough to show who was held back; the test stops there.
      sleep: async (ms) => {
        sleeps.push(ms);
        throw new Error('held back');
      },
    };
    const apiKey = 'omni-secret-key-123456';
    const onA = new PacerRegistry(new RedisRateBudget(replicaA, prefix)).pacerFor('https://org.example', apiKey, clock);
    const onB = new PacerRegistry(new RedisRateBudget(replicaB, prefix)).pacerFor('https://org.example', apiKey, clock);
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((i) => (i % 2 === 0 ? onA : onB).acquire(3)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(PACING_WINDOW_MS - 10_000);

    await onA.pauseUntil(Date.now() + 30_000);
    const keys = await replicaA.keys(`${prefix}*`);
    expect(keys.some((k) => k.includes(':block:omni:'))).toBe(true);
    for (const key of keys) expect(key).not.toContain(apiKey);
  });
});

describe('RedisRateBudget when Redis goes away', () => {
  const missing = redisServerMissing();
  if (missing) {
    serviceMissing('RedisRateBudget without Redis', missing);
    return;
  }
  it("keeps pacing on the replica's own budget and says so once", async () => {
    const redis = await startPrivateRedis();
    const connections = connectRedis(redis.url);
    const messages: string[] = [];
    const budget = new RedisRateBudget(connections.main, 'rate', (m) => messages.push(m));
    try {
      expect(await budget.take('omni:k', 2, PACING_WINDOW_MS)).toBe(0);
      await redis.stop();
      // Redis is down: the first two calls of this process's own window pass, the third waits.
      const waits = [];
      for (let i = 0; i < 3; i++) waits.push(await budget.take('omni:k', 2, PACING_WINDOW_MS));
      expect(waits.slice(0, 2)).toEqual([0, 0]);
      expect(waits[2]).toBeGreaterThan(0);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^rate budgets: Redis does not answer \(.+\); pacing on this replica's own budget/);
    } finally {
      await connections.close();
      await redis.stop();
    }
  });
});
