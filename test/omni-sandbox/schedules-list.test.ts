import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOB_ROSS_ID,
  BLOBBY_HILL_ID,
  MISSING_QUERY_SCHEDULE_ID,
  type OmniSandbox,
  SEEDED_SCHEDULE_IDS,
} from '../../src/omni-sandbox/index.js';
import { type Api, expectError, type Json, startSandbox, validEmailBody } from './helpers.js';

const DASHBOARDS = ['12db1a0a', '0958c2d8', '1169b547'];
const TOTAL = 45;

let sandbox: OmniSandbox;
let api: Api;

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox({ seed: false }));
  for (let i = 0; i < TOTAL; i++) {
    const owner = i % 2 === 0 ? BLOB_ROSS_ID : BLOBBY_HILL_ID;
    const base = validEmailBody({ name: `Report ${String(i).padStart(2, '0')}`, identifier: DASHBOARDS[i % 3] });
    const body =
      i % 3 === 0
        ? { ...base, destinationType: 'webhook', format: 'json', url: 'http://127.0.0.1:9/hook', recipients: undefined }
        : i % 5 === 1
          ? { ...base, queryIdentifierMapKey: '1', format: 'csv' }
          : base;
    const res = await api('POST', `/v1/schedules?userId=${owner}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  // Arrange last runs directly: every 4th errored, every 4th+1 completed, others never ran.
  const all = [...sandbox.state.schedules.values()].sort((a, b) => a.name.localeCompare(b.name));
  all.forEach((s, i) => {
    if (i % 4 === 0)
      Object.assign(s, {
        lastStatus: 'ERROR',
        lastCompletedAt: `2025-01-${String(10 + (i % 20)).padStart(2, '0')}T00:00:00.000Z`,
      });
    if (i % 4 === 1)
      Object.assign(s, {
        lastStatus: 'COMPLETE',
        lastCompletedAt: `2025-02-${String(10 + (i % 15)).padStart(2, '0')}T00:00:00.000Z`,
      });
  });
});

afterAll(() => sandbox.close());

const list = async (query: string) => {
  const res = await api('GET', `/v1/schedules${query ? `?${query}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { pageInfo: Record<string, unknown>; records: Record<string, Json>[] };
};

describe('pagination (cursor = page number)', () => {
  it('pages through every record exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '1';
    const infos: Record<string, unknown>[] = [];
    while (cursor !== null) {
      const page = await list(`pageSize=10&cursor=${cursor}`);
      infos.push(page.pageInfo);
      seen.push(...page.records.map((r: Json) => r.id));
      cursor = page.pageInfo.nextCursor as string | null;
    }
    expect(infos.map((i: Json) => i.nextCursor)).toEqual(['2', '3', '4', '5', null]);
    expect(infos.map((i: Json) => i.hasNextPage)).toEqual([true, true, true, true, false]);
    expect(infos.every((i: Json) => i.totalRecords === TOTAL && i.pageSize === 10)).toBe(true);
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
  });

  it('defaults to 20 per page, sorted by schedule name descending', async () => {
    const page = await list('');
    expect(page.pageInfo).toEqual({ hasNextPage: true, nextCursor: '2', pageSize: 20, totalRecords: TOTAL });
    expect(page.records[0].name).toBe('Report 44');
    expect(page.records[19].name).toBe('Report 25');
  });

  it("rejects bad page sizes and pages past the end with Omni's messages", async () => {
    expectError(await api('GET', '/v1/schedules?pageSize=101'), 400, 'Page size cannot exceed 100');
    expectError(
      await api('GET', '/v1/schedules?pageSize=10&cursor=6'),
      400,
      'Invalid page number. The last valid page is 5.',
    );
    expectError(await api('GET', '/v1/schedules?cursor=abc'), 400, 'Invalid page number. The last valid page is 3.');
    expectError(await api('GET', '/v1/schedules?cursor=0'), 400, 'Invalid page number. The last valid page is 3.');
    expect((await list('pageSize=100')).records).toHaveLength(TOTAL);
  });
});

describe('sorting', () => {
  it('sorts by name ascending', async () => {
    const names = (await list('sortField=scheduleName&sortDirection=asc&pageSize=5')).records.map((r: Json) => r.name);
    expect(names).toEqual(['Report 00', 'Report 01', 'Report 02', 'Report 03', 'Report 04']);
  });

  it('sorts by dashboard name and by owner name', async () => {
    const byDashboard = (await list('sortField=dashboardName&sortDirection=asc&pageSize=100')).records;
    const dashboards = byDashboard.map((r: Json) => r.dashboardName);
    expect(dashboards).toEqual([...dashboards].sort());
    expect(dashboards[0]).toBe('Orders');
    const byOwner = (await list('sortField=ownerName&sortDirection=desc&pageSize=100')).records;
    expect(byOwner[0].ownerName).toBe('Blobby Hill');
    expect(byOwner.at(-1)?.ownerName).toBe('Blob Ross');
  });

  it('sorts by last run, never-run schedules last when descending', async () => {
    const records = (await list('sortField=lastRun&sortDirection=desc&pageSize=100')).records;
    const times = records.map((r: Json) => r.lastCompletedAt ?? '');
    expect(times).toEqual([...times].sort().reverse());
    expect(records[0].lastCompletedAt).toMatch(/^2025-02-/);
    expect(records.at(-1)?.lastCompletedAt).toBeNull();
  });

  it('sorts by last run status', async () => {
    const statuses = (await list('sortField=lastRunStatus&sortDirection=asc&pageSize=100')).records.map(
      (r) => r.lastStatus ?? '',
    );
    expect(statuses).toEqual([...statuses].sort());
  });
});

describe('search and filters', () => {
  it('searches names, dashboard names and owner names, case-insensitively', async () => {
    expect((await list('q=report%2007')).records.map((r: Json) => r.name)).toEqual(['Report 07']);
    const byDashboard = await list('q=WEB%20TRAFFIC&pageSize=100');
    expect(byDashboard.pageInfo.totalRecords).toBe(15);
    expect(byDashboard.records.every((r: Json) => r.dashboardName === 'Web Traffic Analysis')).toBe(true);
    const byOwner = await list('q=blobby&pageSize=100');
    expect(byOwner.pageInfo.totalRecords).toBe(22);
    expect(byOwner.records.every((r: Json) => r.ownerName === 'Blobby Hill')).toBe(true);
  });

  it('filters by destination, type, content, dashboard, owner and status', async () => {
    const webhooks = await list('destination=webhook&pageSize=100');
    expect(webhooks.pageInfo.totalRecords).toBe(15);
    expect(webhooks.records.every((r: Json) => r.destinationType === 'webhook' && r.recipientCount === -1)).toBe(true);
    expect((await list('destination=slack')).pageInfo.totalRecords).toBe(0);
    expect((await list('scheduleType=alert')).pageInfo.totalRecords).toBe(0);
    expect((await list('scheduleType=schedule')).pageInfo.totalRecords).toBe(TOTAL);
    const tiles = await list('contentType=single%20tile&pageSize=100');
    expect(tiles.records.length).toBeGreaterThan(0);
    expect(tiles.records.every((r: Json) => r.content === 'single tile')).toBe(true);
    expect(
      (await list('identifier=0958c2d8&pageSize=100')).records.every((r: Json) => r.identifier === '0958c2d8'),
    ).toBe(true);
    const mine = await list(`ownerId=${BLOB_ROSS_ID}&pageSize=100`);
    expect(mine.pageInfo.totalRecords).toBe(23);
    expect(mine.records.every((r: Json) => r.ownerId === BLOB_ROSS_ID)).toBe(true);
    const errored = await list('status=error&pageSize=100');
    expect(errored.pageInfo.totalRecords).toBe(12);
    expect(errored.records.every((r: Json) => r.lastStatus === 'ERROR')).toBe(true);
    expect((await list('status=success')).pageInfo.totalRecords).toBe(11);
    expect((await list('status=none')).pageInfo.totalRecords).toBe(22);
    expect((await list('status=canceled')).pageInfo.totalRecords).toBe(0);
    const combined = await list('q=report&destination=email&status=success&pageSize=100');
    expect(combined.records.every((r: Json) => r.destinationType === 'email' && r.lastStatus === 'COMPLETE')).toBe(
      true,
    );
  });

  it("rejects bad filter values with Omni's messages", async () => {
    expectError(await api('GET', '/v1/schedules?status=done'), 400, 'Invalid enum value');
    expectError(await api('GET', '/v1/schedules?destination=fax'), 400, 'Invalid enum value');
    expectError(await api('GET', '/v1/schedules?sortField=id'), 400, 'Invalid enum value');
    expectError(await api('GET', '/v1/schedules?ownerId=blob'), 400, 'ownerId: Invalid uuid');
    const stranger = '00000000-0000-4000-8000-000000000000';
    expectError(await api('GET', `/v1/schedules?ownerId=${stranger}`), 404, `User with id ${stranger} does not exist`);
  });
});

describe('the seeded organization', () => {
  it("lists the docs' six example schedules and the system-disabled one, with both readers' fields", async () => {
    const seeded = await startSandbox();
    try {
      const res = await seeded.api('GET', '/v1/schedules?pageSize=100&sortDirection=asc');
      const byId = new Map<string, Json>(res.body.records.map((r: { id: string }) => [r.id, r]));
      expect(res.body.pageInfo.totalRecords).toBe(7);
      expect(byId.get(SEEDED_SCHEDULE_IDS.webTrafficAnalysis)).toMatchObject({
        name: 'Web Traffic Analysis',
        schedule: '00 09 ? * 2,3,4,5,6 *',
        timezone: 'America/Los_Angeles',
        identifier: '1169b547',
        dashboardName: 'Web Traffic Analysis',
        ownerId: BLOB_ROSS_ID,
        ownerName: 'Blob Ross',
        destinationType: 'email',
        format: 'pdf',
        content: 'dashboard',
        disabledAt: '2024-03-01T15:32:20.996Z',
        lastCompletedAt: '2024-02-29T17:00:56.107Z',
        lastStatus: 'COMPLETE',
        slackRecipientType: null,
        systemDisabledAt: null,
        systemDisabledReason: null,
      });
      expect(byId.get(SEEDED_SCHEDULE_IDS.query)).toMatchObject({
        content: 'single tile',
        lastStatus: 'ERROR_DELIVERED',
      });
      expect(byId.get(SEEDED_SCHEDULE_IDS.orders2)).toMatchObject({ destinationType: 'webhook', recipientCount: -1 });
      expect(byId.get(SEEDED_SCHEDULE_IDS.dailySlackUpdate)).toMatchObject({
        destinationType: 'slack',
        slackRecipientType: 'users',
        lastStatus: null,
      });
      expect(byId.get(SEEDED_SCHEDULE_IDS.orders).recipientCount).toBe(3);
      for (const record of byId.values()) {
        if (record.id !== MISSING_QUERY_SCHEDULE_ID) expect(record).not.toHaveProperty('alert');
      }
      expect(byId.get(MISSING_QUERY_SCHEDULE_ID)).toMatchObject({
        systemDisabledReason: 'missingQuery',
        alert: { conditionType: 'RESULTS_PRESENT', conditionQueryName: null },
      });
      expect((await seeded.api('GET', '/v1/schedules?q=Blob%20Ross&pageSize=100')).body.pageInfo.totalRecords).toBe(3);
    } finally {
      await seeded.sandbox.close();
    }
  });
});
