// The schedule form's buttons and inputs: "Create schedule" (help, App Home), Edit and Duplicate (cards),
// and every input of the form that changes its shape (re-rendered with views.update).
import type { AllMiddlewareArgs, BlockAction, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { CallbackIds } from '../../../ids.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { openScheduleForm } from '../../schedule-form/open-form.js';
import { rerenderScheduleForm } from '../../schedule-form/rerender.js';
import type { FormMode } from '../../ui/schedule-form-metadata.js';
import type { ViewStateValues } from '../../ui/schedule-form-state.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;
type FormActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** Every action id of the form's inputs starts with this (ids.ts, `form…`). */
export const FORM_ACTION = /^schedule_form_/;

/** Create schedule (help, App Home), Edit and Duplicate (cards): the form, for the schedule the button names. */
export function onOpenFormButton(mode: FormMode) {
  return async (args: ButtonArgs) => {
    const { ack, body, action, logger } = args;
    await ack();
    const channelId = body.channel?.id;
    try {
      await openScheduleForm({
        interaction: interactionOf(args),
        mode,
        ...(mode !== 'create' && action.value ? { scheduleId: action.value } : {}),
        ...(channelId && !channelId.startsWith('D') ? { channelId } : {}),
        fromModal: body.view?.type === 'modal',
      });
    } catch (error) {
      // Only views.open can fail here (everything after it is shown in the modal), e.g. an expired trigger.
      logFailure(logger, `opening the ${mode} form from a button`, error);
      await tellClicker(args, `:warning: The form could not be opened. ${userMessageForError(error)}`);
    }
  };
}

/** An input of the form that changes its shape: the form is drawn again from its state. */
export async function onScheduleFormInput(args: FormActionArgs): Promise<void> {
  await args.ack();
  const view = args.body.view;
  if (view?.type !== 'modal' || view.callback_id !== CallbackIds.scheduleFormView) return;
  const { deps, client, logger, scope } = interactionOf(args);
  await rerenderScheduleForm({
    deps,
    client,
    logger,
    scope,
    view: {
      id: view.id,
      hash: view.hash,
      private_metadata: view.private_metadata,
      state: view.state as unknown as { values: ViewStateValues },
    },
  });
}
