// The schedule card: every schedule the app shows in a message is this card, with its buttons: Run now,
// Pause/Resume, Edit, Duplicate, Delete; and for email schedules a second row about who receives it
// (Recipients, Subscribe, Unsubscribe), so that neither row grows past what reads at a glance. Pure: no I/O.

import type { types } from '@slack/bolt';
import { ActionIds, BlockIds, WatchActionIds } from '../../ids.js';
import type { FollowRecord } from '../../people/index.js';
import { nextRunOf } from '../../schedules/next-run.js';
import { scheduleState } from '../../schedules/schedule-state.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { button, context, mrkdwn, plain } from './blocks.js';
import { ALERT_SNOOZE_CHOICES, snoozedBlock } from './failure-alert.js';
import { buildFollowBlocks, buildFollowPicker } from './follow-label.js';
import {
  alertText,
  destinationText,
  type LastAction,
  lastActionText,
  lastRunText,
  slackDate,
  stateText,
  truncate,
  whenText,
} from './format.js';
import { deliversText } from './schedule-destinations.js';
import { cardOwnerText } from './transfer-ownership.js';

export interface SlackMessage {
  /** Notification and screen-reader text. */
  text: string;
  blocks: types.KnownBlock[];
}

export interface ScheduleCardOptions {
  /** Who last acted on the schedule from this card, shown under it. */
  lastAction?: LastAction;
  /** The viewer's IANA zone, for the fallback text of dates. */
  zone?: string;
  /** The schedule's page in Omni, when the org's URL is known. */
  omniUrl?: string;
  /** Who posted the card in the channel (`/schedule share`). */
  sharedBy?: string;
  /** The time the next run is counted from (default: now). */
  now?: Date;
  /** A line (mrkdwn, already escaped) under the card saying what just happened, e.g. that nothing needed doing. */
  notice?: string;
  /** Email schedules: what the schedule follows (null: nothing, so offer to follow a channel). */
  follow?: Pick<FollowRecord, 'source' | 'scheduleId'> | null;
  /** A snooze's end (already formatted in the viewer's zone) and who snoozed it: the line with Resume now. */
  snoozed?: { until: string; by: string };
}

/** The card for one schedule, with its buttons. */
export function buildScheduleCard(s: ScheduleView, options: ScheduleCardOptions = {}): SlackMessage {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(s.name, 150), emoji: false } },
    { type: 'section', fields: cardFields(s, options) },
  ];
  const state = stateText(s, options.zone);
  if (scheduleState(s) === 'system_disabled') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(state, 3000) } });
  }
  const alert = alertText(s.alert);
  if (alert) blocks.push(context(alert));
  if (options.notice) blocks.push(context(options.notice));
  if (options.lastAction) blocks.push(context(lastActionText(options.lastAction, options.zone)));
  else if (options.sharedBy) blocks.push(context(`Shared by <@${options.sharedBy}>`));
  if (options.snoozed)
    blocks.push(snoozedBlock(s.id, options.snoozed.until, options.snoozed.by) as unknown as types.KnownBlock);
  blocks.push({ type: 'actions', block_id: BlockIds.scheduleCardActions, elements: cardButtons(s) });
  if (s.destinationType === 'email') {
    blocks.push({ type: 'actions', block_id: BlockIds.scheduleCardRecipients, elements: recipientButtons(s) });
    if (options.follow) blocks.push(...buildFollowBlocks(options.follow));
    else if (options.follow === null) blocks.push(buildFollowPicker(s.id));
  }
  blocks.push(context(footer(s, options)));
  return { text: cardText(s), blocks };
}

/** What remains of a card once its schedule is deleted. */
export function buildDeletedCard(
  deleted: { id: string; name: string },
  by: { userId: string; at: Date | string },
  zone?: string,
): SlackMessage {
  const name = escapeSlackText(truncate(deleted.name, 200));
  return {
    text: `Schedule “${escapeSlackText(truncate(deleted.name, 200))}” was deleted.`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:wastebasket: *${name}* was deleted by <@${by.userId}> ${slackDate(by.at, zone)}. It will not deliver again.`,
        },
      },
      context(`Schedule \`${s(deleted.id)}\``),
    ],
  };
}

/**
 * What a card becomes when its schedule was deleted elsewhere (in Omni, or from another card): said
 * plainly, with no buttons left to press.
 */
export function buildGoneCard(gone: { id: string; name?: string }): SlackMessage {
  const what = gone.name ? `*${escapeSlackText(truncate(gone.name, 200))}*` : 'This schedule';
  return {
    text: gone.name ? `Schedule “${truncate(gone.name, 200)}” no longer exists.` : 'This schedule no longer exists.',
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:wastebasket: ${what} no longer exists in Omni: it was deleted elsewhere. It will not deliver again, so this card has no buttons.`,
        },
      },
      context(`Schedule \`${s(gone.id)}\``),
    ],
  };
}

/**
 * `/schedule delete <id>` asks first: the card, a warning, and a Delete button that itself asks
 * Slack's confirm dialog once more (deleting cannot be undone).
 */
