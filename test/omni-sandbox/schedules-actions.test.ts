import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BLOB_ROSS_ID,
  BLOBBY_HILL_ID,
  MISSING_QUERY_SCHEDULE_ID,
  type OmniSandbox,
  SEEDED_SCHEDULE_IDS,
} from '../../src/omni-sandbox/index.js';
import { type Api, expectError, type Json, startSandbox } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;
const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const UNKNOWN = '123e4567-e89b-12d3-a456-426614174000';

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

describe('get one', () => {
  it('returns the detail with destinations, recipients and owner', async () => {
    const res = await api('GET', `/v1/schedules/${ORDERS}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ORDERS,
      name: 'Orders',
      organizationId: '550e8400-e29b-41d4-a716-446655440000',
      identifier: '12db1a0a',
      ownerId: BLOB_ROSS_ID,
      owner: { name: 'Blob Ross' },
      schedule: '00 09 ? * 2,3,4,5,6 *',
      timezone: 'America/New_York',
      fanOut: false,
      conditionType: null,
      disabledAt: null,
      metadata: { paperFormat: 'letter', paperOrientation: 'landscape' },
    });
    const [destination] = res.body.destinations;
    expect(destination).toMatchObject({
      format: 'pdf',
      lastStatus: 'COMPLETE',
      metadata: { type: 'email', subject: 'Daily orders', textBody: 'Here are the daily orders!' },
    });
    expect(destination.recipients.map((r: Json) => r.membership.user.email)).toEqual([
      'blob.ross@blobsrus.com',
      'blobby.hill@blobsrus.com',
      'blobmanager@myorg.co',
    ]);
  });

  it('answers 404 and 400 for unknown and malformed ids', async () => {
    expectError(await api('GET', `/v1/schedules/${UNKNOWN}`), 404, `Scheduled task with id ${UNKNOWN} does not exist`);
    expectError(await api('GET', '/v1/schedules/not-a-uuid'), 400, 'scheduleId: Invalid uuid');
    expectError(await api('GET', `/v1/schedules/${ORDERS}?userId=blob`), 400, 'userId: Invalid uuid');
    expectError(
      await api('GET', `/v1/schedules/${ORDERS}?userId=${UNKNOWN}`),
      404,
      `User with id ${UNKNOWN} does not exist`,
    );
    expect((await api('GET', `/v1/schedules/${ORDERS}?userId=${BLOBBY_HILL_ID}`)).status).toBe(200);
  });
});

describe('update (PUT, partial)', () => {
  it('changes only the properties sent and answers { success, scheduledTaskId }', async () => {
    const res = await api('PUT', `/v1/schedules/${ORDERS}`, { name: 'Orders (weekly)', schedule: '0 9 ? * MON *' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, scheduledTaskId: ORDERS });
    const after = sandbox.state.schedules.get(ORDERS);
    expect(after).toMatchObject({
      name: 'Orders (weekly)',
      schedule: '0 9 ? * MON *',
      timezone: 'America/New_York',
      format: 'pdf',
      lastStatus: 'COMPLETE',
    });
    expect(after?.destination.type === 'email' && after.destination.recipients).toHaveLength(3);
  });

  it('replaces recipients when sent, and clears options sent as null', async () => {
    await api('PUT', `/v1/schedules/${ORDERS}`, { recipients: ['solo@example.com'], paperFormat: null });
    const detail = await api('GET', `/v1/schedules/${ORDERS}`);
    expect(detail.body.destinations[0].recipients.map((r: Json) => r.membership.user.email)).toEqual([
      'solo@example.com',
    ]);
    expect(detail.body.metadata).toEqual({ paperOrientation: 'landscape' });
  });

  it('can turn a schedule into an alert and back', async () => {
    await api('PUT', `/v1/schedules/${ORDERS}`, { conditionType: 'RESULTS_MISSING', conditionQueryMapKey: '2' });
    expect(sandbox.state.schedules.get(ORDERS)?.conditionType).toBe('RESULTS_MISSING');
    await api('PUT', `/v1/schedules/${ORDERS}`, { conditionType: null, conditionQueryMapKey: null });
    expect(sandbox.state.schedules.get(ORDERS)?.conditionType).toBeNull();
  });

  it('validates the merged schedule with the create rules', async () => {
    expectError(
      await api('PUT', `/v1/schedules/${ORDERS}`, { timezone: 'EST' }),
      400,
      'timezone: Time zone must be IANA valid.',
    );
    expectError(
      await api('PUT', `/v1/schedules/${ORDERS}`, { format: 'csv' }),
      400,
      'Print options are not supported for this format',
    );
    expectError(
      await api('PUT', `/v1/schedules/${ORDERS}`, { identifier: 'unsaved01' }),
      400,
      'Analyses do not support dashboards.',
    );
    expectError(
      await api('PUT', `/v1/schedules/${ORDERS}`, { filterConfig: { region: {} } }),
      400,
      'Invalid filter keys found in schedule configuration: region. Available dashboard filter keys are: .',
    );
    expectError(
      await api('PUT', `/v1/schedules/${UNKNOWN}`, { name: 'x' }),
      404,
      `Scheduled task with id ${UNKNOWN} does not exist`,
    );
    expect(sandbox.state.schedules.get(ORDERS)?.timezone).toBe('America/New_York');
  });

  it('keeps an SFTP password it was given earlier', async () => {
    const created = await api('POST', '/v1/schedules', {
      identifier: '12db1a0a',
      name: 'To SFTP',
      schedule: '0 9 ? * * *',
      timezone: 'UTC',
      format: 'csv',
      destinationType: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 22,
      username: 'blobby',
      passwordUnencrypted: 'secret',
    });
    expect((await api('PUT', `/v1/schedules/${created.body.id}`, { port: 2222 })).status).toBe(200);
    expect(sandbox.state.schedules.get(created.body.id)?.destination).toMatchObject({ port: 2222, hasPassword: true });
  });
});

describe('delete', () => {
  it('deletes, then answers 404; rejects a malformed id', async () => {
    expect((await api('DELETE', `/v1/schedules/${ORDERS}`)).body).toEqual({ success: true });
    expect(sandbox.state.schedules.has(ORDERS)).toBe(false);
    expectError(await api('DELETE', `/v1/schedules/${ORDERS}`), 404, `Scheduled task with id ${ORDERS} does not exist`);
    expectError(await api('DELETE', '/v1/schedules/123'), 400, 'scheduleId: Invalid uuid');
  });
});

describe('pause and resume', () => {
  it('pause sets disabledAt, resume clears it; repeating either is refused', async () => {
    expect((await api('PUT', `/v1/schedules/${ORDERS}/pause`)).body).toEqual({ success: true });
    expect(sandbox.state.schedules.get(ORDERS)?.disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const listed = await api('GET', '/v1/schedules?q=Orders&pageSize=100');
    expect(listed.body.records.find((r: Json) => r.id === ORDERS).disabledAt).not.toBeNull();
    expectError(await api('PUT', `/v1/schedules/${ORDERS}/pause`), 400, 'Schedule is already paused');
    expect((await api('PUT', `/v1/schedules/${ORDERS}/resume`)).body).toEqual({ success: true });
    expect(sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    expectError(await api('PUT', `/v1/schedules/${ORDERS}/resume`), 400, 'Schedule is already resumed');
  });

  it('resumes a schedule paused in the seed', async () => {
    expect((await api('PUT', `/v1/schedules/${SEEDED_SCHEDULE_IDS.dailySlackUpdate}/resume`)).status).toBe(200);
  });

  it('refuses both on a system-disabled schedule', async () => {
    const id = MISSING_QUERY_SCHEDULE_ID;
    expectError(await api('PUT', `/v1/schedules/${id}/pause`), 400, 'Schedule is system disabled');
    expectError(await api('PUT', `/v1/schedules/${id}/resume`), 400, 'Schedule is system disabled');
    sandbox.state.systemDisable(ORDERS, 'noAccess');
    expectError(await api('PUT', `/v1/schedules/${ORDERS}/pause`), 400, 'Schedule is system disabled');
  });

  it('answers 404 for an unknown schedule', async () => {
    expectError(
      await api('PUT', `/v1/schedules/${UNKNOWN}/pause`),
      404,
      `Scheduled task with id ${UNKNOWN} does not exist`,
    );
    expectError(
      await api('PUT', `/v1/schedules/${UNKNOWN}/resume`),
      404,
      `Scheduled task with id ${UNKNOWN} does not exist`,
    );
  });
});

describe('transfer ownership', () => {
  it('moves the schedule to another member', async () => {
    const res = await api('PUT', `/v1/schedules/${ORDERS}/transfer-ownership`, { userId: BLOBBY_HILL_ID });
    expect(res.body).toEqual({ success: true });
    const listed = await api('GET', `/v1/schedules?ownerId=${BLOBBY_HILL_ID}&pageSize=100`);
    expect(listed.body.records.find((r: Json) => r.id === ORDERS)).toMatchObject({ ownerName: 'Blobby Hill' });
  });

  it('rejects a missing, malformed, unknown or current owner', async () => {
    const path = `/v1/schedules/${ORDERS}/transfer-ownership`;
    expectError(await api('PUT', path, {}), 400, 'userId: userId is required');
    expectError(await api('PUT', path, { userId: 'blob' }), 400, 'userId: Invalid uuid');
    expectError(await api('PUT', path, { userId: UNKNOWN }), 404, `User with id ${UNKNOWN} does not exist`);
    expectError(await api('PUT', path, { userId: BLOB_ROSS_ID }), 400, 'User is already the owner of this schedule');
  });
});
