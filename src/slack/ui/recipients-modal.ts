// The Recipients modal, opened from a schedule card: who receives the schedule (Omni's recipients endpoint),
// Slack people as mentions, each with a Remove button; Omni user groups are listed without one. Above the
// list, an add section (people, channels, user groups, addresses) submitted with Add. Pure.
import type { types } from '@slack/bolt';
import { ActionIds, BlockIds, CallbackIds } from '../../ids.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { context, plain, section } from './blocks.js';
import { truncate } from './format.js';
import { input, textInput } from './schedule-form-parts.js';

export interface RecipientRow {
  email: string;
  /** The Slack person with this email, when there is one. */
  slackUserId?: string;
  /** Omni's name for the recipient. */
  name?: string | null;
  emailOnly?: boolean;
}

export interface RecipientsViewInput {
  scheduleId: string;
  scheduleName: string;
  rows: readonly RecipientRow[];
  groups: readonly { name: string; size: number }[];
  /** A line at the top, e.g. after a removal. */
  notice?: string;
  /** What the last Add did (the same summary `/schedule add` gives), shown under the headline. */
  summary?: readonly types.KnownBlock[];
  /** Where the modal was opened from and whether recipients changed since (see RecipientsMetadata). */
  metadata?: Omit<RecipientsMetadata, 'scheduleId'>;
}

/**
 * Modal blocks are capped at 100 (headline, notice, summary, the add section's 6, rows, groups, footers);
 * the rest are counted, and `/schedule remove` still reaches them.
 */
export const MAX_ROWS = 70;
const MAX_GROUPS = 8;
/** Summary blocks shown in the modal; the DM summary of a job has them all. */
const MAX_SUMMARY_BLOCKS = 5;

/** Ids only (never a secret): the schedule, the card in a channel it was opened from, whether someone was removed. */
export interface RecipientsMetadata {
  scheduleId: string;
  /** The in-channel card the modal was opened from; redrawn on close when recipients changed. */
  card?: { channel: string; ts: string };
  changed?: boolean;
}

export function recipientsMetadata(view: { private_metadata?: string } | undefined): RecipientsMetadata | undefined {
  try {
    const parsed = JSON.parse(view?.private_metadata ?? '') as Partial<RecipientsMetadata>;
    if (typeof parsed.scheduleId !== 'string') return undefined;
    const card = parsed.card;
    const validCard = card && typeof card.channel === 'string' && typeof card.ts === 'string';
    return {
      scheduleId: parsed.scheduleId,
      ...(validCard ? { card: { channel: card.channel, ts: card.ts } } : {}),
      ...(parsed.changed === true ? { changed: true } : {}),
    };
  } catch {
    return undefined;
  }
}

function modal(
  scheduleId: string,
  blocks: types.KnownBlock[],
  extra: Omit<RecipientsMetadata, 'scheduleId'> = {},
  canAdd = false,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackIds.recipientsView,
    title: { type: 'plain_text', text: 'Recipients' },
    close: { type: 'plain_text', text: 'Done' },
    ...(canAdd ? { submit: { type: 'plain_text', text: 'Add' } } : {}),
    // Closing tells the app, so that a card whose recipients changed can be redrawn.
    notify_on_close: true,
    private_metadata: JSON.stringify({ scheduleId, ...extra } satisfies RecipientsMetadata),
    blocks,
  };
}

export function recipientsLoadingView(
  scheduleId: string,
  extra: Omit<RecipientsMetadata, 'scheduleId'> = {},
): types.ModalView {
  return modal(scheduleId, [section(':hourglass_flowing_sand: Asking Omni who receives this schedule…')], extra);
}

export function recipientsMessageView(
  scheduleId: string,
  text: string,
  extra: Omit<RecipientsMetadata, 'scheduleId'> = {},
): types.ModalView {
  return modal(scheduleId, [section(text)], extra);
}

