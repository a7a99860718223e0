import { describe, expect, it } from 'vitest';
import { type ListSchedulesQuery, OmniApiError, type SchedulePage, type ScheduleRecord } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { type ListViewer, type RecipientIndex, readScheduleList } from '../../src/schedules/list-plan.js';
import { ListQueryError, listSchedulesQuery, parseListArgs } from '../../src/schedules/list-query.js';
import { recordedListing } from './listing-sandbox.js';

/** What Omni was asked, call by call. */
const { omni, asked, forget } = recordedListing('plan-key');

const blob: ListViewer = { omniUserId: BLOB_ROSS_ID, email: 'blob.ross@blobsrus.com' };
const list = (text: string, extra: { viewer?: ListViewer; recipientIndex?: RecipientIndex; cursor?: string } = {}) => {
  forget();
  return readScheduleList(
    omni,
    { filters: parseListArgs(text.split(' ').filter(Boolean)), cursor: extra.cursor ?? '1' },
    {
      pageSize: 20,
      viewer: extra.viewer ?? blob,
      ...(extra.recipientIndex ? { recipientIndex: extra.recipientIndex } : {}),
    },
  );
};
const names = (page: { records: ScheduleRecord[] }) => page.records.map((r) => r.name);

describe('list grammar for mine, receiving, paused and disabled', () => {
  it('reads the words in any case, each once, and gives them back', () => {
    expect(parseListArgs(['Mine', 'PAUSED', 'sales', 'receiving'])).toEqual({
      mine: true,
      state: 'paused',
      receiving: true,
      q: 'sales',
    });
    expect(() => parseListArgs(['paused', 'disabled'])).toThrow(ListQueryError);
    expect(() => parseListArgs(['mine', 'mine'])).toThrow('`mine` is given twice; give it once.');
  });

  it('refuses to hand Omni a query that would ignore them', () => {
    expect(() => listSchedulesQuery({ mine: true })).toThrow(ListQueryError);
    expect(listSchedulesQuery({ q: 'mine report' })).toEqual({ q: 'mine report', sortDirection: 'asc' });
  });
});

describe('readScheduleList against the sandbox', () => {
  it('leaves plain lists to Omni: one call, no notes', async () => {
    const page = await list('orders');
    expect(names(page)).toEqual(['Orders', 'Orders (2)']);
    expect(page).toMatchObject({ filteredHere: false, notes: [], calls: 1 });
    expect(asked).toEqual([{ q: 'orders', sortDirection: 'asc', cursor: '1', pageSize: 20 }]);
  });

  it('reads the last page Omni has when the one asked for is gone', async () => {
    const page = await list('orders', { cursor: '3' });
    expect(page).toMatchObject({ cursor: '1', calls: 2 });
    expect(names(page)).toEqual(['Orders', 'Orders (2)']);
  });

  it("lists mine through Omni's owner filter in one call", async () => {
    const page = await list('mine');
    expect(names(page)).toEqual(['Orders', 'Regional sales alert', 'Web Traffic Analysis']);
    expect(page).toMatchObject({ filteredHere: false, notes: [], calls: 1 });
    expect(asked[0]).toMatchObject({ ownerId: BLOB_ROSS_ID });
  });

  it('says so, without asking Omni, when the viewer is no Omni user', async () => {
    const page = await list('mine', { viewer: { omniUserId: null, email: 'guest@elsewhere.co' } });
    expect(page).toMatchObject({
      records: [],
      calls: 0,
      notes: ['No Omni user has your email (guest@elsewhere.co), so no schedule in Omni is yours.'],
    });
    expect(asked).toEqual([]);
    await expect(list('mine', { viewer: { email: 'x@y.co' } })).rejects.toThrow(/Omni user id/);
  });

  it('filters paused and disabled schedules here and says how many it looked through', async () => {
    const paused = await list('paused');
    expect(names(paused)).toEqual(['Daily Slack update', 'External users', 'Web Traffic Analysis']);
    expect(paused).toMatchObject({ filteredHere: true, calls: 1 });
    expect(paused.notes).toEqual([
      'Omni cannot filter by state, so the app looked through all 7 schedules and found 3 paused.',
    ]);
    expect(asked).toEqual([{ sortDirection: 'asc', cursor: '1', pageSize: 100 }]);

    const disabled = await list('disabled mine');
    expect(names(disabled)).toEqual(['Regional sales alert']);
    expect(disabled.notes).toEqual([
      'Omni cannot filter by state, so the app looked through all 3 schedules matching the other filters and found 1 disabled by Omni.',
    ]);
  });

  it('says what it did instead of an empty "No schedules match"', async () => {
    const none = await list('paused status:error');
    expect(none.records).toEqual([]);
    expect(none.notes).toEqual([
      'Omni cannot filter by state, so the app looked through all 2 schedules matching the other filters and found 0 paused.',
    ]);
  });

  it('lists email schedules for receiving without a recipient index, and says that is all it can do', async () => {
    const page = await list('receiving');
    expect(names(page)).toEqual([
      '⚡️🍣 Query',
      'External users',
      'Orders',
      'Regional sales alert',
      'Web Traffic Analysis',
    ]);
    expect(asked[0]).toMatchObject({ destination: 'email' });
    expect(page.notes).toEqual([
      'Omni cannot search by recipient, so these are all the email schedules; open one to see whether it goes to blob.ross@blobsrus.com.',
    ]);
    expect(await list('receiving destination:slack')).toMatchObject({ records: [], calls: 0 });
  });

  it('asks the recipient index when there is one', async () => {
    const index: RecipientIndex = {
      schedulesDeliveringTo: async (email) => {
        expect(email).toBe('blob.ross@blobsrus.com');
        return {
          scheduleIds: new Set([SEEDED_SCHEDULE_IDS.orders, SEEDED_SCHEDULE_IDS.webTrafficAnalysis]),
          asOf: '2026-12-04T17:00:00Z',
          complete: true,
        };
      },
    };
    const paused = await list('receiving paused', { recipientIndex: index });
    expect(names(paused)).toEqual(['Web Traffic Analysis']);
    expect(paused.notes[1]).toBe(
      'Omni cannot filter by state, so the app looked through all 7 schedules and found 1 paused delivering to you.',
    );
    const page = await list('receiving', { recipientIndex: index });
    expect(names(page)).toEqual(['Orders', 'Web Traffic Analysis']);
    expect(page.notes).toEqual([
      'Omni cannot search by recipient: schedules delivering to blob.ross@blobsrus.com as the app last saw them (2026-12-04T17:00:00Z).',
      'The app looked through all 7 schedules and found 2 delivering to you.',
    ]);
  });
});

