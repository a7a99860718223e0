// The card's Transfer ownership button: opens the modal for the schedule it names.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { interactionOf } from '../../interaction.js';
import { openTransferOwnership } from '../../schedule-actions/transfer.js';

export async function onTransferOwnership(
  args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>,
): Promise<void> {
  await args.ack();
  await openTransferOwnership(interactionOf(args), args.action.value ?? '');
}
