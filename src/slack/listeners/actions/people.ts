// The departure message's buttons (Remove from all, Remove from one schedule) and the card's Unfollow.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { askTransferOwner, parsePersonValue, removeFromAll, removeFromOne, transferTo } from '../../people/buttons.js';
import { unfollowSchedule } from '../../people/follow.js';
import { transferEmailOf } from '../../ui/transfer-owner.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>;

function guarded<A extends ButtonArgs | SelectArgs>(what: string, work: (args: A) => Promise<void>) {
  return async (args: A) => {
    await args.ack();
    try {
      await work(args);
    } catch (error) {
      logFailure(args.logger, what, error);
      await tellClicker(args as unknown as ButtonArgs, `:warning: ${userMessageForError(error)}`);
    }
  };
}

export const onRemoveFromAll = guarded<ButtonArgs>('remove from all button', (args) =>
  removeFromAll(interactionOf(args), parsePersonValue(args.action.value).e, args.respond),
);

export const onRemoveFromOne = guarded<ButtonArgs>('remove from one button', (args) =>
  removeFromOne(interactionOf(args), parsePersonValue(args.action.value), args.respond),
);

export const onTransferOwnership = guarded<ButtonArgs>('transfer ownership button', (args) =>
  askTransferOwner(interactionOf(args), parsePersonValue(args.action.value).e, args.respond),
);

export const onTransferOwnerPicked = guarded<SelectArgs>('transfer owner picker', async (args) => {
  const email = transferEmailOf(args.action.block_id);
  if (!email || !args.action.selected_user) return;
  await transferTo(interactionOf(args), email, args.action.selected_user, args.respond);
});

export const onUnfollow = guarded<ButtonArgs>('unfollow button', async (args) => {
  await tellClicker(args, await unfollowSchedule(interactionOf(args), args.action.value ?? ''));
});
