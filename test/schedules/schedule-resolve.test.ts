import { describe, expect, it } from 'vitest';
import type { ListSchedulesQuery, SchedulePage, ScheduleRecord } from '../../src/omni/index.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import {
  describeResolution,
  MAX_CANDIDATES,
  type NameMatch,
  resolveScheduleRef,
  type ScheduleResolution,
  splitScheduleArgs,
} from '../../src/schedules/schedule-resolve.js';
import { recordedListing } from './listing-sandbox.js';

/** What Omni was asked, call by call. */
const { omni, asked, forget } = recordedListing('resolve-key');

const resolve = (input: string) => {
  forget();
  return resolveScheduleRef(omni, input);
};

describe('resolveScheduleRef against the sandbox', () => {
  it('takes a UUID or an Omni URL without asking Omni', async () => {
    const id = SEEDED_SCHEDULE_IDS.orders;
    expect(await resolve(id.toUpperCase())).toEqual({ kind: 'id', id, calls: 0 });
    expect(await resolve(`<https://blobsrus.omniapp.co/dashboards/12db1a0a/schedules/${id}|Orders>`)).toEqual({
      kind: 'id',
      id,
      calls: 0,
    });
    expect(asked).toEqual([]);
  });

  it('prefers the exact name (any case) over longer names that start with it, in one call', async () => {
    const found = await resolve('orders');
    expect(found).toMatchObject({ kind: 'found', matchedBy: 'exact', calls: 1 });
    expect(found.kind === 'found' && found.schedule.id).toBe(SEEDED_SCHEDULE_IDS.orders);
    expect(asked).toEqual([{ q: 'orders', pageSize: 100, sortField: 'scheduleName', sortDirection: 'asc' }]);
    const second = await resolve('  "Orders   (2)" ');
    expect(second.kind === 'found' && second.schedule.id).toBe(SEEDED_SCHEDULE_IDS.orders2);
  });

  it('takes a unique prefix, then a name holding every word', async () => {
    const prefix = await resolve('daily');
    expect(prefix).toMatchObject({ kind: 'found', matchedBy: 'prefix', calls: 1 });
    expect(prefix.kind === 'found' && prefix.schedule.name).toBe('Daily Slack update');

    const inside = await resolve('traffic analysis');
    expect(inside).toMatchObject({ kind: 'found', matchedBy: 'words', calls: 1 });
    expect(inside.kind === 'found' && inside.schedule.id).toBe(SEEDED_SCHEDULE_IDS.webTrafficAnalysis);
  });

  it('finds words in another order with a second search for one word', async () => {
    const found = await resolve('update daily');
    expect(found).toMatchObject({ kind: 'found', matchedBy: 'words', calls: 2 });
    expect(found.kind === 'found' && found.schedule.id).toBe(SEEDED_SCHEDULE_IDS.dailySlackUpdate);
    expect(asked.map((q) => q.q)).toEqual(['update daily', 'update']);
  });

  it("offers the schedules whose dashboard or owner matches, to pick from, when no schedule's name does", async () => {
    const byOwner = await resolve('blobby');
    expect(byOwner).toMatchObject({
      kind: 'several',
      matchedBy: 'dashboard-or-owner',
      total: 4,
      complete: true,
      calls: 1,
    });
    expect(byOwner.kind === 'several' && byOwner.candidates.map((c) => c.name)).toEqual([
      '⚡️🍣 Query',
      'Daily Slack update',
      'External users',
      'Orders (2)',
    ]);
    expect(byOwner.kind === 'several' && byOwner.candidates[1]).toEqual({
      id: SEEDED_SCHEDULE_IDS.dailySlackUpdate,
      name: 'Daily Slack update',
      dashboardName: 'Sales Data by Quarter',
      ownerName: 'Blobby Hill',
    });
  });

  it('says what was searched when nothing matches', async () => {
    expect(await resolve('quarterly board pack')).toEqual({
      kind: 'none',
      name: 'quarterly board pack',
      searched: ['quarterly board pack', 'quarterly'],
      complete: true,
      calls: 2,
    });
    expect(await resolve('zzz')).toEqual({ kind: 'none', name: 'zzz', searched: ['zzz'], complete: true, calls: 1 });
  });

  it('refuses what is no reference, without asking Omni', async () => {
    expect(await resolve('')).toMatchObject({ kind: 'invalid' });
    expect(await resolve('https://blobsrus.omniapp.co/dashboards/12db1a0a')).toEqual({
      kind: 'invalid',
      error: expect.stringContaining('does not point at a schedule'),
    });
    expect(await resolve('x'.repeat(101))).toEqual({ kind: 'invalid', error: expect.stringContaining('too long') });
    expect(asked).toEqual([]);
  });
});

