// Small text formatters shared by the schedule card, the list and App Home (pure, no I/O).

import { formatInTimeZone } from 'date-fns-tz';
import {
  describeSystemDisabledReason,
  type ScheduleStateFields,
  scheduleState,
} from '../../schedules/schedule-state.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { describeSchedule } from './describe-schedule.js';

/** Cuts text to `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A time that Slack shows in each viewer's own time zone (`<!date^…>`); the fallback (for clients
 * that cannot) is written in `fallbackZone`, the viewer's zone when known, else UTC.
 */
export function slackDate(when: string | Date, fallbackZone = 'UTC'): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(date.getTime())) return escapeSlackText(String(when));
  const seconds = Math.floor(date.getTime() / 1000);
  let fallback: string;
  try {
    fallback = `${formatInTimeZone(date, fallbackZone, 'd MMM yyyy HH:mm')} ${fallbackZone}`;
  } catch {
    fallback = `${formatInTimeZone(date, 'UTC', 'd MMM yyyy HH:mm')} UTC`;
  }
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

/** Omni's `lastStatus` as an emoji and a few words. */
export function lastStatusText(lastStatus: string | null): string {
  switch (lastStatus) {
    case null:
      return ':white_circle: Never run';
    case 'COMPLETE':
      return ':white_check_mark: Delivered';
    case 'ERROR':
      return ':x: Failed';
    case 'ERROR_DELIVERED':
      return ':warning: Delivered with errors';
    case 'KILLED':
      return ':no_entry_sign: Canceled';
    case 'CONDITION_UNMET':
      return ':zzz: Checked, alert condition not met';
    default:
      return `:grey_question: ${escapeSlackText(lastStatus)}`;
  }
}

/** The last run: its status and, when Omni knows it, when it ended. */
export function lastRunText(s: { lastStatus: string | null; lastCompletedAt: string | null }, zone?: string): string {
  const status = lastStatusText(s.lastStatus);
  return s.lastCompletedAt ? `${status} ${slackDate(s.lastCompletedAt, zone)}` : status;
}

/** Paused or system-disabled, with Omni's reason; empty for an active schedule. */
export function stateText(s: ScheduleStateFields, zone?: string): string {
  const state = scheduleState(s);
  if (state === 'system_disabled') {
    const since = s.systemDisabledAt ? ` since ${slackDate(s.systemDisabledAt, zone)}` : '';
    return `:no_entry: *Disabled by Omni*${since}: ${describeSystemDisabledReason(s.systemDisabledReason)}`;
  }
  if (state === 'paused') {
    const since = s.disabledAt ? ` since ${slackDate(s.disabledAt, zone)}` : '';
    return `:double_vertical_bar: *Paused*${since}`;
  }
  return '';
}

const DESTINATIONS: Record<string, { emoji: string; label: string }> = {
  email: { emoji: ':email:', label: 'Email' },
  slack: { emoji: ':speech_balloon:', label: 'Slack' },
  webhook: { emoji: ':link:', label: 'Webhook' },
  sftp: { emoji: ':file_folder:', label: 'SFTP' },
  s3: { emoji: ':package:', label: 'Amazon S3' },
  google_sheets: { emoji: ':bar_chart:', label: 'Google Sheets' },
};

const FORMATS: Record<string, string> = {
  link_only: 'link',
  pdf: 'PDF',
  png: 'PNG',
  csv: 'CSV',
  xlsx: 'Excel',
  json: 'JSON',
};

export interface DestinationFields {
  destinationType: string;
  recipientCount: number;
  slackRecipientType: string | null;
  format: string | null;
}

/** e.g. `:email: Email (PDF) to 3 recipients`, `:speech_balloon: Slack (PNG) to a channel`, `:link: Webhook (link)`. */
export function destinationText(s: DestinationFields): string {
  const known = DESTINATIONS[s.destinationType];
  const emoji = known?.emoji ?? ':outbox_tray:';
  const label = known?.label ?? escapeSlackText(s.destinationType);
  const format = s.format ? ` (${FORMATS[s.format] ?? escapeSlackText(s.format)})` : '';
  return `${emoji} ${label}${format}${recipientsText(s)}`;
}

function recipientsText(s: DestinationFields): string {
  if (s.destinationType === 'email' && s.recipientCount >= 0) {
    return s.recipientCount === 1 ? ' to 1 recipient' : ` to ${s.recipientCount} recipients`;
  }
  if (s.destinationType === 'slack') {
    const type = s.slackRecipientType?.toLowerCase();
    if (type === 'channel') return ' to a channel';
    if (type === 'users') return ' to people by DM';
  }
  return '';
}

/** When it runs, in plain words when the cron can be read, and in which zone. */
export function whenText(s: { schedule: string; timezone: string }): string {
  return `${describeSchedule(s.schedule)} · ${escapeSlackText(s.timezone)}`;
}

/** What an alert waits for, e.g. `Sends only when results are present (query “Orders”)`. */
export function alertText(alert: { conditionType: string; conditionQueryName: string | null } | null): string {
  if (!alert) return '';
  const words: Record<string, string> = {
    RESULTS_PRESENT: 'results are present',
    RESULTS_MISSING: 'there are no results',
    RESULTS_CHANGED: 'results change',
    RESULTS_UNCHANGED: 'results stay the same',
  };
  const condition = words[alert.conditionType] ?? escapeSlackText(alert.conditionType);
  const query = alert.conditionQueryName ? ` (query “${escapeSlackText(alert.conditionQueryName)}”)` : '';
  return `:bell: Alert: sends only when ${condition}${query}`;
}

/** The actions a card or a row can report, as past-tense verbs. */
export type CardActionVerb = 'ran' | 'paused' | 'resumed' | 'deleted';

export interface LastAction {
  userId: string;
  verb: CardActionVerb;
  at: Date | string;
}

/** e.g. `<@U1> paused this at <!date^…>`. */
export function lastActionText(action: LastAction, zone?: string): string {
  const what = action.verb === 'ran' ? 'started a run of this' : `${action.verb} this`;
  return `<@${action.userId}> ${what} ${slackDate(action.at, zone)}`;
}
