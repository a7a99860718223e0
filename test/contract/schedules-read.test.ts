// listSchedules (every filter, sort and paging), iterateSchedules, getSchedule — and their errors.
import { describe, expect, it } from 'vitest';
import type { ListSchedulesQuery, ScheduleRecord } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import {
  emailBody,
  expectOmniError,
  expectRefusedLocally,
  requestsTo,
  schedulePath,
  UNKNOWN_ID,
  useContract,
} from './support.js';

const omni = useContract();
const S = SEEDED_SCHEDULE_IDS;
const BLOBBY_HILL_MEMBERSHIP = 'd4e2b8f3-6c9e-4f2a-8b71-8e3c5d9f2a02';
const LIST = '/api/v1/schedules';

const names = (records: ScheduleRecord[]) => records.map((r) => r.name);
const ids = (records: ScheduleRecord[]) => records.map((r) => r.id).sort();
const list = async (query: ListSchedulesQuery) => (await omni.client.listSchedules(query)).records;

describe('listSchedules', () => {
  it('lists the seeded organization as Omni documents a record', async () => {
    const page = await omni.client.listSchedules();
    expect(page.pageInfo).toEqual({ hasNextPage: false, nextCursor: null, pageSize: 20, totalRecords: 7 });
    const orders = page.records.find((r) => r.id === S.orders);
    expect(orders).toEqual({
      id: S.orders,
      name: 'Orders',
      schedule: '00 09 ? * 2,3,4,5,6 *',
      timezone: 'America/New_York',
      identifier: '12db1a0a',
      dashboardName: 'Orders',
      ownerId: BLOB_ROSS_ID,
      ownerName: 'Blob Ross',
      destinationType: 'email',
      format: 'pdf',
      content: 'dashboard',
      recipientCount: 3,
      slackRecipientType: null,
      disabledAt: null,
      systemDisabledAt: null,
      systemDisabledReason: null,
      lastCompletedAt: '2025-05-19T13:00:25.376Z',
      lastStatus: 'COMPLETE',
      alert: null,
      // Added by the client, which merges Omni's one-row-per-destination list.
      destinations: [
        {
          destinationType: 'email',
          format: 'pdf',
          recipientCount: 3,
          slackRecipientType: null,
          lastStatus: 'COMPLETE',
          lastCompletedAt: '2025-05-19T13:00:25.376Z',
        },
      ],
    });
    const alert = page.records.find((r) => r.id === S.missingQuery);
    expect(alert).toMatchObject({
      alert: { conditionQueryName: null, conditionType: 'RESULTS_PRESENT' },
      systemDisabledReason: 'missingQuery',
      lastStatus: 'ERROR',
    });
    const slack = page.records.find((r) => r.id === S.dailySlackUpdate);
    expect(slack).toMatchObject({ recipientCount: -1, slackRecipientType: 'users', disabledAt: expect.any(String) });
  });

  it('searches schedule names, dashboard names and owner names with q, case-insensitively', async () => {
    expect(ids(await list({ q: 'ORDERS' }))).toEqual([S.orders, S.orders2].sort());
    expect(ids(await list({ q: 'quarter' }))).toEqual([S.externalUsers, S.dailySlackUpdate].sort());
    expect(ids(await list({ q: 'blobby' }))).toEqual([S.query, S.orders2, S.externalUsers, S.dailySlackUpdate].sort());
    expect(await list({ q: 'no such words' })).toEqual([]);
    expect(requestsTo(omni.sandbox, 'GET', LIST)[0]?.query).toEqual({ q: 'ORDERS' });
  });

  it.each([
    [{ status: 'success' }, [S.webTrafficAnalysis, S.orders2, S.orders, S.externalUsers]],
    [{ status: 'error' }, [S.query, S.missingQuery]],
    [{ status: 'canceled' }, []],
    [{ status: 'none' }, [S.dailySlackUpdate]],
    [{ destination: 'email' }, [S.webTrafficAnalysis, S.query, S.orders, S.externalUsers, S.missingQuery]],
    [{ destination: 'webhook' }, [S.orders2]],
    [{ destination: 'slack' }, [S.dailySlackUpdate]],
    [{ destination: 'sftp' }, []],
    [{ destination: 's3' }, []],
    [{ destination: 'google_sheets' }, []],
    [{ scheduleType: 'alert' }, [S.missingQuery]],
    [{ scheduleType: 'schedule' }, Object.values(S).filter((id) => id !== S.missingQuery)],
    [{ contentType: 'single tile' }, [S.query]],
    [{ contentType: 'dashboard' }, Object.values(S).filter((id) => id !== S.query)],
    [{ identifier: '12db1a0a' }, [S.orders, S.orders2]],
    [{ ownerId: BLOBBY_HILL_ID }, [S.query, S.orders2, S.externalUsers, S.dailySlackUpdate]],
    [{ ownerId: BLOBBY_HILL_MEMBERSHIP }, [S.query, S.orders2, S.externalUsers, S.dailySlackUpdate]],
    [{ embedEntity: 'tenant-1' }, []],
    [{ q: 'orders', destination: 'email', status: 'success' }, [S.orders]],
  ] as [ListSchedulesQuery, string[]][])('filters by %j', async (query, expected) => {
    expect(ids(await list(query))).toEqual([...expected].sort());
    const sent = requestsTo(omni.sandbox, 'GET', LIST)[0];
    expect(sent?.query).toEqual(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])));
  });

  it('sorts by schedule name, descending by default', async () => {
    const byDefault = names(await list({}));
    expect(names(await list({ sortField: 'scheduleName', sortDirection: 'desc' }))).toEqual(byDefault);
    const ascending = names(await list({ sortField: 'scheduleName', sortDirection: 'asc' }));
    expect(ascending).toEqual([...byDefault].reverse());
    expect(ascending.filter((name) => /^[A-Z]/.test(name))).toEqual([
      'Daily Slack update',
      'External users',
      'Orders',
      'Orders (2)',
      'Regional sales alert',
      'Web Traffic Analysis',
    ]);
  });

  it('sorts by dashboard name, owner name, last run and last run status, both ways', async () => {
    const byDashboard = await list({ sortField: 'dashboardName', sortDirection: 'asc' });
    expect(byDashboard.map((r) => r.dashboardName)).toEqual([
      'Blob R Us Sales',
      'Orders',
      'Orders',
      'Regional Sales',
      'Sales Data by Quarter',
      'Sales Data by Quarter',
      'Web Traffic Analysis',
    ]);
    const byOwner = await list({ sortField: 'ownerName', sortDirection: 'desc' });
    expect(byOwner.map((r) => r.ownerName)).toEqual([...Array(4).fill('Blobby Hill'), ...Array(3).fill('Blob Ross')]);
    const byLastRun = await list({ sortField: 'lastRun', sortDirection: 'asc' });
    expect(byLastRun.map((r) => r.id)).toEqual([
      S.dailySlackUpdate, // never ran
      S.webTrafficAnalysis,
      S.externalUsers,
      S.orders,
      S.orders2,
      S.query,
      S.missingQuery,
    ]);
    expect((await list({ sortField: 'lastRun', sortDirection: 'desc' })).map((r) => r.id)).toEqual(
      byLastRun.map((r) => r.id).reverse(),
    );
    const byStatus = await list({ sortField: 'lastRunStatus', sortDirection: 'asc' });
    expect(byStatus.map((r) => r.lastStatus)).toEqual([
      null,
      'COMPLETE',
      'COMPLETE',
      'COMPLETE',
      'COMPLETE',
      'ERROR',
      'ERROR_DELIVERED',
    ]);
  });

  it("pages with Omni's page-number cursors, without overlap", async () => {
    const first = await omni.client.listSchedules({ pageSize: 3, sortDirection: 'asc' });
    expect(first.pageInfo).toEqual({ hasNextPage: true, nextCursor: '2', pageSize: 3, totalRecords: 7 });
    const second = await omni.client.listSchedules({ pageSize: 3, sortDirection: 'asc', cursor: '2' });
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, nextCursor: '3' });
    const third = await omni.client.listSchedules({ pageSize: 3, sortDirection: 'asc', cursor: 3 });
    expect(third.pageInfo).toEqual({ hasNextPage: false, nextCursor: null, pageSize: 3, totalRecords: 7 });
    expect([first, second, third].map((p) => p.records.length)).toEqual([3, 3, 1]);
    expect(ids([...first.records, ...second.records, ...third.records])).toEqual(Object.values(S).sort());
    expect(requestsTo(omni.sandbox, 'GET', LIST).map((r) => r.query.cursor)).toEqual([undefined, '2', '3']);
  });

  it('takes the largest page size, 100', async () => {
    expect((await omni.client.listSchedules({ pageSize: 100 })).pageInfo.pageSize).toBe(100);
  });

  it('surfaces "Invalid page number" for a page past the last one', async () => {
    await expectOmniError(omni.sandbox, omni.client.listSchedules({ pageSize: 5, cursor: '3' }), {
      status: 400,
      detail: 'Invalid page number. The last valid page is 2.',
      method: 'GET',
      path: LIST,
    });
  });

  it('surfaces 404 "User with id … does not exist" for an unknown owner', async () => {
    await expectOmniError(omni.sandbox, omni.client.listSchedules({ ownerId: UNKNOWN_ID }), {
      status: 404,
      detail: `User with id ${UNKNOWN_ID} does not exist`,
      method: 'GET',
      path: LIST,
    });
  });

  it.each([
    ['status', { status: 'failed' }],
    ['destination', { destination: 'teams' }],
    ['scheduleType', { scheduleType: 'report' }],
    ['contentType', { contentType: 'single_tile' }],
    ['sortField', { sortField: 'name' }],
    ['sortDirection', { sortDirection: 'up' }],
    ['ownerId', { ownerId: 'blob-ross' }],
    ['pageSize', { pageSize: 101 }],
    ['pageSize', { pageSize: 0 }],
    ['cursor', { cursor: 0 }],
    ['colour', { colour: 'blue' }],
  ])(
    'refuses a bad %s locally (Omni would say "Invalid enum value", "Invalid uuid", a page size error…)',
    async (field, query) => {
      await expectRefusedLocally(omni.sandbox, omni.client.listSchedules(query as ListSchedulesQuery), field);
    },
  );
});

