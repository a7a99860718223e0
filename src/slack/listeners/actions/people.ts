// The departure message's buttons (Remove from all, Remove from one schedule) and the card's Unfollow.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  ConversationsSelectAction,
  SlackActionMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { askTransferOwner, parsePersonValue, removeFromAll, removeFromOne, transferTo } from '../../people/buttons.js';
import { followSchedule, unfollowSchedule } from '../../people/follow.js';
import { followScheduleOf } from '../../ui/follow-label.js';
import { transferEmailOf } from '../../ui/transfer-owner.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>>;
type ChannelArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ConversationsSelectAction>>;

function guarded<A extends ButtonArgs | SelectArgs | ChannelArgs>(what: string, work: (args: A) => Promise<void>) {
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

/** The card's Follow picker: the schedule follows the chosen channel (members added now, reported like `add`). */
export const onFollowPicked = guarded<ChannelArgs>('follow picker', async (args) => {
  const scheduleId = followScheduleOf(args.action.block_id);
  const channel = args.action.selected_conversation;
  if (!scheduleId || !channel) return;
  const text = await followSchedule(interactionOf(args), scheduleId, { kind: 'channel', id: channel });
  await tellClicker(args as unknown as ButtonArgs, text);
});
