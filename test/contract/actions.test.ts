// triggerSchedule, createSchedule with testNow, pauseSchedule/resumeSchedule, transferOwnership — and their errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OmniApiError, ScheduleFormat } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import {
  emailBody,
  expectOmniError,
  expectRefusedLocally,
  requestsTo,
  schedulePath,
  startWebhookReceiver,
  UNKNOWN_ID,
  useContract,
} from './support.js';

const omni = useContract();
const S = SEEDED_SCHEDULE_IDS;
const at = () => new Date(omni.clock.now()).toISOString();

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let answerWith = 200;
let hold: Promise<void> | undefined;
beforeAll(async () => {
  receiver = await startWebhookReceiver(async () => {
    await hold;
    return answerWith;
  });
});
beforeEach(() => {
  receiver.received.length = 0;
  answerWith = 200;
  hold = undefined;
});
afterAll(() => receiver.close());

const webhookSchedule = async (format: ScheduleFormat) => {
  const { id } = await omni.client.createSchedule({
    identifier: '12db1a0a',
    name: `Hook ${format}`,
    schedule: '0 9 ? * * *',
    timezone: 'UTC',
    format,
    destinationType: 'webhook',
    url: receiver.url,
  });
  return id as string;
};

describe('triggerSchedule', () => {
  it('records an email delivery and updates lastStatus and lastCompletedAt', async () => {
    expect(await omni.client.triggerSchedule(S.orders)).toEqual({ success: true });
    expect(omni.sandbox.state.deliveries).toEqual([
      expect.objectContaining({
        scheduleId: S.orders,
        kind: 'trigger',
        destinationType: 'email',
        status: 'COMPLETE',
        recipients: ['blob.ross@blobsrus.com', 'blobby.hill@blobsrus.com', 'blobmanager@myorg.co'],
      }),
    ]);
    const [record] = (await omni.client.listSchedules({ q: 'Orders', destination: 'email' })).records;
    expect(record).toMatchObject({ id: S.orders, lastStatus: 'COMPLETE', lastCompletedAt: at() });
  });

  it('really POSTs a link-only webhook to a receiver on 127.0.0.1', async () => {
    const id = await webhookSchedule('link_only');
    await omni.client.triggerSchedule(id);
    expect(receiver.received).toEqual([
      {
        method: 'POST',
        path: '/hook',
        contentType: 'application/json',
        body: JSON.stringify({ url: `${omni.sandbox.url}/dashboards/12db1a0a` }),
      },
    ]);
    const detail = await omni.client.getSchedule(id);
    expect(detail.destinations[0]).toMatchObject({ lastStatus: 'COMPLETE', lastCompletedAt: at() });
  });

  it.each([
    ['csv', /^text\/csv/],
    ['json', /^application\/json/],
    ['pdf', /^multipart\/form-data; boundary=/],
  ] as [ScheduleFormat, RegExp][])('posts a %s webhook with its content type', async (format, contentType) => {
    await omni.client.triggerSchedule(await webhookSchedule(format));
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.contentType).toMatch(contentType);
  });

  it('marks the run ERROR when the receiver answers 500, and the trigger itself still succeeds', async () => {
    answerWith = 500;
    const id = await webhookSchedule('link_only');
    expect(await omni.client.triggerSchedule(id)).toEqual({ success: true });
    expect(omni.sandbox.state.deliveries[0]).toMatchObject({
      status: 'ERROR',
      error: 'Webhook responded with HTTP 500',
    });
    expect((await omni.client.getSchedule(id)).destinations[0]?.lastStatus).toBe('ERROR');
  });

  it('runs a system-disabled schedule as a failed delivery', async () => {
    await omni.client.triggerSchedule(S.missingQuery);
    expect(omni.sandbox.state.deliveries[0]).toMatchObject({ status: 'ERROR', scheduleId: S.missingQuery });
  });

  it('surfaces 409 when a run of the schedule is already in flight, and does not retry it', async () => {
    let release = () => {};
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const id = await webhookSchedule('link_only');
    const first = omni.client.triggerSchedule(id);
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const error = (await expectOmniError(omni.sandbox, omni.client.triggerSchedule(id), {
      status: 409,
      detail: 'Another execution is in progress for this schedule',
      method: 'POST',
      path: schedulePath(id, 'trigger'),
    })) as OmniApiError;
    expect(error.attempts).toBe(1);
    release();
    expect(await first).toEqual({ success: true });
    expect(requestsTo(omni.sandbox, 'POST', schedulePath(id, 'trigger')).map((r) => r.status)).toEqual([409, 200]);
    expect(omni.sandbox.state.deliveries).toHaveLength(1);
  });

  it('surfaces 404 for an unknown schedule and refuses a malformed id locally', async () => {
    await expectOmniError(omni.sandbox, omni.client.triggerSchedule(UNKNOWN_ID), {
      status: 404,
      detail: `Scheduled task with id ${UNKNOWN_ID} does not exist`,
      method: 'POST',
      path: schedulePath(UNKNOWN_ID, 'trigger'),
    });
    // Omni would answer "Bad Request: scheduleId: Invalid uuid".
    await expectRefusedLocally(omni.sandbox, omni.client.triggerSchedule('not-a-uuid'), 'scheduleId');
    expect(omni.sandbox.state.deliveries).toEqual([]);
  });
});

