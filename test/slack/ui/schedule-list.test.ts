import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds, BlockIds } from '../../../src/ids.js';
import { decodeListState, parseListArgs } from '../../../src/schedules/list-query.js';
import { buildScheduleList, listStateFromRowBlockId } from '../../../src/slack/ui/schedule-list.js';
import { parseRowChoice } from '../../../src/slack/ui/schedule-row.js';
import { visibleText } from '../../support/block-text.js';
import { everyDestination, failed, paused, scheduleView, systemDisabled } from '../../support/schedule-fixtures.js';

const pageInfo = (
  o: Partial<{ hasNextPage: boolean; nextCursor: string | null; pageSize: number; totalRecords: number }> = {},
) => ({
  hasNextPage: false,
  nextCursor: null,
  pageSize: 20,
  totalRecords: 0,
  ...o,
});
type Block = Record<string, unknown> & { type: string };

describe('schedule list', () => {
  it('says when nothing matches, with the filters typed', () => {
    const state = { filters: parseListArgs(['nothing', 'status:error']), cursor: '1' };
    const list = buildScheduleList([], pageInfo(), state);
    expectValidBlocks('message', list.blocks);
    const text = visibleText(list.blocks);
    expect(text).toContain('matching “nothing” · last run failed');
    expect(text).toContain('No schedules match `nothing status:error`');
    expect(list.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('invites to create the first schedule when the org has none', () => {
    const list = buildScheduleList([], pageInfo(), { filters: {}, cursor: '1' });
    expect(visibleText(list.blocks)).toContain('has no schedules yet');
  });

  it('shows a line per schedule with destination, recipients, when, zone, last run and state', () => {
    const rows = [
      scheduleView({ name: 'Daily', dashboardName: 'Regional Sales' }),
      paused({ name: 'Held' }),
      systemDisabled({ name: 'Broken' }),
      failed({ name: 'Failing', lastCompletedAt: null }),
    ];
    const list = buildScheduleList(rows, pageInfo({ totalRecords: 4 }), { filters: {}, cursor: '1' });
    expectValidBlocks('message', list.blocks);
    const sections = list.blocks.filter((b) => (b as Block).block_id?.toString().startsWith('list_row|'));
    expect(sections).toHaveLength(4);
    const [daily, held, broken, failing] = sections.map((b) => visibleText(b));
    expect(daily).toContain('*Daily* · Regional Sales');
    expect(daily).toContain(':email: Email (PDF) to 3 recipients · At 09:00, on Monday · America/New_York');
    expect(daily).toContain(':white_check_mark: Delivered <!date^');
    expect(held).toContain(':double_vertical_bar: *Paused* since');
    expect(broken).toContain(':no_entry: *Disabled by Omni* since');
    expect(broken).toContain('a query it delivers no longer exists');
    expect(failing).toContain(':x: Failed');
    expect(list.text).toBe('Omni schedules: 4 schedules.');
  });

  it('gives each row a menu of at most 5 choices that fits the schedule’s state', () => {
    const rows = [scheduleView(), paused(), systemDisabled()];
    const list = buildScheduleList(rows, pageInfo({ totalRecords: 3 }), { filters: {}, cursor: '1' });
    const menus = list.blocks
      .filter((b) => (b as Block).accessory)
      .map((b) => (b as { accessory: { action_id: string; options: { value: string }[] } }).accessory);
    expect(menus.every((m) => m.action_id === ActionIds.scheduleRowOverflow && m.options.length <= 5)).toBe(true);
    const verbs = menus.map((m) => m.options.map((o) => parseRowChoice(o.value)?.verb));
    expect(verbs[0]).toEqual(['show', 'run', 'pause', 'edit', 'delete']);
    expect(verbs[1]).toEqual(['show', 'run', 'resume', 'edit', 'delete']);
    expect(verbs[2]).toEqual(['show', 'run', 'edit', 'delete']);
    expect(parseRowChoice(menus[0]?.options[0]?.value)?.scheduleId).toBe(rows[0]?.id);
  });

  it('carries the query and the page in Next/Previous and in every row', () => {
    const filters = parseListArgs(['sales', 'destination:email', 'sort:lastRun', 'asc']);
    const rows = Array.from({ length: 20 }, () => scheduleView());
    const list = buildScheduleList(rows, pageInfo({ hasNextPage: true, nextCursor: '3', totalRecords: 75 }), {
      filters,
      cursor: '2',
    });
    expectValidBlocks('message', list.blocks);
    expect(visibleText(list.blocks)).toContain('75 schedules · page 2 of 4');
    const nav = list.blocks.find((b) => (b as Block).block_id === BlockIds.listNavigation) as {
      elements: { action_id: string; value: string }[];
    };
    const [previous, next] = nav.elements;
    expect(previous?.action_id).toBe(ActionIds.listPreviousPageButton);
    expect(decodeListState(previous?.value ?? '')).toEqual({ filters, cursor: '1' });
    expect(next?.action_id).toBe(ActionIds.listNextPageButton);
    expect(decodeListState(next?.value ?? '')).toEqual({ filters, cursor: '3' });
    const rowState = listStateFromRowBlockId((list.blocks[3] as Block).block_id as string);
    expect(decodeListState(rowState ?? '')).toEqual({ filters, cursor: '2' });
  });

  it('stays under 50 blocks with 100 schedules on a page and says some were left out', () => {
    const rows = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? failed() : scheduleView()));
    const list = buildScheduleList(
      rows,
      pageInfo({ pageSize: 100, totalRecords: 250, hasNextPage: true, nextCursor: '2' }),
      {
        filters: {},
        cursor: '1',
      },
      { notice: '<@U1> paused *x*' },
    );
    expectValidBlocks('message', list.blocks);
    expect(list.blocks).toHaveLength(50);
    expect(visibleText(list.blocks)).toMatch(/Showing \d+ of the 100 schedules on this page/);
    expect(list.blocks.at(-1)?.type).toBe('actions');
  });

  it('keeps every destination and long names within the limits', () => {
    const long = 'Revenue & <margins> '.repeat(50);
    const rows = [...everyDestination(), scheduleView({ name: long, dashboardName: long, timezone: long })];
    const list = buildScheduleList(rows, pageInfo({ totalRecords: rows.length }), {
      filters: parseListArgs(['x'.repeat(100)]),
      cursor: '1',
    });
    expectValidBlocks('message', list.blocks);
    expect(visibleText(list.blocks, 'mrkdwn')).not.toContain('<margins>');
  });
});
