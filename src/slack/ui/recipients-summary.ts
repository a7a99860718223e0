// What `/schedule add|remove|subscribe|unsubscribe|users …` answer: who was added or removed (Slack people
// as mentions), who already was, who was skipped and why, and what Omni refused, in its own words.
// Pure: no I/O. Long lists are cut with "and N more" so that a message stays within Block Kit's limits.
import type { types } from '@slack/bolt';
import { ActionIds } from '../../ids.js';
import type {
  AddOutcome,
  EmailOnlyOutcome,
  ManageMode,
  ManageOutcome,
  NotEmail,
  RecipientRef,
  Refusal,
  RemoveOutcome,
  Skipped,
} from '../../recipients/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { section } from './blocks.js';
import { truncate } from './format.js';
import type { SlackMessage } from './schedule-card.js';

/** People named inline before "and N more". */
const MAX_NAMES = 40;
/** Skipped/failed lines shown before "and N more". */
const MAX_LINES = 20;

export function whoText(ref: RecipientRef): string {
  switch (ref.kind) {
    case 'user':
      return `<@${ref.id}>`;
    case 'channel':
      return `<#${ref.id}>`;
    case 'usergroup':
      return `<!subteam^${ref.id}>`;
    case 'email':
      return escapeSlackText(ref.email);
    case 'text':
      return `\`${ref.text.replace(/`/g, "'")}\``;
  }
}

export function personText(person: { email: string; slackUserId?: string }): string {
  return person.slackUserId ? `<@${person.slackUserId}>` : escapeSlackText(person.email);
}

/** `a, b and c`, or `a, b, … and 12 more`. */
export function peopleList(people: readonly { email: string; slackUserId?: string }[], max = MAX_NAMES): string {
  const names = people.slice(0, max).map(personText);
  const rest = people.length - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest.toLocaleString('en-US')} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function skippedLines(skipped: readonly Skipped[]): string[] {
  return capped(skipped.map((s) => `• ${whoText(s.who)} ${s.reason}`));
}

export function failedLines(failed: readonly Refusal[]): string[] {
  return capped(failed.map((f) => `• ${personText(f)}: ${escapeSlackText(f.detail)}`));
}

function capped(lines: string[]): string[] {
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES), `…and ${(lines.length - MAX_LINES).toLocaleString('en-US')} more`];
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function listSection(title: string, lines: string[]): types.SectionBlock[] {
  return lines.length === 0 ? [] : [section(`*${title}*\n${lines.join('\n')}`)];
}

export function emailOnlyLine(outcome: EmailOnlyOutcome): string | undefined {
  const parts: string[] = [];
  if (outcome.created.length > 0) parts.push(`created ${peopleListOfEmails(outcome.created)}`);
  if (outcome.updated.length > 0) parts.push(`updated ${peopleListOfEmails(outcome.updated)}`);
  if (outcome.createdOrUpdated.length > 0) {
    parts.push(`created or updated ${count(outcome.createdOrUpdated.length, 'person', 'people')}`);
  }
  if (parts.length === 0) return undefined;
  return `:bust_in_silhouette: Email-only users in Omni (with their Slack time zone and mapped attributes): ${parts.join('; ')}.`;
}

function peopleListOfEmails(emails: readonly string[]): string {
  return emails.length > 10 ? count(emails.length, 'person', 'people') : emails.map(escapeSlackText).join(', ');
}

function scheduleName(name: string): string {
  return `*${escapeSlackText(truncate(name, 150))}*`;
}

function message(text: string, blocks: types.KnownBlock[]): SlackMessage {
  return { text: truncate(text, 3000), blocks: blocks.slice(0, 50) };
}

export function addSummary(outcome: AddOutcome): SlackMessage {
  const name = scheduleName(outcome.scheduleName);
  const headline =
    outcome.added.length > 0
      ? `:white_check_mark: Added ${count(outcome.added.length, 'recipient')} to ${name}: ${peopleList(outcome.added)}.`
      : `:information_source: Nobody new was added to ${name}.`;
  const blocks: types.KnownBlock[] = [section(headline)];
  if (outcome.already.length > 0) blocks.push(section(`Already receiving it: ${peopleList(outcome.already)}.`));
  const emailOnly = outcome.emailOnly && emailOnlyLine(outcome.emailOnly);
  if (emailOnly) blocks.push(section(emailOnly));
  blocks.push(...listSection(`Skipped (${outcome.skipped.length})`, skippedLines(outcome.skipped)));
  blocks.push(...listSection(`Not added: Omni refused (${outcome.failed.length})`, failedLines(outcome.failed)));
  return message(headline, blocks);
}

export function removeSummary(outcome: RemoveOutcome): SlackMessage {
  const name = scheduleName(outcome.scheduleName);
  const headline =
    outcome.removed.length > 0
      ? `:white_check_mark: Removed ${count(outcome.removed.length, 'recipient')} from ${name}: ${peopleList(outcome.removed)}.`
      : `:information_source: Nobody was removed from ${name}.`;
  const blocks: types.KnownBlock[] = [section(headline)];
  if (outcome.notRecipients.length > 0) {
    blocks.push(section(`Not recipients of it: ${peopleList(outcome.notRecipients)}.`));
  }
  blocks.push(
    ...listSection(
      'Receive it through an Omni user group (remove them from the group in Omni)',
      capped(outcome.viaGroup.map((v) => `• ${personText(v.recipient)} via ${escapeSlackText(v.group)}`)),
    ),
  );
  blocks.push(...listSection(`Skipped (${outcome.skipped.length})`, skippedLines(outcome.skipped)));
  blocks.push(...listSection(`Not removed: Omni refused (${outcome.failed.length})`, failedLines(outcome.failed)));
  return message(headline, blocks);
}