export function recipientsView(input: RecipientsViewInput): types.ModalView {
  const name = `*${escapeSlackText(truncate(input.scheduleName, 150))}*`;
  const total = input.rows.length;
  const headline =
    total === 0 && input.groups.length === 0
      ? `${name} has no recipients.`
      : `${name} is delivered by email to ${total.toLocaleString('en-US')} ${total === 1 ? 'recipient' : 'recipients'}${input.groups.length > 0 ? ` and ${input.groups.length} Omni ${input.groups.length === 1 ? 'group' : 'groups'}` : ''}.`;
  const blocks: types.KnownBlock[] = [section(headline)];
  if (input.notice) blocks.push(context(input.notice));
  blocks.push(...(input.summary ?? []).slice(0, MAX_SUMMARY_BLOCKS));
  blocks.push(...addSection());
  if (total > 0 || input.groups.length > 0) blocks.push({ type: 'divider' });
  for (const row of input.rows.slice(0, MAX_ROWS)) blocks.push(rowBlock(row, input.scheduleName));
  if (total > MAX_ROWS) {
    blocks.push(
      context(
        `…and ${(total - MAX_ROWS).toLocaleString('en-US')} more not shown here. Remove anyone with \`/schedule remove ${input.scheduleId} <email>\`.`,
      ),
    );
  }
  for (const group of input.groups.slice(0, MAX_GROUPS)) {
    blocks.push(
      section(
        `:busts_in_silhouette: Omni group *${escapeSlackText(truncate(group.name, 150))}* (${group.size} ${group.size === 1 ? 'person' : 'people'}): change it in Omni.`,
      ),
    );
  }
  return modal(input.scheduleId, blocks, input.metadata, true);
}

/**
 * The add section: what `/schedule add` takes, as Slack pickers. All optional; the submission checks that
 * something was chosen. Channels' and groups' members who cannot receive email are skipped and named.
 */
function addSection(): types.KnownBlock[] {
  const people: types.MultiUsersSelect = {
    type: 'multi_users_select',
    action_id: ActionIds.recipientsAddPeopleSelect,
    placeholder: plain('Choose people', 150),
  };
  const channels: types.MultiConversationsSelect = {
    type: 'multi_conversations_select',
    action_id: ActionIds.recipientsAddChannelsSelect,
    placeholder: plain('Choose channels', 150),
    filter: { include: ['public', 'private'], exclude_bot_users: true },
  };
  const groups: types.MultiExternalSelect = {
    type: 'multi_external_select',
    action_id: ActionIds.recipientsAddGroupsSelect,
    placeholder: plain('Search user groups', 150),
    min_query_length: 0,
  };
  return [
    { type: 'divider' },
    input(BlockIds.recipientsAddPeople, people, { label: 'Add people', optional: true }),
    input(BlockIds.recipientsAddChannels, channels, {
      label: 'Add channels',
      hint: 'Every member gets it at their Slack address; bots, and whoever this workspace’s rules leave out, are skipped and named.',
      optional: true,
    }),
    input(BlockIds.recipientsAddGroups, groups, { label: 'Add Slack user groups', optional: true }),
    input(
      BlockIds.recipientsAddAddresses,
      textInput(ActionIds.recipientsAddAddressesInput, undefined, {
        placeholder: 'cfo@example.com, auditor@partner.org',
        multiline: true,
      }),
      { label: 'Add email addresses', hint: 'Separate them with commas.', optional: true },
    ),
  ];
}

function rowBlock(row: RecipientRow, scheduleName: string): types.SectionBlock {
  const who = row.slackUserId
    ? `<@${row.slackUserId}>`
    : row.name
      ? `*${escapeSlackText(truncate(row.name, 100))}*`
      : '';
  const parts = [who, escapeSlackText(truncate(row.email, 254)), row.emailOnly ? '_email-only user_' : ''].filter(
    Boolean,
  );
  const shown = truncate(row.name || row.email, 60);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: parts.join(' · ') },
    accessory: {
      type: 'button',
      action_id: ActionIds.removeRecipientButton,
      text: { type: 'plain_text', text: 'Remove' },
      value: row.email,
      confirm: {
        title: { type: 'plain_text', text: 'Remove recipient?' },
        text: {
          type: 'mrkdwn',
          text: truncate(`${escapeSlackText(shown)} will no longer receive ${escapeSlackText(scheduleName)}.`, 300),
        },
        confirm: { type: 'plain_text', text: 'Remove' },
        deny: { type: 'plain_text', text: 'Cancel' },
      },
    },
  };
}