describe('resolveScheduleRef against scripted pages', () => {
  const record = (id: number, name: string, destinationType = 'email'): ScheduleRecord => ({
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    name,
    schedule: '0 9 ? * * *',
    timezone: 'UTC',
    identifier: 'd1',
    dashboardName: 'Board',
    ownerId: null,
    ownerName: 'Ann',
    destinationType,
    format: 'pdf',
    content: 'dashboard',
    recipientCount: 1,
    slackRecipientType: null,
    disabledAt: null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    lastCompletedAt: null,
    lastStatus: null,
    alert: null,
  });
  /** Serves `all` in pages of `size`, like Omni (cursor = page number). */
  const pages = (all: ScheduleRecord[], size = 100) => {
    const calls: ListSchedulesQuery[] = [];
    return {
      calls,
      listSchedules: async (query: ListSchedulesQuery): Promise<SchedulePage> => {
        calls.push(query);
        const page = Number(query.cursor ?? 1);
        const last = Math.max(1, Math.ceil(all.length / size));
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
  };

  it('counts a schedule listed once per destination once', async () => {
    const omniPages = pages([record(1, 'Weekly', 'email'), record(1, 'Weekly', 'slack')]);
    const found = await resolveScheduleRef(omniPages, 'weekly');
    expect(found).toMatchObject({ kind: 'found', matchedBy: 'exact', calls: 1 });
  });

  it('lists schedules sharing a name to pick from, never choosing one', async () => {
    const omniPages = pages([record(2, 'Weekly'), record(1, 'weekly'), record(3, 'Weekly KPIs')]);
    const several = await resolveScheduleRef(omniPages, 'Weekly');
    expect(several).toMatchObject({ kind: 'several', matchedBy: 'exact', total: 2, complete: true, calls: 1 });
    expect(several.kind === 'several' && several.candidates.map((c) => c.id.slice(-1))).toEqual(['1', '2']);
  });

  it(`shows at most ${MAX_CANDIDATES} candidates and says the search stopped after 3 pages`, async () => {
    const many = Array.from({ length: 350 }, (_, i) => record(i + 1, `Report ${String(i + 1).padStart(3, '0')}`));
    const omniPages = pages(many);
    const several = await resolveScheduleRef(omniPages, 'report');
    expect(several).toMatchObject({ kind: 'several', matchedBy: 'prefix', total: 300, complete: false, calls: 3 });
    expect(several.kind === 'several' && several.candidates).toHaveLength(MAX_CANDIDATES);
    expect(omniPages.calls.map((q) => q.cursor)).toEqual([undefined, '2', '3']);
  });

  it("passes Omni's error on", async () => {
    const failing = {
      listSchedules: async (): Promise<SchedulePage> => {
        throw new Error('Omni is not answering');
      },
    };
    await expect(resolveScheduleRef(failing, 'weekly')).rejects.toThrow('Omni is not answering');
  });
});

describe('splitScheduleArgs', () => {
  const isWho = (arg: string) => /^<[@#!]|^@|@.+\./.test(arg);

  it('takes a lone id or URL as the reference', () => {
    const id = SEEDED_SCHEDULE_IDS.orders;
    expect(splitScheduleArgs([id, '<@U1|ann>'], isWho)).toEqual({ ref: id, rest: ['<@U1|ann>'] });
  });

  it('takes the words before the first recipient as the name', () => {
    expect(splitScheduleArgs(['Daily', 'orders', '<@U1|ann>', 'sam@x.co'], isWho)).toEqual({
      ref: 'Daily orders',
      rest: ['<@U1|ann>', 'sam@x.co'],
    });
    expect(splitScheduleArgs(['Daily orders'], isWho)).toEqual({ ref: 'Daily orders', rest: [] });
    expect(splitScheduleArgs([], isWho)).toEqual({ ref: '', rest: [] });
  });
});

describe('describeResolution', () => {
  const candidate = { id: 'a', name: 'Weekly', dashboardName: 'Board', ownerName: 'Ann' };
  const several = (
    matchedBy: NameMatch,
    total: number,
    complete = true,
  ): Extract<ScheduleResolution, { kind: 'several' }> => ({
    kind: 'several',
    name: 'weekly',
    matchedBy,
    candidates: [candidate, candidate],
    total,
    complete,
    calls: 1,
  });

  it('says how the schedules matched and to pick one', () => {
    expect(describeResolution(several('exact', 2))).toBe('2 schedules are named “weekly”; pick one.');
    expect(describeResolution(several('prefix', 2))).toBe('2 schedules start with “weekly”; pick one.');
    expect(describeResolution(several('words', 2))).toBe(
      '2 schedules have every word of “weekly” in their names; pick one.',
    );
    expect(describeResolution({ ...several('dashboard-or-owner', 1), candidates: [candidate] })).toBe(
      'No schedule is named “weekly”, but 1 schedule is on a dashboard or owned by someone matching “weekly”; pick one.',
    );
  });

  it('says when only the first candidates are shown or Omni had more', () => {
    expect(describeResolution(several('prefix', 40))).toBe(
      '40 schedules start with “weekly”; pick one. Here are the first 2; give more of the name to narrow it.',
    );
    expect(describeResolution(several('prefix', 300, false))).toBe(
      'More than 300 schedules start with “weekly”; pick one. Here are the first 2; give more of the name to narrow it.',
    );
  });

  it('says what was searched when nothing matched, and passes a refusal on as is', () => {
    expect(
      describeResolution({ kind: 'none', name: 'q4 pack', searched: ['q4 pack', 'pack'], complete: true, calls: 2 }),
    ).toBe(
      'No schedule matches “q4 pack”: Omni found nothing for “q4 pack” or “pack”. Check the name, or find it with `/schedule list`.',
    );
    expect(describeResolution({ kind: 'invalid', error: 'Give a schedule.' })).toBe('Give a schedule.');
  });
});
