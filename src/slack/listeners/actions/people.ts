// The departure message's buttons (Remove from all, Remove from one schedule) and the card's Unfollow.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { parsePersonValue, removeFromAll, removeFromOne } from '../../people/buttons.js';
import { unfollowSchedule } from '../../people/follow.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

function guarded(what: string, work: (args: ButtonArgs) => Promise<void>) {
  return async (args: ButtonArgs) => {
    await args.ack();
    try {
      await work(args);
    } catch (error) {
      logFailure(args.logger, what, error);
      await tellClicker(args, `:warning: ${userMessageForError(error)}`);
    }
  };
}

export const onRemoveFromAll = guarded('remove from all button', (args) =>
  removeFromAll(interactionOf(args), parsePersonValue(args.action.value).e, args.respond),
);

export const onRemoveFromOne = guarded('remove from one button', (args) =>
  removeFromOne(interactionOf(args), parsePersonValue(args.action.value), args.respond),
);

export const onUnfollow = guarded('unfollow button', async (args) => {
  await tellClicker(args, await unfollowSchedule(interactionOf(args), args.action.value ?? ''));
});
