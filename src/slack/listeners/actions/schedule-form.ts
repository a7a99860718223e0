// The schedule form's buttons and inputs: "Create schedule" (help, App Home), Edit and Duplicate (cards),
// and every input of the form that changes its shape (re-rendered with views.update).
import type { AllMiddlewareArgs, App, BlockAction, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ActionIds, CallbackIds } from '../../../ids.js';
import { openScheduleForm } from '../../authoring/open-form.js';
import { rerenderScheduleForm } from '../../authoring/rerender.js';
import type { AppDeps } from '../../deps.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { scopeFromContext } from '../../scope.js';
import type { FormMode } from '../../ui/schedule-form-metadata.js';
import type { ViewStateValues } from '../../ui/schedule-modal-state.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;
type FormActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** Every action id of the form's inputs starts with this (ids.ts, `form…`). */
const FORM_ACTION = /^schedule_form_/;

export function openFormButtonCallback(deps: AppDeps, mode: FormMode) {
  return async (args: ButtonArgs) => {
    const { ack, body, action, client, logger, context } = args;
    await ack();
    const channelId = body.channel?.id;
    try {
      await openScheduleForm({
        deps,
        client,
        logger,
        scope: scopeFromContext(context),
        userId: body.user.id,
        triggerId: body.trigger_id,
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

export function scheduleFormActionCallback(deps: AppDeps) {
  return async ({ ack, body, client, logger, context }: FormActionArgs) => {
    await ack();
    const view = body.view;
    if (view?.type !== 'modal' || view.callback_id !== CallbackIds.scheduleFormView) return;
    await rerenderScheduleForm({
      deps,
      client,
      logger,
      scope: scopeFromContext(context),
      view: {
        id: view.id,
        hash: view.hash,
        private_metadata: view.private_metadata,
        state: view.state as unknown as { values: ViewStateValues },
      },
    });
  };
}

export function registerScheduleFormActions(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ActionIds.openCreateButton, openFormButtonCallback(deps, 'create'));
  app.action<BlockButtonAction>(ActionIds.editScheduleButton, openFormButtonCallback(deps, 'edit'));
  app.action<BlockButtonAction>(ActionIds.duplicateScheduleButton, openFormButtonCallback(deps, 'duplicate'));
  app.action<BlockAction>({ type: 'block_actions', action_id: FORM_ACTION }, scheduleFormActionCallback(deps));
}
