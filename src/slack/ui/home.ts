// App Home, personal: the connection, the failure-alerts setting (with its controls for admins), counts
// of the organization's schedules by state, then three sections for the viewer: "Yours" (schedules they
// own in Omni), "You receive" (schedules delivering to their email) and "Failing" (across the organization),
// each with the same row menu as the list. Pure: no I/O.
import type { types } from '@slack/bolt';
import { ActionIds, WatchActionIds } from '../../ids.js';
import { failingFirst, type ScheduleCounts } from '../../schedules/schedule-state.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { button, context, mrkdwn, plain, section } from './blocks.js';
import { slackDate, truncate } from './format.js';
import { buildScheduleRow } from './schedule-row.js';

export type HomeConnection =
  | { connected: false; canConnect: boolean }
  | { connected: true; baseUrl: string; connectedBy?: string; connectedAt?: string };

/** One of the viewer's sections. */
export interface HomeSection {
  /** Every schedule of the section among those counted; the builder shows the first HOME_SECTION_ROWS. */
  schedules: readonly ScheduleView[];
  /** Why the section could not be worked out, or how (already written for the user; no Slack markup). */
  note?: string;
}

export interface HomeSchedules {
  /** The organization's schedules by state (of those counted). */
  counts: ScheduleCounts;
  yours: HomeSection;
  receiving: HomeSection;
  failing: HomeSection;
  /** Set when only the first `countedUpTo` schedules of the organization were counted. */
  countedUpTo?: number;
}

/** The failure-alerts setting as Home shows it (watch/watcher.ts's WatchStatus, narrowed). */
export interface HomeAlerts {
  enabled: boolean;
  channelId?: string;
  lastCheck?: { at: number; error?: string };
  /** Admins and owners get the channel picker and Turn off; members see the line only. */
  canChange: boolean;
}

export interface HomeModel {
  connection: HomeConnection;
  schedules?: HomeSchedules;
  alerts?: HomeAlerts;
  /** Why this user may not use the app (a guest): shown instead of everything else. */
  refusal?: string;
  /** Why the schedules could not be loaded (already written for the user). */
  error?: string;
  /** A line at the top, e.g. who just paused what. */
  notice?: string;
  zone?: string;
  updatedAt: Date;
}

/** Rows shown per section: three full sections stay well inside a Home tab's 100 blocks. */
export const HOME_SECTION_ROWS = 8;

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
  if (model.alerts) blocks.push(...alertsBlocks(model.alerts, model.zone));
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

/** The alerts line (as `/schedule alerts` words it) and, for admins, a channel picker and Turn off. */
function alertsBlocks(alerts: HomeAlerts, zone?: string): types.KnownBlock[] {
  const on = alerts.enabled && alerts.channelId;
  let line = on ? `:bell: Failure alerts are *on* in <#${alerts.channelId}>.` : ':no_bell: Failure alerts are *off*.';
  const check = alerts.lastCheck;
  if (on && check) {
    line += check.error
      ? ` :warning: The last check (${slackDate(new Date(check.at), zone)}) failed: ${escapeSlackText(truncate(check.error, 500))}`
      : ` Last checked ${slackDate(new Date(check.at), zone)}.`;
  } else if (on) {
    line += ' Not checked yet.';
  }
  if (!alerts.canChange) {
    if (!on) line += ' An admin turns them on here or with `/schedule alerts on #channel`.';
    return [section(line)];
  }
  const picker: types.ConversationsSelect = {
    type: 'conversations_select',
    action_id: WatchActionIds.homeAlertsChannel,
    placeholder: plain(on ? 'Move alerts to…' : 'Turn on in…'),
    filter: { include: ['public', 'private'], exclude_bot_users: true },
  };
  const elements: types.ActionsBlock['elements'] = [picker];
  if (on) elements.push(button('Turn off', WatchActionIds.homeAlertsOff, 'off'));
  return [section(line), { type: 'actions', elements }];
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
  const all = counts.total === 1 ? '1 schedule' : `${counts.total} schedules`;
  blocks.push(
    context(
      `${all} in Omni${more}: ${counts.systemDisabled} disabled by Omni, ${counts.paused} paused, ${counts.active} active. Failing counts those whose last run failed, or that Omni disabled, whatever their state.`,
    ),
  );
  if (counts.total === 0) {
    blocks.push(section('No schedules yet. Create one with *New schedule* or `/schedule create`.'));
    return blocks;
  }
  blocks.push(section(personalCountsLine(schedules)));

  let index = 0;
  const sectionBlocks = (title: string, part: HomeSection, empty: string, listAll: string) => {
    blocks.push({ type: 'divider' }, { type: 'header', text: plain(`${title} (${part.schedules.length})`) });
    if (part.note) blocks.push(context(escapeSlackText(part.note)));
    const rows = failingFirst(part.schedules).slice(0, HOME_SECTION_ROWS);
    if (rows.length === 0) {
      blocks.push(context(empty));
      return;
    }
    for (const row of rows) blocks.push(buildScheduleRow(row, `home_row|${index++}`, zone));
    if (part.schedules.length > rows.length) {
      blocks.push(context(`Showing ${rows.length} of ${part.schedules.length}. ${listAll}`));
    }
  };
  sectionBlocks(
    ':bust_in_silhouette: Yours',
    schedules.yours,
    'You own no schedule in Omni.',
    '`/schedule list mine` shows them all.',
  );
  sectionBlocks(
    ':envelope_with_arrow: You receive',
    schedules.receiving,
    'No schedule delivers to your email.',
    '`/schedule list receiving` shows them all.',
  );
  sectionBlocks(
    ':rotating_light: Failing',
    schedules.failing,
    ':white_check_mark: Nothing is failing.',
    '`/schedule alerts` lists every one.',
  );
  return blocks;
}

/**
 * What each section counts, in one line: "3 of yours · 2 you receive · 1 failing, of 40 in Omni". A schedule in
 * two sections is counted in each, so the three need not add up to the total; the line says so.
 */
export function personalCountsLine(schedules: HomeSchedules): string {
  const { yours, receiving, failing, counts } = schedules;
  const of = schedules.countedUpTo ? `the first ${counts.total} counted` : `${counts.total} in Omni`;
  return `*For you:* ${yours.schedules.length} of yours · ${receiving.schedules.length} you receive · ${failing.schedules.length} failing, of ${of}. A schedule can be in more than one section.`;
}
