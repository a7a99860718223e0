// The schedule card's buttons (Run now, Pause, Resume, Delete; Cancel on the delete prompt). They work
// wherever the card was posted and for anyone allowed; the card then shows the new state in place.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { errorMessage } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { actOnSchedule } from '../../schedule-actions/act.js';
import type { ScheduleOp } from '../../schedule-actions/operate.js';
import { originOfAction, shownMessageOf } from '../../schedule-actions/origin.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Run now, Pause, Resume or Delete (behind Slack's confirm dialog) on the schedule the button names. */
export function onScheduleButton(op: ScheduleOp, options: { force?: boolean } = {}) {
  return async (args: ButtonArgs) => {
    const { ack, body, action, respond } = args;
    await ack();
    await actOnSchedule({
      interaction: interactionOf(args),
      op,
      scheduleId: action.value ?? '',
      ...(options.force ? { force: true } : {}),
      origin: originOfAction(body, action.block_id),
      ...(body.response_url ? { respond } : {}),
      ...withShown(body),
    });
  };
}

/** The clicked message, for the interim line while Omni answers (see actOnSchedule). */
function withShown(body: ButtonArgs['body']) {
  const shown = shownMessageOf(body);
  return shown ? { shown } : {};
}

/** Cancel on `/schedule delete`'s prompt: nothing changes in Omni; the prompt says so. */
export async function onCancelDelete({ ack, respond, logger }: ButtonArgs): Promise<void> {
  await ack();
  try {
    await respond({ replace_original: true, text: 'Not deleted: the schedule is unchanged.' });
  } catch (error) {
    logger.warn(`Could not replace the delete prompt: ${errorMessage(error)}`);
  }
}
