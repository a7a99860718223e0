// The sandbox's strict readings (docs, spec), asynchronous runs, 429s without Retry-After, the
// full tz database, and the non-admin member key's 403s.
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, type OmniSandbox, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, startSandbox, validEmailBody } from './helpers.js';

let sandbox: OmniSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(opts: Parameters<typeof startSandbox>[0]): Promise<Api> {
  const started = await startSandbox(opts);
  sandbox = started.sandbox;
  return started.api;
}

const webhook = (patch: Record<string, unknown>) => ({
  identifier: '12db1a0a',
  name: 'Orders webhook',
  schedule: '0 9 ? * * *',
  timezone: 'UTC',
  format: 'json',
  destinationType: 'webhook',
  ...patch,
});

describe('dialect docs', () => {
  it('takes the bodies the docs print and refuses the spec-only shapes, naming the field', async () => {
    const api = await start({ dialect: 'docs' });
    expect((await api('POST', '/v1/schedules', webhook({ url: 'https://example.com/hook' }))).status).toBe(200);
    expect((await api('POST', '/v1/schedules', validEmailBody({ fanOut: 'false' }))).status).toBe(200);
    expectError(
      await api('POST', '/v1/schedules', webhook({ webhookUrl: 'https://example.com/hook' })),
      400,
      'url: Required',
    );
    expectError(
      await api('POST', '/v1/schedules', validEmailBody({ recipients: [{ email: 'a@b.co' }] })),
      400,
      'recipients.0: Expected string, received object',
    );
    expectError(
      await api('POST', '/v1/schedules', {
        ...validEmailBody(),
        destinationType: 'slack',
        slackRecipientType: 'channel',
        recipients: 'C0123ABCD',
      }),
      400,
      "destinationType: Invalid enum value. Expected 'email' | 'sftp' | 'webhook', received 'slack'",
    );
  });
});

describe('dialect spec', () => {
  it('takes the spec’s bodies and refuses the docs-only shapes, naming the field', async () => {
    const api = await start({ dialect: 'spec' });
    expect((await api('POST', '/v1/schedules', webhook({ webhookUrl: 'https://example.com/hook' }))).status).toBe(200);
    expect(
      (await api('POST', '/v1/schedules', validEmailBody({ recipients: [{ email: 'a@b.co' }], fanOut: false }))).status,
    ).toBe(200);
    expectError(
      await api('POST', '/v1/schedules', webhook({ url: 'https://example.com/hook' })),
      400,
      'webhookUrl: Required',
    );
    expectError(
      await api('POST', '/v1/schedules', validEmailBody()),
      400,
      'recipients.0: Expected object, received string',
    );
    expectError(
      await api('POST', '/v1/schedules', validEmailBody({ recipients: [{ email: 'a@b.co' }], fanOut: 'false' })),
      400,
      'fanOut: Expected boolean, received string',
    );
  });

  it('refuses the docs’ field on an update of a saved webhook, and takes its own', async () => {
    const api = await start({ dialect: 'spec' });
    const id = SEEDED_SCHEDULE_IDS.orders2;
    expectError(await api('PUT', `/v1/schedules/${id}`, { url: 'https://example.com/x' }), 400, 'webhookUrl: Required');
    expect((await api('PUT', `/v1/schedules/${id}`, { webhookUrl: 'https://example.com/x' })).status).toBe(200);
    expect((await api('GET', `/v1/schedules/${id}/recipients`)).body).toMatchObject({ url: 'https://example.com/x' });
  });
});

describe('asynchronous runs', () => {
  it('answers the trigger at once, refuses a second one with 409, and records the outcome later', async () => {
    // A run that would take an hour: only finishRunsNow() ends it, so nothing depends on timing.
    const api = await start({ runMs: 3_600_000 });
    const id = SEEDED_SCHEDULE_IDS.orders;
    const before = (await api('GET', `/v1/schedules/${id}`)).body.destinations[0];
    expect((await api('POST', `/v1/schedules/${id}/trigger`)).body).toEqual({ success: true });
    expect((await api('GET', `/v1/schedules/${id}`)).body.destinations[0].lastCompletedAt).toBe(before.lastCompletedAt);
    expectError(
      await api('POST', `/v1/schedules/${id}/trigger`),
      409,
      'Another execution is in progress for this schedule',
    );
    await sandbox?.finishRunsNow();
    const after = (await api('GET', `/v1/schedules/${id}`)).body.destinations[0];
    expect(after.lastStatus).toBe('COMPLETE');
    expect(after.lastCompletedAt).not.toBe(before.lastCompletedAt);
    expect((await api('POST', `/v1/schedules/${id}/trigger`)).status).toBe(200);
  });
});

describe('429 without Retry-After', () => {
  it('sends no Retry-After header when told not to', async () => {
    const api = await start({ rateLimitPerMinute: 1, retryAfter: false });
    expect((await api('GET', '/v1/schedules')).status).toBe(200);
    const refused = await api('GET', '/v1/schedules');
    expectError(refused, 429, 'Rate limit exceeded');
    expect(refused.headers.get('retry-after')).toBeNull();
  });
});

describe('time zones', () => {
  it.each(['Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Europe/Kiev', 'Etc/UTC', 'UTC', 'America/Ciudad_Juarez'])(
    'accepts %s, a name in the tz database',
    async (timezone) => {
      const api = await start({});
      expect((await api('POST', '/v1/schedules', validEmailBody({ timezone }))).status).toBe(200);
    },
  );
  it.each(['EST', 'asia/kolkata', 'Mars/Olympus_Mons', 'GMT+5'])('refuses %s', async (timezone) => {
    const api = await start({});
    expectError(
      await api('POST', '/v1/schedules', validEmailBody({ timezone })),
      400,
      'timezone: Time zone must be IANA valid.',
    );
  });
});

describe('member key', () => {
  const MEMBER_KEY = 'member-key-test';
  it("gets Omni's 403s where the spec declares them, and works on its own schedules", async () => {
    const api = await start({ memberKey: MEMBER_KEY });
    const asMember = { key: MEMBER_KEY };
    const rossOwned = SEEDED_SCHEDULE_IDS.orders;
    const hillOwned = SEEDED_SCHEDULE_IDS.orders2;
    expect(sandbox?.state.schedules.get(hillOwned)?.ownerId).toBe(BLOBBY_HILL_ID);
    expect(sandbox?.state.schedules.get(rossOwned)?.ownerId).toBe(BLOB_ROSS_ID);
    expectError(
      await api('GET', `/v1/schedules/${rossOwned}`, undefined, asMember),
      403,
      'Permission denied - must be schedule owner or have manage permission',
    );
    expectError(await api('POST', `/v1/schedules/${rossOwned}/trigger`, undefined, asMember), 403, 'Permission denied');
    expectError(
      await api('POST', '/v1/users/email-only', { email: 'x@y.co' }, asMember),
      403,
      'Permission denied - admin role required',
    );
    expectError(
      await api('POST', `/v1/schedules?userId=${BLOB_ROSS_ID}`, validEmailBody(), asMember),
      403,
      'Permission denied - cannot schedule this dashboard',
    );
    expect((await api('GET', `/v1/schedules/${hillOwned}`, undefined, asMember)).status).toBe(200);
    expect((await api('GET', `/v1/schedules/${rossOwned}`)).status).toBe(200);
  });
});
