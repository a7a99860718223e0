// Help's buttons that stand for a subcommand ("List schedules" → `/schedule list`): the same dispatcher as the
// typed command, with this click's request, so the same checks (guests, admins, connection) apply.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { dispatchScheduleCommand } from '../../commands/dispatch.js';
import { interactionOf } from '../../interaction.js';

export async function onSubcommandButton(
  args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>,
): Promise<void> {
  const { ack, action, respond } = args;
  await ack();
  await dispatchScheduleCommand({
    text: action.value ?? 'help',
    interaction: interactionOf(args),
    // Answers below help's message, which stays.
    respond: (message) => respond(typeof message === 'string' ? message : { replace_original: false, ...message }),
  });
}

/**
 * A schedule picked where a name matched several: the same subcommand again (value: `pause <id>`…),
 * through the dispatcher so the same checks apply; its first answer takes the picker's place.
 */
export async function onPickScheduleButton(
  args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>,
): Promise<void> {
  const { ack, action, respond } = args;
  await ack();
  let first = true;
  await dispatchScheduleCommand({
    text: action.value ?? 'help',
    interaction: interactionOf(args),
    respond: (message) => {
      const body = typeof message === 'string' ? { text: message } : message;
      const replace = first;
      first = false;
      return respond({ replace_original: replace, ...body });
    },
  });
}
