// A row's menu cannot carry Slack's confirm dialog per choice, so "Run now…" and "Delete…" from a
// list or App Home open this small modal instead: it opens at once (loading), then names the schedule.
import type { types } from '@slack/bolt';
import { CallbackIds } from '../../ids.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { plain } from './blocks.js';
import { lastRunText, stateText, truncate, whenText } from './format.js';
import { deliversText } from './schedule-destinations.js';

export type ConfirmKind = 'run' | 'delete';

const TITLES: Record<ConfirmKind, string> = { run: 'Run schedule now?', delete: 'Delete schedule?' };

export function confirmCallbackId(kind: ConfirmKind): string {
  return kind === 'run' ? CallbackIds.confirmRunView : CallbackIds.confirmDeleteView;
}

/** Shown while the schedule is read from Omni; it has no submit button yet. */
export function buildConfirmLoadingModal(kind: ConfirmKind, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: confirmCallbackId(kind),
    private_metadata: privateMetadata,
    title: plain(TITLES[kind]),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Reading the schedule from Omni…' } },
    ],
  };
}

export function buildConfirmModal(kind: ConfirmKind, s: ScheduleView, privateMetadata: string): types.ModalView {
  const name = `*${escapeSlackText(truncate(s.name, 200))}*`;
  const question =
    kind === 'run'
      ? `Omni delivers ${name} now. Its schedule does not change.`
      : `${name} stops delivering and is removed from Omni. This cannot be undone.`;
  const details = [
    `Dashboard: ${escapeSlackText(truncate(s.dashboardName, 200))}`,
    `Delivers: ${deliversText(s).replaceAll('\n', '; ')}`,
    `When: ${truncate(whenText(s), 500)}`,
    `Last run: ${lastRunText(s)}`,
  ];
  const state = stateText(s);
  if (state) details.push(state);
  return {
    type: 'modal',
    callback_id: confirmCallbackId(kind),
    private_metadata: privateMetadata,
    title: plain(TITLES[kind]),
    submit: plain(kind === 'run' ? 'Run now' : 'Delete'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: question } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(details.join('\n'), 3000) }] },
    ],
  };
}

/** The schedule could not be read: say why, and offer only Close. */
export function buildConfirmErrorModal(kind: ConfirmKind, message: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: confirmCallbackId(kind),
    title: plain(TITLES[kind]),
    close: plain('Close'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${truncate(message, 2900)}` } }],
  };
}