export function buildDeletePrompt(sched: ScheduleView, options: ScheduleCardOptions = {}): SlackMessage {
  const card = buildScheduleCard(sched, options);
  const withoutActions = card.blocks.filter((b) => b.type !== 'actions');
  return {
    text: `Delete schedule “${escapeSlackText(truncate(sched.name, 200))}”?`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: Delete *${escapeSlackText(truncate(sched.name, 200))}*? It stops delivering and cannot be restored.`,
        },
      },
      ...withoutActions,
      {
        type: 'actions',
        block_id: BlockIds.scheduleCardActions,
        elements: [deleteButton(sched), button('Cancel', ActionIds.cancelDeleteButton, sched.id)],
      },
    ],
  };
}

function cardFields(sched: ScheduleView, options: ScheduleCardOptions): types.MrkdwnElement[] {
  const dashboard = escapeSlackText(truncate(sched.dashboardName, 300));
  const tile = sched.content === 'single tile' ? ' (one tile)' : '';
  const state = stateText(sched, options.zone);
  return [
    mrkdwn(`*Dashboard*\n${options.omniUrl ? `<${options.omniUrl}|${dashboard}>` : dashboard}${tile}`),
    mrkdwn(`*Delivers*\n${deliversText(sched)}`),
    mrkdwn(`*When*\n${truncate(whenText(sched), 1900)}`),
    mrkdwn(`*Owner*\n${cardOwnerText(sched)}`),
    mrkdwn(`*Next run*\n${nextRunText(sched, options.now)}`),
    mrkdwn(`*Last run*\n${lastRunText(sched, options.zone)}`),
    mrkdwn(
      `*State*\n${scheduleState(sched) === 'system_disabled' ? ':no_entry: Disabled by Omni' : state || ':arrow_forward: Active'}`,
    ),
  ];
}

/** In the viewer's own zone (Slack's `<!date>`) and the schedule's own, or why there is none. */
export function nextRunText(sched: ScheduleView, now: Date = new Date()): string {
  const next = nextRunOf(sched, now);
  switch (next.kind) {
    case 'scheduled':
      return `${next.slackDate} your time · ${escapeSlackText(next.inScheduleZone)} (${escapeSlackText(next.timeZone)})`;
    case 'paused':
      return 'None while paused';
    case 'system_disabled':
      return 'None until fixed';
    case 'never':
      return 'None: its timing has no run left';
    case 'unknown':
      return '_not known_';
  }
}

function cardButtons(sched: ScheduleView): (types.Button | types.StaticSelect)[] {
  const state = scheduleState(sched);
  const buttons: (types.Button | types.StaticSelect)[] = [runButton(sched)];
  // Omni refuses both pause and resume on a system-disabled schedule: fixing it (Edit) is the way back.
  if (state === 'paused') {
    buttons.push(button('Resume', ActionIds.resumeScheduleButton, sched.id));
  } else if (state === 'active') {
    buttons.push(button('Pause', ActionIds.pauseScheduleButton, sched.id));
  }
  buttons.push(
    button('Edit', ActionIds.editScheduleButton, sched.id),
    button('Duplicate', ActionIds.duplicateScheduleButton, sched.id),
    // Offered to everyone who sees the card; the click checks it is the owner or an admin.
    button('Transfer ownership', ActionIds.transferOwnershipButton, sched.id),
    deleteButton(sched),
  );
  // Snoozing pauses now: like Pause, it cannot act on a schedule Omni disabled.
  if (state !== 'system_disabled') buttons.push(snoozeMenu(sched.id));
  return buttons;
}

/** "Snooze…": pauses now and resumes after the chosen time; `/schedule snooze` takes any other end. */
function snoozeMenu(scheduleId: string): types.StaticSelect {
  return {
    type: 'static_select',
    action_id: WatchActionIds.cardSnooze,
    placeholder: plain('Snooze…'),
    options: ALERT_SNOOZE_CHOICES.map((c) => ({ text: plain(c.label), value: `${c.duration}|${scheduleId}` })),
  };
}

/** Who receives an email schedule: see and remove them, or add or take yourself off. */
function recipientButtons(sched: ScheduleView): types.Button[] {
  return [
    button('Recipients', ActionIds.showRecipientsButton, sched.id),
    button('Subscribe', ActionIds.subscribeButton, sched.id),
    button('Unsubscribe', ActionIds.unsubscribeButton, sched.id),
  ];
}

function runButton(sched: ScheduleView): types.Button {
  return {
    type: 'button',
    action_id: ActionIds.runNowButton,
    text: plain('Run now'),
    style: 'primary',
    value: sched.id,
    confirm: {
      title: plain('Run this schedule now?'),
      text: mrkdwn(
        truncate(
          `Omni delivers *${escapeSlackText(truncate(sched.name, 100))}* now: ${destinationText(sched)}. Its schedule does not change.`,
          300,
        ),
      ),
      confirm: plain('Run now'),
      deny: plain('Cancel'),
    },
  };
}

function deleteButton(sched: ScheduleView): types.Button {
  return {
    type: 'button',
    action_id: ActionIds.deleteScheduleButton,
    text: plain('Delete'),
    style: 'danger',
    value: sched.id,
    confirm: {
      title: plain('Delete this schedule?'),
      text: mrkdwn(
        truncate(
          `*${escapeSlackText(truncate(sched.name, 100))}* stops delivering and is removed from Omni. This cannot be undone.`,
          300,
        ),
      ),
      confirm: plain('Delete'),
      deny: plain('Cancel'),
      style: 'danger',
    },
  };
}

function footer(sched: ScheduleView, options: ScheduleCardOptions): string {
  const link = options.omniUrl ? ` · <${options.omniUrl}|Open in Omni>` : '';
  return `Schedule \`${s(sched.id)}\`${link}`;
}

function cardText(sched: ScheduleView): string {
  const state = scheduleState(sched);
  const words = state === 'system_disabled' ? 'disabled by Omni' : state === 'paused' ? 'paused' : 'active';
  // The notification text: what Slack shows in a push and in a channel's preview, so it is escaped too.
  return `Schedule “${escapeSlackText(truncate(sched.name, 200))}” (${words}), dashboard “${escapeSlackText(truncate(sched.dashboardName, 200))}”.`;
}

function s(text: string): string {
  return escapeSlackText(text.replaceAll('`', "'"));
}