describe('readScheduleList over many pages', () => {
  const record = (i: number, paused: boolean): ScheduleRecord => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Report ${i}`,
    schedule: '0 9 ? * * *',
    timezone: 'UTC',
    identifier: 'd1',
    dashboardName: 'Board',
    ownerId: null,
    ownerName: 'Ann',
    destinationType: 'email',
    format: 'pdf',
    content: 'dashboard',
    recipientCount: 1,
    slackRecipientType: null,
    disabledAt: paused ? '2026-01-01T00:00:00Z' : null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    lastCompletedAt: null,
    lastStatus: null,
    alert: null,
  });
  const all = Array.from({ length: 450 }, (_, i) => record(i + 1, (i + 1) % 50 === 0));
  const pages = {
    cursors: [] as (string | number | undefined)[],
    async listSchedules(query: ListSchedulesQuery): Promise<SchedulePage> {
      this.cursors.push(query.cursor);
      const page = Number(query.cursor ?? 1);
      const size = query.pageSize ?? 20;
      const last = Math.ceil(all.length / size);
      if (page > last) {
        throw new OmniApiError({
          status: 400,
          detail: `Invalid page number. The last valid page is ${last}.`,
          method: 'GET',
          path: '/api/v1/schedules',
          attempts: 1,
        });
      }
      return {
        pageInfo: {
          hasNextPage: page < last,
          nextCursor: page < last ? String(page + 1) : null,
          pageSize: size,
          totalRecords: all.length,
        },
        records: all.slice((page - 1) * size, page * size),
      };
    },
  };

  it('reads 3 pages of 100 a request, and Next carries on where it stopped', async () => {
    const first = await readScheduleList(pages, { filters: { state: 'paused' }, cursor: '1' }, { pageSize: 20 });
    expect(first.records.map((r) => r.name)).toEqual([
      'Report 50',
      'Report 100',
      'Report 150',
      'Report 200',
      'Report 250',
      'Report 300',
    ]);
    expect(first).toMatchObject({ calls: 3, pageInfo: { hasNextPage: true, nextCursor: '4', totalRecords: 450 } });
    expect(first.notes).toEqual([
      'Omni cannot filter by state, so the app looked through schedules 1–300 of 450 and found 6 paused; Next looks through the following ones.',
    ]);
    const next = await readScheduleList(pages, { filters: { state: 'paused' }, cursor: '4' }, { pageSize: 20 });
    expect(next.records.map((r) => r.name)).toEqual(['Report 350', 'Report 400', 'Report 450']);
    expect(next.notes).toEqual([
      'Omni cannot filter by state, so the app looked through schedules 301–450 of 450 and found 3 paused.',
    ]);
    expect(next).toMatchObject({ calls: 2, pageInfo: { hasNextPage: false, nextCursor: null } });
  });

  it('starts from the last page Omni has when the one asked for is gone', async () => {
    const page = await readScheduleList(pages, { filters: { state: 'paused' }, cursor: '9' }, { pageSize: 20 });
    expect(page).toMatchObject({ cursor: '5', calls: 2, pageInfo: { hasNextPage: false } });
    expect(page.records.map((r) => r.name)).toEqual(['Report 450']);
  });
});
