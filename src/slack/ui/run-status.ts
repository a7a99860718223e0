// The line a schedule card shows about a run someone started from it: started, then what Omni recorded, or
// that the app stopped checking. Pure.

import type { types } from '@slack/bolt';
import { BlockIds } from '../../ids.js';
import type { RunProgress } from '../../schedules/run-progress.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { context } from './blocks.js';
import { lastStatusText, slackDate } from './format.js';
import type { SlackMessage } from './schedule-card.js';

/** Destination names, for a run that went to several. */
const LABELS: Record<string, string> = {
  email: 'Email',
  slack: 'Slack',
  webhook: 'Webhook',
  sftp: 'SFTP',
  s3: 'Amazon S3',
  google_sheets: 'Google Sheets',
};

export interface RunStarted {
  userId: string;
  at: Date;
}

export type RunStatus =
  | { kind: 'ended'; progress: Extract<RunProgress, { kind: 'ended' }>; systemDisabledReason?: string }
  /** `unfinished`: Omni had not recorded it by the bound; `unreachable`: Omni did not answer the checks. */
  | { kind: 'gave_up'; why: 'unfinished' | 'unreachable'; afterMs: number; scheduleId: string };

export function runStatusText(started: RunStarted, status: RunStatus, zone?: string): string {
  const who = `<@${started.userId}> started a run ${slackDate(started.at, zone)}`;
  if (status.kind === 'gave_up') {
    const minutes = Math.max(1, Math.round(status.afterMs / 60_000));
    if (status.why === 'unreachable') {
      return `:warning: ${who}, but Omni did not answer when this card checked on it, so it stopped checking; \`/schedule show ${status.scheduleId}\` shows the last run when it ends.`;
    }
    return `:hourglass: ${who}. Omni had not recorded its outcome after ${minutes} min, so this card stopped checking; \`/schedule show ${status.scheduleId}\` shows the last run when it ends.`;
  }
  const { destinations, failed } = status.progress;
  const each = destinations.map((d) => {
    const label = destinations.length > 1 ? `${LABELS[d.type] ?? escapeSlackText(d.type)}: ` : '';
    return `${label}${lastStatusText(d.lastStatus)} ${slackDate(d.at, zone)}`;
  });
  const reason = failed && status.systemDisabledReason ? ` Omni's reason: ${status.systemDisabledReason}` : '';
  return `${who}: ${each.join('; ')}.${reason}`;
}

/** The card with `text` as its run line, in place of the "started a run" line, just above the buttons. */
export function withRunStatus(card: SlackMessage, text: string): SlackMessage {
  const blocks: types.KnownBlock[] = [...card.blocks];
  const at = blocks.findIndex((b) => b.type === 'actions' && b.block_id === BlockIds.scheduleCardActions);
  const line = context(text);
  if (at < 0) blocks.push(line);
  else blocks.splice(at, 0, line);
  return { text: card.text, blocks };
}
