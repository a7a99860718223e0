// App Home's failure-alerts controls: the channel picker turns alerts on there, Turn off stops them. Both go
// through changeAlertsFromHome, which checks that the clicker is an admin (a member's Home shows no controls,
// but a click can be forged) and publishes Home again with what happened.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  ConversationsSelectAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { changeAlertsFromHome } from '../../schedule-actions/home.js';

type PickArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ConversationsSelectAction>>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

export async function onHomeAlertsChannel(args: PickArgs): Promise<void> {
  await args.ack();
  try {
    await changeAlertsFromHome(interactionOf(args), { on: args.action.selected_conversation });
  } catch (error) {
    logFailure(args.logger, 'App Home alerts', error);
  }
}

export async function onHomeAlertsOff(args: ButtonArgs): Promise<void> {
  await args.ack();
  try {
    await changeAlertsFromHome(interactionOf(args), { off: true });
  } catch (error) {
    logFailure(args.logger, 'App Home alerts', error);
  }
}
