// App Home: the connection, counts of schedules by state (failing first) and the first schedules,
// failing ones on top, each with the same menu as in the list. Pure: no I/O.
import type { types } from '@slack/bolt';
import { ActionIds } from '../../ids.js';
import { isFailing, type ScheduleCounts } from '../../schedules/schedule-state.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { button, context, mrkdwn } from './blocks.js';
import { slackDate, truncate } from './format.js';
import { buildScheduleRow } from './schedule-row.js';

export type HomeConnection =
  | { connected: false; canConnect: boolean }
  | { connected: true; baseUrl: string; connectedBy?: string; connectedAt?: string };

export interface HomeSchedules {
  counts: ScheduleCounts;
  /** The schedules to show, failing first (the builder shows at most HOME_ROWS of them). */
  rows: readonly ScheduleView[];
  /** Set when only the first `countedUpTo` schedules of the organization were counted. */
  countedUpTo?: number;
}

export interface HomeModel {
  connection: HomeConnection;
  schedules?: HomeSchedules;
  /** Why this user may not use the app (a guest): shown instead of everything else. */
  refusal?: string;
  /** Why the schedules could not be loaded (already written for the user). */
  error?: string;
  /** A line at the top, e.g. who just paused what. */
  notice?: string;
  zone?: string;
  updatedAt: Date;
}

export const HOME_ROWS = 20;

export function buildHomeView(model: HomeModel): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Omni Schedules', emoji: true } },
  ];
  if (model.refusal) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:lock: ${truncate(model.refusal, 2900)}` } });
    return { type: 'home', blocks };
  }
  blocks.push(connectionBlock(model.connection, model.zone));
  if (!model.connection.connected) {
    blocks.push(
      context(
        'Once connected, everyone here can list, run, pause and edit Omni schedules with `/schedule`, and this tab shows which ones are failing.',
      ),
    );
    return { type: 'home', blocks };
  }
  if (model.notice) blocks.push(context(model.notice));
  blocks.push({
    type: 'actions',
    elements: [
      button('Refresh', ActionIds.refreshHomeButton, 'refresh'),
      button('New schedule', ActionIds.openCreateButton, 'home'),
    ],
  });
  if (model.error) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${truncate(model.error, 2900)}` } });
  }
  if (model.schedules) blocks.push(...scheduleBlocks(model.schedules, model.zone));
  blocks.push(
    context(
      `Updated ${slackDate(model.updatedAt, model.zone)} · \`/schedule list\` shows every schedule with filters.`,
    ),
  );
  return { type: 'home', blocks };
}

function connectionBlock(connection: HomeConnection, zone?: string): types.SectionBlock {
  if (!connection.connected) {
    const text = connection.canConnect
      ? ':red_circle: *Not connected to Omni.* Connect this workspace to your Omni organization with an organization API key.'
      : ':red_circle: *Not connected to Omni.* A workspace admin or owner can connect it with `/schedule connect`.';
    const block: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text } };
    if (connection.canConnect)
      block.accessory = button('Connect to Omni', ActionIds.openConnectButton, 'home', { style: 'primary' });
    return block;
  }
  const by = connection.connectedBy ? ` by <@${connection.connectedBy}>` : '';
  const since = connection.connectedAt ? ` ${slackDate(connection.connectedAt, zone)}` : '';
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `:large_green_circle: Connected to *${escapeSlackText(truncate(connection.baseUrl, 500))}*${by}${since}.`,
    },
  };
}

function scheduleBlocks(schedules: HomeSchedules, zone?: string): types.KnownBlock[] {
  const { counts } = schedules;
  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      fields: [
        mrkdwn(`:rotating_light: *Failing*\n${counts.failing}`),
        mrkdwn(`:no_entry: *Disabled by Omni*\n${counts.systemDisabled}`),
        mrkdwn(`:double_vertical_bar: *Paused*\n${counts.paused}`),
        mrkdwn(`:arrow_forward: *Active*\n${counts.active}`),
      ],
    },
  ];
  const more = schedules.countedUpTo ? ` (counted the first ${schedules.countedUpTo})` : '';
  blocks.push(
    context(
      `${counts.total === 1 ? '1 schedule' : `${counts.total} schedules`} in Omni${more}. Failing: the last run failed, or Omni disabled the schedule.`,
    ),
  );
  if (counts.total === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'No schedules yet. Create one with *New schedule* or `/schedule create`.' },
    });
    return blocks;
  }

  const rows = schedules.rows.slice(0, HOME_ROWS);
  const failing = rows.filter(isFailing);
  const others = rows.filter((r) => !isFailing(r));
  let index = 0;
  if (failing.length > 0) {
    blocks.push(
      { type: 'divider' },
      { type: 'header', text: { type: 'plain_text', text: ':rotating_light: Failing', emoji: true } },
    );
    for (const row of failing) blocks.push(buildScheduleRow(row, `home_row|${index++}`, zone));
  }
  if (others.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Schedules', emoji: true } });
    for (const row of others) blocks.push(buildScheduleRow(row, `home_row|${index++}`, zone));
  }
  if (schedules.rows.length > rows.length || counts.total > rows.length) {
    blocks.push(context(`Showing ${rows.length} of ${counts.total}. Use \`/schedule list\` to page through the rest.`));
  }
  return blocks;
}
