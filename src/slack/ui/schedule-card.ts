// The schedule card: every schedule the app shows in a message is this card, with its buttons: Run now,
// Pause/Resume, Edit, Duplicate, Delete; and for email schedules a second row about who receives it
// (Recipients, Subscribe, Unsubscribe), so that neither row grows past what reads at a glance. Pure: no I/O.

import type { types } from '@slack/bolt';
import { ActionIds, BlockIds } from '../../ids.js';
import { scheduleState } from '../../schedules/schedule-state.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { button, context, mrkdwn, plain } from './blocks.js';
import { snoozedBlock } from './failure-alert.js';
import {
  alertText,
  destinationText,
  escapeMrkdwn,
  type LastAction,
  lastActionText,
  lastRunText,
  slackDate,
  stateText,
  truncate,
  whenText,
} from './format.js';

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
  if (options.lastAction) blocks.push(context(lastActionText(options.lastAction, options.zone)));
  else if (options.sharedBy) blocks.push(context(`Shared by <@${options.sharedBy}>`));
  if (options.snoozed)
    blocks.push(snoozedBlock(s.id, options.snoozed.until, options.snoozed.by) as unknown as types.KnownBlock);
  blocks.push({ type: 'actions', block_id: BlockIds.scheduleCardActions, elements: cardButtons(s) });
  if (s.destinationType === 'email') {
    blocks.push({ type: 'actions', block_id: BlockIds.scheduleCardRecipients, elements: recipientButtons(s) });
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
  const name = escapeMrkdwn(truncate(deleted.name, 200));
  return {
    text: `Schedule “${truncate(deleted.name, 200)}” was deleted.`,
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
 * `/schedule delete <id>` asks first: the card, a warning, and a Delete button that itself asks
 * Slack's confirm dialog once more (deleting cannot be undone).
 */
export function buildDeletePrompt(sched: ScheduleView, options: ScheduleCardOptions = {}): SlackMessage {
  const card = buildScheduleCard(sched, options);
  const withoutActions = card.blocks.filter((b) => b.type !== 'actions');
  return {
    text: `Delete schedule “${truncate(sched.name, 200)}”?`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: Delete *${escapeMrkdwn(truncate(sched.name, 200))}*? It stops delivering and cannot be restored.`,
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
  const dashboard = escapeMrkdwn(truncate(sched.dashboardName, 300));
  const tile = sched.content === 'single tile' ? ' (one tile)' : '';
  const state = stateText(sched, options.zone);
  return [
    mrkdwn(`*Dashboard*\n${options.omniUrl ? `<${options.omniUrl}|${dashboard}>` : dashboard}${tile}`),
    mrkdwn(`*Delivers*\n${destinationText(sched)}`),
    mrkdwn(`*When*\n${truncate(whenText(sched), 1900)}`),
    mrkdwn(`*Owner*\n${sched.ownerName ? escapeMrkdwn(truncate(sched.ownerName, 300)) : '_unknown_'}`),
    mrkdwn(`*Last run*\n${lastRunText(sched, options.zone)}`),
    mrkdwn(
      `*State*\n${scheduleState(sched) === 'system_disabled' ? ':no_entry: Disabled by Omni' : state || ':arrow_forward: Active'}`,
    ),
  ];
}

function cardButtons(sched: ScheduleView): types.Button[] {
  const state = scheduleState(sched);
  const buttons: types.Button[] = [runButton(sched)];
  // Omni refuses both pause and resume on a system-disabled schedule: fixing it (Edit) is the way back.
  if (state === 'paused') {
    buttons.push(button('Resume', ActionIds.resumeScheduleButton, sched.id));
  } else if (state === 'active') {
    buttons.push(button('Pause', ActionIds.pauseScheduleButton, sched.id));
  }
  buttons.push(
    button('Edit', ActionIds.editScheduleButton, sched.id),
    button('Duplicate', ActionIds.duplicateScheduleButton, sched.id),
    deleteButton(sched),
  );
  return buttons;
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
          `Omni delivers *${escapeMrkdwn(truncate(sched.name, 100))}* now: ${destinationText(sched)}. Its schedule does not change.`,
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
          `*${escapeMrkdwn(truncate(sched.name, 100))}* stops delivering and is removed from Omni. This cannot be undone.`,
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
  return `Schedule “${truncate(sched.name, 200)}” (${words}), dashboard “${truncate(sched.dashboardName, 200)}”.`;
}

function s(text: string): string {
  return escapeMrkdwn(text.replaceAll('`', "'"));
}
