// The real client against a sandbox that plays one reading of Omni's create/update body strictly
// (`docs` or `spec`), with asynchronous runs and 429s without Retry-After, on a virtual clock.
import { describe, expect, it } from 'vitest';
import { inMemoryDialect, type OmniDialect } from '../../src/omni/dialect.js';
import { OmniApiError, type SlackScheduleBody, type WebhookScheduleBody } from '../../src/omni/index.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { emailBody, expectOmniError, rejectionOf, requestsTo, schedulePath, useContract } from './support.js';

const LIMIT = 5;

const webhookBody = (patch: Partial<WebhookScheduleBody> = {}): WebhookScheduleBody => ({
  identifier: '12db1a0a',
  name: 'Orders as JSON',
  schedule: '0 9 ? * * *',
  timezone: 'UTC',
  format: 'json',
  destinationType: 'webhook',
  url: 'https://example.com/hook',
  ...patch,
});

const slackBody: SlackScheduleBody = {
  identifier: '12db1a0a',
  name: 'Orders in Slack',
  schedule: '0 9 ? * MON *',
  timezone: 'Asia/Kolkata',
  format: 'pdf',
  destinationType: 'slack',
  slackRecipientType: 'channel',
  recipients: 'C0123ABCD',
};

const creates = (omni: ReturnType<typeof useContract>) => requestsTo(omni.sandbox, 'POST', '/api/v1/schedules');

describe.each<OmniDialect>(['docs', 'spec'])('against a sandbox that speaks the %s reading', (dialect) => {
  const omni = useContract({
    dialect,
    rateLimitPerMinute: LIMIT,
    retryAfter: false,
    // Runs last an hour of real time: only finishRunsNow() ends one, so nothing depends on timing.
    runMs: 3_600_000,
  });

  it('settles the reading in at most one extra call for the connection, shared by its clients', async () => {
    const memory = inMemoryDialect();
    const client = omni.makeClient({ dialectMemory: memory, rateLimitPerMinute: Number.POSITIVE_INFINITY });
    const first = await client.createSchedule(webhookBody());
    expect(await memory.get()).toBe(dialect);
    // Another client of the same connection (another replica, after a restart) reads the same memory.
    const other = omni.makeClient({ dialectMemory: memory, rateLimitPerMinute: Number.POSITIVE_INFINITY });
    await other.createSchedule(emailBody());
    await other.createSchedule(webhookBody({ name: 'Second webhook' }));
    await client.updateSchedule(first.id as string, { url: 'https://example.com/moved' });

    const extra = dialect === 'docs' ? 0 : 1;
    expect(creates(omni).length).toBe(3 + extra);
    expect(creates(omni).filter((r) => r.status === 400).length).toBe(extra);
    expect(requestsTo(omni.sandbox, 'PUT', schedulePath(first.id as string))).toHaveLength(1);
    const saved = omni.sandbox.state.schedules.get(first.id as string);
    expect(saved?.destination).toEqual({ type: 'webhook', url: 'https://example.com/moved' });
    const emails = [...omni.sandbox.state.schedules.values()].find((s) => s.name === 'Daily orders');
    expect(emails?.destination.type).toBe('email');
  });

  it('creates a Slack schedule where the reading has Slack, and reports Omni’s refusal where not', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: Number.POSITIVE_INFINITY });
    if (dialect === 'spec') {
      const created = await client.createSchedule(slackBody);
      expect(omni.sandbox.state.schedules.get(created.id as string)?.timezone).toBe('Asia/Kolkata');
    } else {
      await expectOmniError(omni.sandbox, client.createSchedule(slackBody), {
        status: 400,
        detail: "destinationType: Invalid enum value. Expected 'email' | 'sftp' | 'webhook', received 'slack'",
        method: 'POST',
        path: '/api/v1/schedules',
      });
    }
    // A refusal that names no disputed field is never answered with a second create.
    expect(creates(omni)).toHaveLength(1);
  });

  it('sends a create Omni refuses for another reason once per reading at most, and nothing is saved', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: Number.POSITIVE_INFINITY });
    await expectOmniError(omni.sandbox, client.createSchedule(emailBody({ timezone: 'EST' })), {
      status: 400,
      detail: 'timezone: Time zone must be IANA valid.',
      method: 'POST',
      path: '/api/v1/schedules',
    });
    expect(creates(omni)).toHaveLength(dialect === 'docs' ? 1 : 2);
    expect(omni.sandbox.state.schedules.size).toBe(7);
  });

  it('triggers a run that finishes later, refuses a second trigger with 409, then shows the outcome', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: Number.POSITIVE_INFINITY });
    const id = SEEDED_SCHEDULE_IDS.orders;
    const before = (await client.getSchedule(id)).destinations[0];
    await expect(client.triggerSchedule(id)).resolves.toEqual({ success: true });
    expect((await client.getSchedule(id)).destinations[0]?.lastCompletedAt).toBe(before?.lastCompletedAt);
    const busy = await rejectionOf(client.triggerSchedule(id));
    expect(busy).toBeInstanceOf(OmniApiError);
    expect(busy).toMatchObject({ status: 409, detail: 'Another execution is in progress for this schedule' });

    await omni.sandbox.finishRunsNow();
    const after = (await client.getSchedule(id)).destinations[0];
    expect(after?.lastStatus).toBe('COMPLETE');
    expect(after?.lastCompletedAt).not.toBe(before?.lastCompletedAt);
    expect(omni.sandbox.state.deliveries.filter((d) => d.scheduleId === id)).toHaveLength(1);
  });

  it('waits out the minute after a 429 without Retry-After, says how long, and every call succeeds', async () => {
    const waits: number[] = [];
    const client = omni.makeClient({ rateLimitPerMinute: 100, onRateLimitWait: (wait) => waits.push(wait.waitMs) });
    for (let i = 0; i < LIMIT + 2; i++) await client.listSchedules({ pageSize: 1 });
    const statuses = omni.sandbox.state.requests.map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 200, 200]);
    expect(waits).toEqual([61_000]);
  });

  it('reports no email-only user as failed because of 429s without Retry-After', async () => {
    const users = Array.from({ length: 140 }, (_, i) => ({ email: `bulk${i}@partner.example` }));
    const outcome = await omni.makeClient({ rateLimitPerMinute: 100 }).upsertEmailOnlyUsers(users);
    expect(outcome.failed).toEqual([]);
    expect(outcome.succeeded).toHaveLength(140);
    expect(omni.sandbox.state.requests.map((r) => r.status)).toContain(429);
  });
});
