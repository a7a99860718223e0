// A sync of 1,000 people killed with SIGKILL half-way finishes after a restart: every person sent, none
// twice except the batch that was in flight at the kill. The Omni sandbox counts what it received.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_ONLY_BATCH_SIZE } from '../../src/omni/index.js';
import { type OmniSandbox, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from '../coordination/support.js';
import { startScript } from '../support/app-process.js';
import { EMAIL_ONLY, receivedCounts } from './kill-support.js';

const API_KEY = 'sync-kill-key-5c2e91d04b';
const PEOPLE = 1_000;

const redisReason = await redisUnreachable();

describe.each([
  ['the in-process runner on a SQLite store', false],
  ['BullMQ on Redis', true],
])('a 1,000-person sync killed half-way, with %s', (_name, useRedis) => {
  if (useRedis && redisReason) {
    serviceMissing('sync kill on BullMQ', redisReason);
    return;
  }
  let sandbox: OmniSandbox;
  let dir: string;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    // Some latency per call, so that the kill lands mid-job; a high limit, so that no real minute passes.
    sandbox = await startOmniSandbox({ apiKey: API_KEY, rateLimitPerMinute: 100_000, latencyMs: 15, seed: false });
    dir = mkdtempSync(join(tmpdir(), 'sync-kill-'));
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    if (useRedis) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('sends every person after a restart, and only the batch in flight twice', async () => {
    const env = {
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      STORE_PREFIX: prefix,
      OMNI_BASE_URL: sandbox.url,
      OMNI_API_KEY: API_KEY,
      ...(useRedis ? { JOBS_REDIS_URL: REDIS_URL } : {}),
    };
    const first = startScript('test/jobs/fixtures/sync-child.ts', {
      cwd: dir,
      env: { ...env, ENQUEUE_USERS: String(PEOPLE) },
    });
    const id = (await first.waitForLine(/^ENQUEUED \S+/, 30_000)).split(' ')[1] as string;
    while ([...receivedCounts(sandbox, EMAIL_ONLY).keys()].length < PEOPLE / 2) {
      if (first.exit) throw new Error(`the first process ended early: ${first.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const sentBeforeKill = receivedCounts(sandbox, EMAIL_ONLY).size;
    expect(sentBeforeKill).toBeLessThan(PEOPLE);

    const second = startScript('test/jobs/fixtures/sync-child.ts', { cwd: dir, env: { ...env, RESUME_JOB: id } });
    const finished = await second.waitForLine(/^FINISHED /, 60_000);
    const record = JSON.parse(finished.slice('FINISHED '.length)) as { status: string; result: { sent: number } };
    expect(record.status).toBe('done');
    await second.stop();

    const counts = receivedCounts(sandbox, EMAIL_ONLY);
    expect(counts.size).toBe(PEOPLE);
    const twice = [...counts].filter(([, n]) => n > 1);
    expect(twice.every(([, n]) => n === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(EMAIL_ONLY_BATCH_SIZE);
    expect(sandbox.state.emailOnlyUsers.size).toBe(PEOPLE);
  }, 120_000);
});
