// How a button's listener answers only the person who clicked (a refusal, a failure, a result): wherever the
// button was, through noteToUser.
import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  BlockStaticSelectAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { noteToUser, originOfAction } from '../../schedule-actions/origin.js';
import type { SlackMessage } from '../../ui/schedule-card.js';

type ButtonArgs = AllMiddlewareArgs &
  (SlackActionMiddlewareArgs<BlockButtonAction> | SlackActionMiddlewareArgs<BlockStaticSelectAction>);

export async function tellClicker(args: ButtonArgs, message: string | SlackMessage): Promise<void> {
  const { body, client, logger, respond, action } = args;
  const replier = { client, logger, userId: body.user.id, ...(body.response_url ? { respond } : {}) };
  await noteToUser(replier, originOfAction(body, action.block_id), message);
}
