// Submitting the schedule form: checked before the ack, then saved in Omni (src/slack/schedule-form/submit.ts).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { type SubmissionAck, submitScheduleForm } from '../../schedule-form/submit.js';
import { buildScheduleFormError } from '../../ui/schedule-form.js';
import { decodeFormMetadata } from '../../ui/schedule-form-metadata.js';
import type { ViewStateValues } from '../../ui/schedule-form-state.js';

export function scheduleFormSubmitCallback() {
  return async (args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { ack, view, logger } = args;
    let acked = false;
    const once: SubmissionAck = async (response) => {
      acked = true;
      await ack(response as Parameters<typeof ack>[0]);
    };
    try {
      await submitScheduleForm({
        interaction: interactionOf(args),
        view: {
          id: view.id,
          hash: view.hash,
          private_metadata: view.private_metadata,
          state: view.state as unknown as { values: ViewStateValues },
          blocks: view.blocks as never,
        },
        ack: once,
      });
    } catch (error) {
      logFailure(logger, 'submitting the schedule form', error);
      if (!acked) {
        const view = buildScheduleFormError(
          decodeFormMetadata(args.body.view.private_metadata),
          userMessageForError(error),
        );
        await ack({ response_action: 'update', view }).catch((e: unknown) =>
          logFailure(logger, 'acking a failed submission', e),
        );
      }
    }
  };
}
