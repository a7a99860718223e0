// "Follows #channel" on a schedule's card, and its Unfollow button. Pure.
import type { types } from '@slack/bolt';
import { PeopleActionIds, PeopleBlockIds } from '../../ids.js';
import type { FollowRecord } from '../../people/index.js';
import { button, confirmDialog, plain, section } from './blocks.js';

export function followsText(record: Pick<FollowRecord, 'source'>): string {
  const { kind, id } = record.source;
  return kind === 'channel' ? `Follows <#${id}>` : `Follows <!subteam^${id}>`;
}

/** A context line for the card, with Unfollow (which keeps the current recipients). */
export function buildFollowBlocks(record: Pick<FollowRecord, 'source' | 'scheduleId'>): types.KnownBlock[] {
  return [
    {
      ...section(`${followsText(record)}: people who join get this report, people who leave stop getting it.`),
      accessory: button('Unfollow', PeopleActionIds.unfollow, record.scheduleId, {
        confirm: confirmDialog(
          'Unfollow?',
          'Everyone who receives the report now keeps receiving it.',
          'Unfollow',
          'Keep following',
        ),
      }),
    },
  ];
}

/** An email card that follows nothing: a channel picker to start following one (`/schedule follow` also takes a @group). */
export function buildFollowPicker(scheduleId: string): types.KnownBlock {
  return {
    ...section('Follow a channel: people who join get this report, people who leave stop getting it.'),
    block_id: `${PeopleBlockIds.followPrefix}${scheduleId}`,
    accessory: {
      type: 'conversations_select',
      action_id: PeopleActionIds.followSource,
      placeholder: plain('Follow a channel'),
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    },
  };
}

/** The schedule id from the picker's block id; undefined for any other block. */
export function followScheduleOf(blockId: string | undefined): string | undefined {
  if (!blockId?.startsWith(PeopleBlockIds.followPrefix)) return undefined;
  return blockId.slice(PeopleBlockIds.followPrefix.length) || undefined;
}