describe('iterateSchedules', () => {
  it('walks every page, one request per page', async () => {
    const records = [];
    for await (const record of omni.client.iterateSchedules({ pageSize: 2, sortDirection: 'asc' })) {
      records.push(record);
    }
    expect(ids(records)).toEqual(Object.values(S).sort());
    expect(requestsTo(omni.sandbox, 'GET', LIST).map((r) => r.query)).toEqual([
      { pageSize: '2', sortDirection: 'asc' },
      { pageSize: '2', sortDirection: 'asc', cursor: '2' },
      { pageSize: '2', sortDirection: 'asc', cursor: '3' },
      { pageSize: '2', sortDirection: 'asc', cursor: '4' },
    ]);
  });

  it("walks more schedules than one default page (20), with a filter, and reports Omni's total", async () => {
    for (let i = 1; i <= 25; i++) {
      await omni.client.createSchedule(emailBody({ name: `Bulk report ${String(i).padStart(2, '0')}` }));
    }
    const seen: string[] = [];
    for await (const record of omni.client.iterateSchedules({ q: 'bulk report', sortDirection: 'asc' })) {
      seen.push(record.name);
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `Bulk report ${String(i + 1).padStart(2, '0')}`));
    expect(requestsTo(omni.sandbox, 'GET', LIST)).toHaveLength(2);
    expect((await omni.client.listSchedules()).pageInfo.totalRecords).toBe(32);
  });

  it('stops at once when nothing matches', async () => {
    const records = [];
    for await (const record of omni.client.iterateSchedules({ q: 'nothing at all' })) records.push(record);
    expect(records).toEqual([]);
    expect(requestsTo(omni.sandbox, 'GET', LIST)).toHaveLength(1);
  });
});

