// "Follows #channel" on a schedule's card, and its Unfollow button. Pure.
import type { types } from '@slack/bolt';
import { PeopleActionIds } from '../../ids.js';
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
