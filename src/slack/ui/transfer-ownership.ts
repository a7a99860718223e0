// The Transfer ownership modal: who owns the schedule in Omni now, and a Slack person to give it to (their
// Omni account is found by email). Pure.

import type { types } from '@slack/bolt';
import { ActionIds, BlockIds, CallbackIds } from '../../ids.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { mrkdwn, plain } from './blocks.js';
import { truncate } from './format.js';

export interface TransferModalInput {
  scheduleId: string;
  scheduleName: string;
  /** Omni's name for the owner; null: the organization (no owner), or a name Omni did not give. */
  ownerName: string | null;
  /** A problem with the last try, shown above the picker. */
  notice?: string;
}

export function ownerText(ownerName: string | null, ownerId: string | null): string {
  if (ownerId === null) return 'the organization';
  return ownerName ? escapeSlackText(truncate(ownerName, 200)) : '_an Omni member whose name Omni did not give_';
}

/**
 * A card's owner: Omni's name for them; the organization when Omni says nobody owns it (`ownerId: null`, as
 * its docs describe schedules created without `userId`); unknown when Omni gives neither.
 */
export function cardOwnerText(s: { ownerName: string | null }): string {
  const ownerId = (s as { ownerId?: unknown }).ownerId;
  if (s.ownerName) return escapeSlackText(truncate(s.ownerName, 300));
  return ownerId === null ? '_the organization_' : '_unknown_';
}

export function buildTransferModal(input: TransferModalInput & { ownerId: string | null }): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (input.notice)
    blocks.push({ type: 'section', text: mrkdwn(`:warning: ${escapeSlackText(truncate(input.notice, 2900))}`) });
  blocks.push(
    {
      type: 'section',
      text: mrkdwn(
        `*${escapeSlackText(truncate(input.scheduleName, 200))}* is owned in Omni by ${ownerText(input.ownerName, input.ownerId)}. Its owner's access decides what it can deliver.`,
      ),
    },
    {
      type: 'input',
      block_id: BlockIds.transferOwnerInput,
      label: plain('New owner'),
      hint: plain('Their Omni account is found by the email on their Slack profile.'),
      element: { type: 'users_select', action_id: ActionIds.transferOwnerSelect, placeholder: plain('Pick a person') },
    },
  );
  return {
    type: 'modal',
    callback_id: CallbackIds.transferOwnershipView,
    private_metadata: input.scheduleId,
    title: plain('Transfer ownership'),
    submit: plain('Transfer'),
    close: plain('Cancel'),
    blocks,
  };
}

/** A modal with one message and a Close button (working, done, or refused). */
export function buildTransferMessage(text: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackIds.transferOwnershipView,
    title: plain('Transfer ownership'),
    close: plain('Close'),
    blocks: [{ type: 'section', text: mrkdwn(truncate(text, 2900)) }],
  };
}
