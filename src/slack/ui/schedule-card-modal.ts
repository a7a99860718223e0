// The schedule card in a modal: how "Show card" works from App Home, which has no channel to answer in.
// Its buttons work as on a message; the modal is then updated in place. Closing it refreshes App Home.
import type { types } from '@slack/bolt';
import { BlockIds, CallbackIds } from '../../ids.js';
import { truncate } from './format.js';
import type { SlackMessage } from './schedule-card.js';

/** `privateMetadata`: `home` when opened from App Home (closing it then refreshes Home). */
export function buildScheduleCardModal(card: SlackMessage, privateMetadata = 'home'): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackIds.scheduleCardView,
    private_metadata: privateMetadata,
    notify_on_close: true,
    title: { type: 'plain_text', text: 'Schedule', emoji: true },
    close: { type: 'plain_text', text: 'Close', emoji: true },
    blocks: card.blocks,
  };
}

/** Shown while the schedule is read from Omni. */
export function buildScheduleCardLoadingModal(privateMetadata = 'home'): types.ModalView {
  return buildScheduleCardModal(
    {
      text: 'Reading the schedule from Omni…',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Reading the schedule from Omni…' } },
      ],
    },
    privateMetadata,
  );
}

/** The same blocks with `text` as a note on top (replacing an earlier note). */
export function withNotice(blocks: readonly unknown[], text: string): types.KnownBlock[] {
  const rest = (blocks as types.KnownBlock[]).filter((b) => b.block_id !== BlockIds.scheduleNotice);
  return [
    { type: 'context', block_id: BlockIds.scheduleNotice, elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] },
    ...rest.slice(0, 99),
  ];
}
