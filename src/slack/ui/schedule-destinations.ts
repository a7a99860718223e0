// Where a schedule delivers, for its card: Omni allows several destinations per schedule (listed one row each,
// merged by the client into `destinations`), and the card names them all. When the schedule was read one by
// one (GET one), the card says exactly where each goes: the channel, the people, the webhook's host, the
// SFTP server and folder, the bucket (src/schedules/destination-summary.ts keeps secrets out). Pure.
import type { DestinationPlace, DestinationSummary } from '../../schedules/destination-summary.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { type DestinationFields, destinationText, truncate } from './format.js';

/** How many email people or DM recipients a card names before "and N more". */
export const PEOPLE_SHOWN = 3;

function isDestination(value: unknown): value is DestinationFields {
  const d = value as Partial<DestinationFields> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.destinationType === 'string' &&
    typeof d.recipientCount === 'number' &&
    (d.format === null || typeof d.format === 'string')
  );
}

/** The schedule's destinations as its list record has them; just its own when it carries no list. */
export function destinationsOf(s: ScheduleView): DestinationFields[] {
  const listed = (s as { destinations?: unknown }).destinations;
  const all = Array.isArray(listed) ? listed.filter(isDestination) : [];
  return all.length > 0 ? all : [s];
}

/** One line per destination: exactly where, when the schedule was read one by one; else the kind and a count. */
export function deliversText(s: ScheduleView): string {
  if (s.places && s.places.length > 0) return s.places.map(placeText).join('\n');
  return destinationsOf(s)
    .map((d) => destinationText({ ...d, slackRecipientType: d.slackRecipientType ?? null }))
    .join('\n');
}

const TYPE_OF: Record<Exclude<DestinationSummary['kind'], 'other'>, string> = {
  email: 'email',
  'slack-channel': 'slack',
  'slack-dm': 'slack',
  webhook: 'webhook',
  sftp: 'sftp',
  s3: 's3',
};

/**
 * e.g. `:email: Email (PDF) to Blob Ross, partner@example.com and 2 more`, `:speech_balloon: Slack (PNG) to <#C1>`,
 * `:link: Webhook (JSON) to `hooks.example.com``, `:file_folder: SFTP (CSV) to `files.example.com:2222`, folder `/in``.
 */
export function placeText(place: DestinationPlace): string {
  const { summary } = place;
  const destinationType = summary.kind === 'other' ? summary.type || 'unknown' : TYPE_OF[summary.kind];
  const kind = destinationText({ destinationType, format: place.format, recipientCount: -1, slackRecipientType: null });
  const where = whereText(summary);
  return where ? `${kind} ${where}` : kind;
}

function whereText(summary: DestinationSummary): string {
  switch (summary.kind) {
    case 'email': {
      const names = summary.people.map((p) => escapeSlackText(truncate(p.name ?? p.email, 80)));
      const groups = summary.groupCount === 1 ? '1 user group' : `${summary.groupCount} user groups`;
      const items = [...firstFew(names), ...(summary.groupCount > 0 ? [groups] : [])];
      return items.length > 0 ? `to ${listWords(items)}` : 'to nobody yet';
    }
    case 'slack-channel':
      return summary.channelId && SLACK_CHANNEL.test(summary.channelId) ? `to <#${summary.channelId}>` : 'to a channel';
    case 'slack-dm': {
      const people = summary.userIds.filter((id) => SLACK_USER.test(id)).map((id) => `<@${id}>`);
      return people.length > 0 ? `to ${listWords(firstFew(people))} by DM` : 'to people by DM';
    }
    case 'webhook':
      return summary.host ? `to ${code(summary.host)}` : '';
    case 'sftp': {
      if (!summary.host) return '';
      const server = summary.port === null ? summary.host : `${summary.host}:${summary.port}`;
      return `to ${code(server)}${summary.path ? `, folder ${code(summary.path)}` : ''}`;
    }
    case 's3': {
      if (!summary.bucket) return '';
      const region = summary.region ? ` (${escapeSlackText(truncate(summary.region, 40))})` : '';
      return `to bucket ${code(summary.bucket)}${region}${summary.keyPrefix ? `, prefix ${code(summary.keyPrefix)}` : ''}`;
    }
    case 'other':
      return '';
  }
}

/** Slack's channel (public C…, private G…) and user (U…, W…) ids: only these become mentions. */
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** The first PEOPLE_SHOWN items, then "N more". */
function firstFew(items: string[]): string[] {
  if (items.length <= PEOPLE_SHOWN) return items;
  return [...items.slice(0, PEOPLE_SHOWN), `${items.length - PEOPLE_SHOWN} more`];
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Omni's text in code style (no links, no mentions), escaped; a backtick would end the code span. */
function code(text: string): string {
  return `\`${escapeSlackText(truncate(text, 120).replaceAll('`', "'"))}\``;
}
