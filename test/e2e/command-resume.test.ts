// End to end: a typed `/schedule` is a durable job (src/slack/commands/command-job.ts). A command whose
// process died after recording it, before answering, is run by the next process on the same store (the
// in-process runner resumes unfinished jobs at start) and answered through its response_url; one whose
// response_url has expired is not run; one that cannot be recorded is run by the process that acked it.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreJobs } from '../../src/jobs/index.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import {
  RESPONSE_URL_TTL_MS,
  SCHEDULE_COMMAND_JOB,
  type ScheduleCommandJobData,
} from '../../src/slack/commands/command-job.js';
import { visibleText } from '../support/block-text.js';
import { blocksOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const open: TestApp[] = [];
afterEach(async () => {
  // The second app shares the first's fake Slack and sandbox: close it first.
  for (const app of open.splice(0).reverse()) await app.close();
});

/**
 * The first app's store holds a command job that its (dead) process recorded and never ran; a second app on
 * that store starts. Returns the second app and the job's id.
 */
async function commandLeftBehind(receivedAt: (now: number) => number) {
  const env = { ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  const first = await startTestApp({ env });
  open.push(first);
  const responseUrl = first.slack.newResponseUrl({ channel: 'C0000GEN1', userId: first.users.member.id });
  // The process that acked: it recorded the job, then was killed before its runner took it.
  const dead = new StoreJobs({ cache: first.store.cache('jobs'), onError: () => undefined });
  dead.register(SCHEDULE_COMMAND_JOB, () => new Promise(() => {}));
  const data: ScheduleCommandJobData = {
    scope: first.scope,
    userId: first.users.member.id,
    channelId: 'C0000GEN1',
    text: `show ${ORDERS}`,
    responseUrl,
    triggerId: first.slack.newTriggerId({ userId: first.users.member.id }),
    receivedAt: receivedAt(Date.now()),
  };
  const { id } = await dead.enqueue(SCHEDULE_COMMAND_JOB, data, { key: `commands:test:${data.userId}` });
  const next = await startTestApp({ replicaOf: first, env: { ...env, STORE_URL: `sqlite://${first.storePath}` } });
  open.push(next);
  return { first, next, id, responseUrl };
}

describe('a command whose process died before answering', () => {
  it('is run by the next start on the same store and answered through its response_url', async () => {
    const { first, next, id, responseUrl } = await commandLeftBehind((now) => now);
    const record = await next.jobs.finished(id);
    expect(record).toMatchObject({ status: 'done', result: { outcome: 'answered' } });
    const responses = first.slack.responsesTo(responseUrl);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(visibleText(blocksOf(responses[0]))).toContain('Orders');
  });

  it('is not run once its response_url has expired (30 minutes): it is only logged', async () => {
    const { first, next, id, responseUrl } = await commandLeftBehind((now) => now - RESPONSE_URL_TTL_MS - 60_000);
    const record = await next.jobs.finished(id);
    expect(record).toMatchObject({ status: 'done', result: { outcome: 'expired' } });
    expect(first.slack.responsesTo(responseUrl)).toEqual([]);
    expect(next.logs.some((line) => line.includes('its response_url has expired'))).toBe(true);
  });
});

describe('a command that cannot be recorded as a job (Redis or the store failing)', () => {
  it('is answered by the process that acknowledged it, as before', async () => {
    const t = await startTestApp();
    open.push(t);
    const enqueue = t.deps.jobs.enqueue;
    t.deps.jobs.enqueue = () => Promise.reject(new Error('Connection is closed.'));
    try {
      const { status, responses } = await t.command(`show ${ORDERS}`);
      expect(status).toBe(200);
      expect(responses).toHaveLength(1);
      expect(visibleText(blocksOf(responses[0]))).toContain('Orders');
      expect(t.logs.some((line) => line.includes('not recorded as a job, answered by this process'))).toBe(true);
    } finally {
      t.deps.jobs.enqueue = enqueue;
    }
  });
});
