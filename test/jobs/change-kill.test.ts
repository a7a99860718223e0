// A 1,000-person channel added to a schedule under the email-only policy, its job killed with SIGKILL while
// Omni receives the email-only batches, finishes after a restart: every person sent as an email-only user,
// none twice except the batch in flight at the kill, and all 1,000 on the schedule; its progress message in
// Slack ends as the summary. The Omni sandbox counts what it received.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { EMAIL_ONLY_BATCH_SIZE } from '../../src/omni/index.js';
import { type OmniSandbox, SEEDED_SCHEDULE_IDS, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from '../coordination/support.js';
import { recipientEmails } from '../e2e/recipients-helpers.js';
import { startScript } from '../support/app-process.js';
import { ADD, EMAIL_ONLY, receivedCounts } from './kill-support.js';

const API_KEY = 'change-kill-key-8d41c7e2a9';
const PEOPLE = 1_000;
const SCHEDULE = SEEDED_SCHEDULE_IDS.query; // email, one recipient
const CHANNEL = 'C0KILLED1';
const ASKER = 'U0MEMBER01';
const emailOf = (i: number) => `kill${i}@example.com`;

const redisReason = await redisUnreachable();

describe.each([
  ['the in-process runner on a SQLite store', false],
  ['BullMQ on Redis', true],
])('a 1,000-person channel added under the email-only policy, killed mid-change, with %s', (_name, useRedis) => {
  if (useRedis && redisReason) {
    serviceMissing('recipient change kill on BullMQ', redisReason);
    return;
  }
  let sandbox: OmniSandbox;
  let slack: FakeSlack;
  let dir: string;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    // Some latency per call, so that the kill lands mid-job; a high limit, so that no real minute passes.
    sandbox = await startOmniSandbox({ apiKey: API_KEY, rateLimitPerMinute: 100_000, latencyMs: 15 });
    slack = await startFakeSlack();
    slack.addUser({ id: ASKER, name: 'maria', real_name: 'Maria Member' });
    const people = Array.from(
      { length: PEOPLE },
      (_, i) => slack.addUser({ id: `U0KIL${String(i).padStart(5, '0')}`, name: `kill${i}` }).id,
    );
    slack.addChannel(CHANNEL, people, { name: 'everyone' });
    dir = mkdtempSync(join(tmpdir(), 'change-kill-'));
  });
  afterAll(async () => {
    await sandbox.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
    if (useRedis) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('sends every person after a restart, only the batch in flight twice, and adds all of them', async () => {
    const env = {
      SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
      SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
      SLACK_API_URL: slack.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      TEAM_ID: FAKE_DEFAULTS.teamId,
      USER_ID: ASKER,
      JOBS_PREFIX: prefix,
      ...(useRedis ? { JOBS_REDIS_URL: REDIS_URL } : {}),
    };
    const first = startScript('test/jobs/fixtures/change-child.ts', {
      cwd: dir,
      env: { ...env, ADD_CHANNEL: `${SCHEDULE}:${CHANNEL}`, OMNI_BASE_URL: sandbox.url, OMNI_API_KEY: API_KEY },
    });
    const id = (await first.waitForLine(/^ENQUEUED \S+/, 30_000)).split(' ')[1] as string;
    // Killed once some batches of email-only users are in (and before any recipient is added).
    while (receivedCounts(sandbox, EMAIL_ONLY).size < PEOPLE / 4) {
      if (first.exit) throw new Error(`the first process ended early: ${first.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const sentBeforeKill = receivedCounts(sandbox, EMAIL_ONLY).size;
    expect(sentBeforeKill).toBeLessThan(PEOPLE);
    expect(receivedCounts(sandbox, ADD).size).toBe(0);

    const second = startScript('test/jobs/fixtures/change-child.ts', { cwd: dir, env: { ...env, RESUME_JOB: id } });
    const finished = await second.waitForLine(/^FINISHED /, 90_000);
    const record = JSON.parse(finished.slice('FINISHED '.length)) as {
      status: string;
      result: { outcome: string; detail: string };
    };
    expect(record).toMatchObject({
      status: 'done',
      result: { outcome: 'ok', detail: `added ${PEOPLE}, skipped 0, failed 0` },
    });
    await second.stop();

    const everyone = Array.from({ length: PEOPLE }, (_, i) => emailOf(i));
    const upserted = receivedCounts(sandbox, EMAIL_ONLY);
    expect([...upserted.keys()].sort()).toEqual([...everyone].sort());
    const twice = [...upserted].filter(([, n]) => n > 1);
    expect(twice.every(([, n]) => n === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(EMAIL_ONLY_BATCH_SIZE);
    for (const email of everyone) expect(sandbox.state.emailOnlyUsers.has(email)).toBe(true);
    // Each person added once, and the schedule holds them all (besides the one it had).
    expect([...receivedCounts(sandbox, ADD).values()].filter((n) => n !== 1)).toEqual([]);
    const onSchedule = new Set(recipientEmails(sandbox, SCHEDULE));
    expect(everyone.filter((email) => !onSchedule.has(email))).toEqual([]);
    expect(onSchedule.size).toBe(PEOPLE + 1);
    // The asker's progress message, updated in place by both processes, ends as the summary.
    const dm = slack.messagesIn(`D${ASKER.slice(1)}`);
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain(`Added ${PEOPLE.toLocaleString('en-US')} recipients to`);
  }, 150_000);
});
