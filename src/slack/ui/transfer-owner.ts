// Transfer ownership's question: who takes over the schedules someone owns. A people picker whose block
// carries the leaver's email (an address, nothing secret), so the choice alone says whose schedules move.
import type { types } from '@slack/bolt';
import { PeopleActionIds, PeopleBlockIds } from '../../ids.js';
import { escapeSlackText } from '../../text/slack-escape.js';

export function buildTransferOwnerPrompt(email: string, owned: number): { text: string; blocks: types.KnownBlock[] } {
  const text = `Who takes over the ${owned} schedule${owned === 1 ? '' : 's'} ${escapeSlackText(email)} owns? They need an Omni user with the email Slack shows for them.`;
  return {
    text,
    blocks: [
      {
        type: 'section',
        block_id: `${PeopleBlockIds.transferOwnerPrefix}${email}`,
        text: { type: 'mrkdwn', text },
        accessory: {
          type: 'users_select',
          action_id: PeopleActionIds.transferOwnerSelect,
          placeholder: { type: 'plain_text', text: 'New owner' },
        },
      },
    ],
  };
}

/** The leaver's email from the picker's block id; undefined for any other block. */
export function transferEmailOf(blockId: string | undefined): string | undefined {
  if (!blockId?.startsWith(PeopleBlockIds.transferOwnerPrefix)) return undefined;
  const email = blockId.slice(PeopleBlockIds.transferOwnerPrefix.length);
  return email.includes('@') ? email : undefined;
}