describe('getSchedule', () => {
  it('reads one schedule with its destination and recipients', async () => {
    const detail = await omni.client.getSchedule(S.orders);
    expect(detail).toMatchObject({
      id: S.orders,
      name: 'Orders',
      schedule: '00 09 ? * 2,3,4,5,6 *',
      timezone: 'America/New_York',
      organizationId: '550e8400-e29b-41d4-a716-446655440000',
      ownerId: BLOB_ROSS_ID,
      owner: { name: 'Blob Ross' },
      fanOut: false,
      conditionType: null,
      disabledAt: null,
      systemDisabledReason: null,
    });
    expect(detail.destinations).toHaveLength(1);
    const [destination] = detail.destinations;
    expect(destination).toMatchObject({
      format: 'pdf',
      lastStatus: 'COMPLETE',
      lastCompletedAt: '2025-05-19T13:00:25.376Z',
      metadata: { type: 'email', subject: 'Daily orders' },
    });
    expect(destination?.recipients.map((r) => r.membership?.user.email)).toEqual([
      'blob.ross@blobsrus.com',
      'blobby.hill@blobsrus.com',
      'blobmanager@myorg.co',
    ]);
  });

  it('reads a system-disabled alert', async () => {
    expect(await omni.client.getSchedule(S.missingQuery)).toMatchObject({
      conditionType: 'RESULTS_PRESENT',
      conditionQueryMapKey: '3',
      systemDisabledReason: 'missingQuery',
      systemDisabledAt: '2025-06-02T06:00:04.211Z',
    });
  });

  it('passes userId (a membership id) as a query parameter', async () => {
    expect((await omni.client.getSchedule(S.orders2, { userId: BLOBBY_HILL_MEMBERSHIP })).id).toBe(S.orders2);
    expect(requestsTo(omni.sandbox, 'GET', schedulePath(S.orders2))[0]?.query).toEqual({
      userId: BLOBBY_HILL_MEMBERSHIP,
    });
  });

  it('surfaces 404 "Scheduled task with id … does not exist"', async () => {
    await expectOmniError(omni.sandbox, omni.client.getSchedule(UNKNOWN_ID), {
      status: 404,
      detail: `Scheduled task with id ${UNKNOWN_ID} does not exist`,
      method: 'GET',
      path: schedulePath(UNKNOWN_ID),
    });
  });

  it('surfaces 404 "User with id … does not exist" for an unknown userId', async () => {
    await expectOmniError(omni.sandbox, omni.client.getSchedule(S.orders, { userId: UNKNOWN_ID }), {
      status: 404,
      detail: `User with id ${UNKNOWN_ID} does not exist`,
      method: 'GET',
      path: schedulePath(S.orders),
    });
  });

  it('refuses a malformed schedule id or userId locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.getSchedule('61a8e93b'), 'scheduleId');
    await expectRefusedLocally(omni.sandbox, omni.client.getSchedule(S.orders, { userId: 'blob' }), 'userId');
  });
});
