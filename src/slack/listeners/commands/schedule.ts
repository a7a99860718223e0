import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { enqueueScheduleCommand } from '../../commands/command-job.js';
import { dispatchScheduleCommand } from '../../commands/dispatch.js';
import { interactionOf } from '../../interaction.js';

/**
 * `/schedule …`: recorded as a job, then acked (Slack allows 3 s); the job answers through the response_url,
 * on this replica or, if it dies, another (src/slack/commands/command-job.ts). Not recorded: run here.
 */
export async function onScheduleCommand(args: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> {
  const interaction = interactionOf(args);
  const recorded = await enqueueScheduleCommand(interaction, args.command);
  await args.ack();
  if (!recorded) await dispatchScheduleCommand({ text: args.command.text, interaction, respond: args.respond });
}
