import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { openCoordination } from '../../src/coordination/open.js';
import { sharedClaims, sharedRateBudget } from '../../src/coordination/shared.js';
import { openStore } from '../../src/store/index.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'coordination-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const open = () => openStore({ url: `sqlite://${join(dir, 'store.sqlite')}`, encryptionKeys: [key], logger: silent });

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
}

describe('openCoordination without REDIS_URL', () => {
  it('warns at start-up when a second process shows up on the same store, naming REDIS_URL', async () => {
    const [storeA, storeB] = [await open(), await open()];
    const [logA, logB] = [recordingLogger(), recordingLogger()];
    const a = await openCoordination({ store: storeA, logger: logA });
    const b = await openCoordination({ store: storeB, logger: logB });
    expect(logA.lines).toEqual([]);
    expect(logB.lines).toHaveLength(1);
    expect(logB.lines[0]).toMatch(
      /^warn Another process of this app \(pid \d+ on .+\) uses the same store, but REDIS_URL is not set/,
    );
    expect(sharedClaims()).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
    await Promise.all([storeA.close(), storeB.close()]);
  });
});

const reason = await redisUnreachable();

describe('openCoordination with REDIS_URL', () => {
  if (reason) {
    serviceMissing('openCoordination with Redis', reason);
    return;
  }
  it('shares claims, the rate budget and BullMQ jobs through Redis, and says so once', async () => {
    const store = await open();
    const log = recordingLogger();
    const prefix = uniquePrefix();
    const coordination = await openCoordination({ redisUrl: REDIS_URL, store, logger: log, prefix });
    expect(coordination.claims).toBeDefined();
    expect(sharedClaims()).toBe(coordination.claims);
    expect(sharedRateBudget()).toBe(coordination.rateBudget);
    coordination.jobs.register('echo', async (job) => job.data);
    await coordination.jobs.start();
    const { id } = await coordination.jobs.enqueue('echo', { hello: 'replicas' }, { key: 'k' });
    expect(await coordination.jobs.finished(id)).toMatchObject({ status: 'done', result: { hello: 'replicas' } });
    expect(log.lines).toEqual([
      'info replicas: REDIS_URL set: rate budgets, run claims and jobs are shared through Redis',
    ]);
    await coordination.close();
    expect(sharedClaims()).toBeUndefined();
    await store.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
});
