import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisClaims, StoreClaims } from '../../src/coordination/claims.js';
import { installShared } from '../../src/coordination/shared.js';
import { RunGuard } from '../../src/schedules/run-guard.js';
import { memoryCache } from './memory-cache.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from './support.js';

describe('StoreClaims (no Redis)', () => {
  it('gives a key to one of two simultaneous claimants and names the holder to the other', async () => {
    const claims = new StoreClaims(
      memoryCache(() => 1_000),
      () => 1_000,
    );
    const results = await Promise.all([
      claims.claim('k', { who: 'A' }, 60_000),
      claims.claim('k', { who: 'B' }, 60_000),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: false, holder: { who: 'A' } }]);
  });

  it('sees another process claim through the shared store, and frees the key on release or expiry', async () => {
    let now = 1_000;
    const cache = memoryCache(() => now);
    const first = new StoreClaims(cache, () => now);
    const second = new StoreClaims(cache, () => now);
    expect(await first.claim('k', 'A', 10_000)).toEqual({ ok: true });
    expect(await second.claim('k', 'B', 10_000)).toEqual({ ok: false, holder: 'A' });
    await first.release('k');
    expect(await second.claim('k', 'B', 10_000)).toEqual({ ok: true });
    now += 10_000;
    expect(await first.claim('k', 'A', 10_000)).toEqual({ ok: true });
  });
});

const reason = await redisUnreachable();

describe('RedisClaims (SET NX PX)', () => {
  if (reason) {
    serviceMissing('RedisClaims', reason);
    return;
  }
  const redis = new Redis(REDIS_URL);
  const prefix = `${uniquePrefix()}:claim:`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    installShared({});
    redis.disconnect();
  });

  it('lets exactly one of 20 claimants on separate connections (replicas) win', async () => {
    const replicas = Array.from({ length: 20 }, () => new Redis(REDIS_URL));
    try {
      const outcomes = await Promise.all(
        replicas.map((connection, i) => new RedisClaims(connection, prefix).claim('race', { replica: i }, 5_000)),
      );
      const winners = outcomes.filter((o) => o.ok);
      expect(winners).toHaveLength(1);
      const winner = outcomes.findIndex((o) => o.ok);
      for (const outcome of outcomes.filter((o) => !o.ok))
        expect(outcome).toEqual({ ok: false, holder: { replica: winner } });
    } finally {
      for (const connection of replicas) connection.disconnect();
    }
  });

  it('expires a claim after its TTL and frees it on release', async () => {
    const claims = new RedisClaims(redis, prefix);
    expect(await claims.claim('short', 'A', 30_000)).toEqual({ ok: true });
    expect(await redis.pttl(`${prefix}short`)).toBeGreaterThan(25_000);
    expect(await claims.claim('short', 'B', 30_000)).toEqual({ ok: false, holder: 'A' });
    // Redis ends the claim when its TTL runs out: here made to run out now.
    await redis.pexpire(`${prefix}short`, 1);
    while ((await redis.exists(`${prefix}short`)) === 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await claims.claim('short', 'B', 60_000)).toEqual({ ok: true });
    await claims.release('short');
    expect(await claims.claim('short', 'C', 60_000)).toEqual({ ok: true });
    expect(await redis.pttl(`${prefix}short`)).toBeGreaterThan(0);
  });

  it('makes a double click on two replicas (two RunGuards, two connections) start the run once', async () => {
    const other = new Redis(REDIS_URL);
    try {
      const cache = memoryCache(() => Date.now());
      const onA = new RunGuard(cache, undefined, undefined, new RedisClaims(redis, prefix));
      const onB = new RunGuard(
        memoryCache(() => Date.now()),
        undefined,
        undefined,
        new RedisClaims(other, prefix),
      );
      const key = RunGuard.key('team:T1', 'sched-1');
      const [a, b] = await Promise.all([onA.claim(key, 'U1'), onB.claim(key, 'U2')]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const refused = a.ok ? b : a;
      expect(refused).toMatchObject({ ok: false, previous: { userId: a.ok ? 'U1' : 'U2' } });
    } finally {
      other.disconnect();
    }
  });

  it('is what a RunGuard uses by default once installed at start-up', async () => {
    installShared({ claims: new RedisClaims(redis, prefix) });
    const key = RunGuard.key('team:T1', 'sched-2');
    expect(await new RunGuard(memoryCache(() => Date.now())).claim(key, 'U1')).toEqual({ ok: true });
    expect(JSON.parse((await redis.get(`${prefix}${key}`)) ?? 'null')).toMatchObject({ userId: 'U1' });
    installShared({});
  });
});
