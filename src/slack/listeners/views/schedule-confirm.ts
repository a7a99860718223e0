// Submitting the confirm modal opened from a row's "Run now…" or "Delete…": the modal closes at once,
// then the action runs and the row's list page or App Home is redrawn, as for a card's button.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { actOnSchedule } from '../../schedule-actions/act.js';
import { decodeConfirmMetadata } from '../../schedule-actions/confirm-origin.js';
import { respondTo } from '../../schedule-actions/origin.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export function onScheduleConfirm(op: 'run' | 'delete') {
  return async (args: SubmitArgs) => {
    const { ack, view, logger } = args;
    await ack();
    const interaction = interactionOf(args);
    const meta = decodeConfirmMetadata(view.private_metadata);
    if (!meta) {
      logger.warn(`${view.callback_id}: private_metadata is not a schedule confirmation; ignored`);
      return;
    }
    let respond: ReturnType<typeof respondTo> | undefined;
    if (meta.replyKey) {
      const url = await interaction.deps.store
        .cache('response-urls')
        .get<string>(meta.replyKey)
        .catch((error: unknown) => {
          logFailure(logger, 'reading the list message’s response_url', error);
          return undefined;
        });
      if (url) respond = respondTo(url);
    }
    await actOnSchedule({
      interaction,
      op,
      scheduleId: meta.scheduleId,
      origin: meta.origin,
      ...(respond ? { respond } : {}),
    });
  };
}
