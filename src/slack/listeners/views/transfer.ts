// The Transfer ownership modal's submission: a new owner must be picked; then the modal says "Transferring…"
// at once (Slack's 3 s) and is updated with what happened.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ActionIds, BlockIds } from '../../../ids.js';
import { interactionOf } from '../../interaction.js';
import { submitTransferOwnership } from '../../schedule-actions/transfer.js';
import { buildTransferMessage } from '../../ui/transfer-ownership.js';

export async function onTransferSubmit(args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) {
  const { ack, view } = args;
  const picked = view.state.values[BlockIds.transferOwnerInput]?.[ActionIds.transferOwnerSelect]?.selected_user;
  if (!picked) {
    await ack({ response_action: 'errors', errors: { [BlockIds.transferOwnerInput]: 'Pick the new owner.' } });
    return;
  }
  await ack({ response_action: 'update', view: buildTransferMessage(':hourglass_flowing_sand: Transferring…') });
  await submitTransferOwnership(interactionOf(args), view.id, view.private_metadata, picked);
}
