import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { dispatchScheduleCommand } from '../../commands/dispatch.js';
import { interactionOf } from '../../interaction.js';

/** `/schedule …`: acks at once (Slack allows 3 s), then answers through the response_url. */
export async function onScheduleCommand(args: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> {
  await args.ack();
  await dispatchScheduleCommand({ text: args.command.text, interaction: interactionOf(args), respond: args.respond });
}
