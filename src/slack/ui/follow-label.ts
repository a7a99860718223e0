// "Follows #channel" on a schedule's card, and its Unfollow button. Pure.
import type { types } from '@slack/bolt';
import { PeopleActionIds, PeopleBlockIds } from '../../ids.js';
import type { FollowRecord } from '../../people/index.js';

export function followsText(record: Pick<FollowRecord, 'source'>): string {
  const { kind, id } = record.source;
  return kind === 'channel' ? `Follows <#${id}>` : `Follows <!subteam^${id}>`;
}

/** A context line for the card, with Unfollow (which keeps the current recipients). */
export function buildFollowBlocks(record: Pick<FollowRecord, 'source' | 'scheduleId'>): types.KnownBlock[] {
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${followsText(record)}: people who join get this report, people who leave stop getting it.`,
      },
      accessory: {
        type: 'button',
        action_id: PeopleActionIds.unfollow,
        text: { type: 'plain_text', text: 'Unfollow' },
        value: record.scheduleId,
        confirm: {
          title: { type: 'plain_text', text: 'Unfollow?' },
          text: { type: 'plain_text', text: 'Everyone who receives the report now keeps receiving it.' },
          confirm: { type: 'plain_text', text: 'Unfollow' },
          deny: { type: 'plain_text', text: 'Keep following' },
        },
      },
    },
  ];
}

/** An email card that follows nothing: a channel picker to start following one (`/schedule follow` also takes a @group). */
export function buildFollowPicker(scheduleId: string): types.KnownBlock {
  return {
    type: 'section',
    block_id: `${PeopleBlockIds.followPrefix}${scheduleId}`,
    text: {
      type: 'mrkdwn',
      text: 'Follow a channel: people who join get this report, people who leave stop getting it.',
    },
    accessory: {
      type: 'conversations_select',
      action_id: PeopleActionIds.followSource,
      placeholder: { type: 'plain_text', text: 'Follow a channel' },
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    },
  };
}

/** The schedule id from the picker's block id; undefined for any other block. */
export function followScheduleOf(blockId: string | undefined): string | undefined {
  if (!blockId?.startsWith(PeopleBlockIds.followPrefix)) return undefined;
  return blockId.slice(PeopleBlockIds.followPrefix.length) || undefined;
}