describe('createSchedule with testNow', () => {
  it('saves the schedule, delivers at once and records the run as its last', async () => {
    const result = await omni.client.createSchedule(emailBody({ name: 'Try it', testNow: true }));
    expect(result).toEqual({ id: expect.any(String), message: 'Successfully created schedule' });
    expect(omni.sandbox.state.deliveries).toEqual([
      expect.objectContaining({ kind: 'test', scheduleId: result.id, recipients: ['iamagoodblob@myorg.co'] }),
    ]);
    const [record] = (await omni.client.listSchedules({ q: 'Try it' })).records;
    expect(record).toMatchObject({ id: result.id, lastStatus: 'COMPLETE', lastCompletedAt: at() });
  });

  it('really sends a webhook test delivery', async () => {
    const { id } = await omni.client.createSchedule({
      identifier: 'dashboard-abc123',
      name: 'Test hook',
      schedule: '0 0 1 1 ? 2099',
      timezone: 'UTC',
      format: 'link_only',
      destinationType: 'webhook',
      url: receiver.url,
      testNow: true,
    });
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      { url: `${omni.sandbox.url}/dashboards/dashboard-abc123` },
    ]);
    expect(omni.sandbox.state.schedules.get(id as string)?.lastStatus).toBe('COMPLETE');
  });
});

describe('pauseSchedule and resumeSchedule', () => {
  it('pausing sets disabledAt, resuming clears it', async () => {
    expect(await omni.client.pauseSchedule(S.orders)).toEqual({ success: true });
    const paused = await omni.client.getSchedule(S.orders);
    expect(paused.disabledAt).toBe(at());
    expect(await omni.client.resumeSchedule(S.orders)).toEqual({ success: true });
    const [record] = (await omni.client.listSchedules({ q: 'Orders', destination: 'email' })).records;
    expect(record?.disabledAt).toBeNull();
  });

  it.each([
    ['pause', S.webTrafficAnalysis, 'Schedule is already paused'],
    ['pause', S.missingQuery, 'Schedule is system disabled'],
    ['pause', UNKNOWN_ID, `Scheduled task with id ${UNKNOWN_ID} does not exist`],
    ['resume', S.orders, 'Schedule is already resumed'],
    ['resume', S.missingQuery, 'Schedule is system disabled'],
    ['resume', UNKNOWN_ID, `Scheduled task with id ${UNKNOWN_ID} does not exist`],
  ] as const)('%s %s surfaces "%s"', async (action, id, detail) => {
    const call = action === 'pause' ? omni.client.pauseSchedule(id) : omni.client.resumeSchedule(id);
    await expectOmniError(omni.sandbox, call, {
      status: id === UNKNOWN_ID ? 404 : 400,
      detail,
      method: 'PUT',
      path: schedulePath(id, action),
    });
  });

  it('refuses a malformed id locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.pauseSchedule('61a8e93b'), 'scheduleId');
    await expectRefusedLocally(omni.sandbox, omni.client.resumeSchedule(''), 'scheduleId');
  });
});

describe('transferOwnership', () => {
  it('moves the schedule to another member', async () => {
    expect(await omni.client.transferOwnership(S.orders, BLOBBY_HILL_ID)).toEqual({ success: true });
    expect(requestsTo(omni.sandbox, 'PUT', schedulePath(S.orders, 'transfer-ownership'))[0]?.body).toEqual({
      userId: BLOBBY_HILL_ID,
    });
    expect(await omni.client.getSchedule(S.orders)).toMatchObject({
      ownerId: BLOBBY_HILL_ID,
      owner: { name: 'Blobby Hill' },
    });
  });

  it.each([
    [S.orders, UNKNOWN_ID, 404, `User with id ${UNKNOWN_ID} does not exist`],
    [S.orders, BLOB_ROSS_ID, 400, 'User is already the owner of this schedule'],
    [UNKNOWN_ID, BLOB_ROSS_ID, 404, `Scheduled task with id ${UNKNOWN_ID} does not exist`],
  ])('%s to %s surfaces %i', async (id, userId, status, detail) => {
    await expectOmniError(omni.sandbox, omni.client.transferOwnership(id, userId), {
      status,
      detail,
      method: 'PUT',
      path: schedulePath(id, 'transfer-ownership'),
    });
  });

  it('refuses a malformed schedule id or user id locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.transferOwnership('x', BLOB_ROSS_ID), 'scheduleId');
    await expectRefusedLocally(omni.sandbox, omni.client.transferOwnership(S.orders, 'blobby'), 'userId');
  });
});
