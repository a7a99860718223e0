// `/schedule list`: a header with the filters, a line per schedule with its menu, and Previous/Next.
// The list's state (filters + page) travels in the buttons' values and the rows' block ids, so that
// paging and row actions can re-read the same page from Omni. Pure: no I/O.
import type { types } from '@slack/bolt';
import { ActionIds, BlockIds } from '../../ids.js';
import { describeListFilters, encodeListState, formatListArgs, type ListState } from '../../schedules/list-query.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { context } from './blocks.js';
import { truncate } from './format.js';
import type { SlackMessage } from './schedule-card.js';
import { buildScheduleRow } from './schedule-row.js';

export interface ListPageInfo {
  hasNextPage: boolean;
  nextCursor: string | null;
  pageSize: number;
  totalRecords: number;
}

export interface ScheduleListOptions {
  zone?: string;
  /** A line above the rows, e.g. who just paused which schedule. */
  notice?: string;
  /** What the app did where Omni could not filter, in plain words (escaped here). */
  notes?: readonly string[];
}

const MAX_BLOCKS = 50;
const ROW_PREFIX = 'list_row';

/** The block id of row `index`: `list_row|<index>|<list state>` (the state is left out if it would not fit). */
export function listRowBlockId(index: number, state: ListState): string {
  const full = `${ROW_PREFIX}|${index}|${encodeListState(state)}`;
  return full.length <= 255 ? full : `${ROW_PREFIX}|${index}|`;
}

/** The list state a row's block id carries, or undefined when the block is not a list row (or has none). */
export function listStateFromRowBlockId(blockId: string | undefined): string | undefined {
  if (!blockId?.startsWith(`${ROW_PREFIX}|`)) return undefined;
  const rest = blockId.slice(ROW_PREFIX.length + 1);
  const bar = rest.indexOf('|');
  const state = bar === -1 ? '' : rest.slice(bar + 1);
  return state === '' ? undefined : state;
}

export function buildScheduleList(
  records: readonly ScheduleView[],
  pageInfo: ListPageInfo,
  state: ListState,
  options: ScheduleListOptions = {},
): SlackMessage {
  const page = Number(state.cursor);
  const pages = Math.max(1, Math.ceil(pageInfo.totalRecords / Math.max(1, pageInfo.pageSize)));
  const args = formatListArgs(state.filters);
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Omni schedules', emoji: true } },
    context(
      `${escapeSlackText(describeListFilters(state.filters))} · ${countText(pageInfo.totalRecords)}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`,
    ),
  ];
  if (options.notice) blocks.push(context(options.notice));
  for (const note of options.notes ?? []) blocks.push(context(`:information_source: ${escapeSlackText(note)}`));
  blocks.push({ type: 'divider' });

  if (records.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: emptyText(args, page) } });
  }
  const navigation = navigationBlock(pageInfo, state);
  // Keep within Slack's 50 blocks: room for the navigation and, when rows are cut, a note saying so.
  const room = MAX_BLOCKS - blocks.length - (navigation ? 1 : 0) - 1;
  const shown = records.length > room ? records.slice(0, room) : records;
  shown.forEach((record, i) => {
    blocks.push(buildScheduleRow(record, listRowBlockId(i, state), options.zone));
  });
  if (shown.length < records.length) {
    blocks.push(context(`Showing ${shown.length} of the ${records.length} schedules on this page.`));
  }
  if (navigation) blocks.push(navigation);

  const text =
    records.length === 0
      ? 'No Omni schedules match.'
      : `Omni schedules: ${countText(pageInfo.totalRecords)}${pages > 1 ? `, page ${page} of ${pages}` : ''}.`;
  return { text, blocks };
}

function navigationBlock(pageInfo: ListPageInfo, state: ListState): types.ActionsBlock | undefined {
  const page = Number(state.cursor);
  const elements: types.Button[] = [];
  if (page > 1) {
    elements.push({
      type: 'button',
      action_id: ActionIds.listPreviousPageButton,
      text: { type: 'plain_text', text: '◀ Previous', emoji: true },
      value: encodeListState({ filters: state.filters, cursor: String(page - 1) }),
    });
  }
  if (pageInfo.hasNextPage && pageInfo.nextCursor) {
    elements.push({
      type: 'button',
      action_id: ActionIds.listNextPageButton,
      text: { type: 'plain_text', text: 'Next ▶', emoji: true },
      value: encodeListState({ filters: state.filters, cursor: pageInfo.nextCursor }),
    });
  }
  return elements.length > 0 ? { type: 'actions', block_id: BlockIds.listNavigation, elements } : undefined;
}

function countText(total: number): string {
  return total === 1 ? '1 schedule' : `${total} schedules`;
}

function emptyText(args: string, page: number): string {
  if (page > 1) return 'This page is empty now (schedules may have been deleted). Go back with *Previous*.';
  if (args === '') return 'This Omni organization has no schedules yet. Create one with `/schedule create`.';
  return `No schedules match \`${escapeSlackText(truncate(args.replaceAll('`', "'"), 200))}\`. Try fewer words or other filters, or \`/schedule list\` for all.`;
}