/** Omni only changes recipients of email deliveries: say so, before trying, and offer Edit. */
export function notEmailMessage(outcome: NotEmail, scheduleId: string): SlackMessage {
  const text =
    `${scheduleName(outcome.scheduleName)} delivers to ${destinationName(outcome.destinationType)}, not by email. ` +
    'Omni only lets you add or remove recipients of email deliveries, so nothing was changed. ' +
    'To change where it goes, edit the schedule.';
  return {
    text,
    blocks: [
      section(`:information_source: ${text}`),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ActionIds.editScheduleButton,
            text: { type: 'plain_text', text: 'Edit schedule' },
            value: scheduleId,
          },
        ],
      },
    ],
  };
}

function destinationName(type: string): string {
  const names: Record<string, string> = {
    slack: 'Slack',
    webhook: 'a webhook',
    sftp: 'SFTP',
    s3: 'Amazon S3',
    google_sheets: 'Google Sheets',
  };
  return names[type] ?? escapeSlackText(type);
}

const MANAGE_VERBS: Record<ManageMode, string> = { add: 'Added', set: 'Updated', sync: 'Synced' };

export function manageSummary(mode: ManageMode, result: ManageOutcome): SlackMessage {
  const o = result.outcome;
  const sent = o.created.length + o.updated.length + o.createdOrUpdated.length;
  const headline =
    sent > 0
      ? `:white_check_mark: ${MANAGE_VERBS[mode]} ${count(sent, 'email-only user')} in Omni.`
      : ':information_source: No email-only user was changed in Omni.';
  const blocks: types.KnownBlock[] = [section(headline)];
  const details: string[] = [];
  if (o.created.length > 0) details.push(`Created: ${peopleListOfEmails(o.created)}`);
  if (o.updated.length > 0) details.push(`Updated: ${peopleListOfEmails(o.updated)}`);
  if (o.createdOrUpdated.length > 0) {
    details.push(
      `Created or updated: ${count(o.createdOrUpdated.length, 'person', 'people')} (Omni does not say which for this many)`,
    );
  }
  if (details.length > 0) blocks.push(section(details.join('\n')));
  if (result.members.length > 0) {
    blocks.push(
      section(`Omni members, left unchanged (their attributes are managed in Omni): ${peopleList(result.members)}.`),
    );
  }
  blocks.push(...listSection(`Skipped (${result.skipped.length})`, skippedLines(result.skipped)));
  blocks.push(...listSection(`Failed (${result.failed.length})`, failedLines(result.failed)));
  return message(headline, blocks);
}

export function refusalMessage(problems: readonly string[]): SlackMessage {
  const text = `:no_entry: ${problems.join('\n')}`;
  return { text: truncate(text, 3000), blocks: [section(text)] };
}

/** For subscribe/unsubscribe: the same outcome, said to "you", with a button to undo it. */
export function subscribeSummary(outcome: AddOutcome, scheduleId: string): SlackMessage {
  const name = scheduleName(outcome.scheduleName);
  const first = (list: readonly Refusal[]) => escapeSlackText(list[0]?.detail ?? '');
  if (outcome.added.length > 0) {
    const email = escapeSlackText(outcome.added[0]?.email ?? '');
    return withButton(`:white_check_mark: You now receive ${name} at ${email}.`, scheduleId, 'unsubscribe');
  }
  if (outcome.already.length > 0) {
    return withButton(`:information_source: You already receive ${name}.`, scheduleId, 'unsubscribe');
  }
  if (outcome.failed.length > 0) {
    return withButton(`:warning: Omni did not add you to ${name}: ${first(outcome.failed)}`, scheduleId);
  }
  const why = outcome.skipped[0]?.reason ?? 'could not be found in Slack';
  return withButton(`:warning: You could not be added to ${name}: your Slack account ${why}.`, scheduleId);
}

export function unsubscribeSummary(outcome: RemoveOutcome, scheduleId: string): SlackMessage {
  const name = scheduleName(outcome.scheduleName);
  if (outcome.removed.length > 0) {
    return withButton(`:white_check_mark: You no longer receive ${name}.`, scheduleId, 'subscribe');
  }
  if (outcome.viaGroup.length > 0) {
    const group = escapeSlackText(outcome.viaGroup[0]?.group ?? '');
    return withButton(
      `:information_source: You receive ${name} through the Omni user group ${group}; ask an Omni admin to take you out of it.`,
      scheduleId,
    );
  }
  if (outcome.failed.length > 0) {
    const detail = escapeSlackText(outcome.failed[0]?.detail ?? '');
    return withButton(`:warning: Omni did not remove you from ${name}: ${detail}`, scheduleId);
  }
  if (outcome.notRecipients.length > 0) {
    return withButton(`:information_source: You were not a recipient of ${name}.`, scheduleId, 'subscribe');
  }
  const why = outcome.skipped[0]?.reason ?? 'could not be found in Slack';
  return withButton(`:warning: You could not be removed from ${name}: your Slack account ${why}.`, scheduleId);
}

function withButton(text: string, scheduleId: string, offer?: 'subscribe' | 'unsubscribe'): SlackMessage {
  const blocks: types.KnownBlock[] = [section(text)];
  if (offer) {
    const button: types.Button = {
      type: 'button',
      action_id: offer === 'subscribe' ? ActionIds.subscribeButton : ActionIds.unsubscribeButton,
      text: { type: 'plain_text', text: offer === 'subscribe' ? 'Subscribe' : 'Unsubscribe' },
      value: scheduleId,
    };
    blocks.push({ type: 'actions', elements: [button] });
  }
  return { text, blocks };
}
