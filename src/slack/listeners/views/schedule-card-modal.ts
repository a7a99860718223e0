// Closing the card's modal (opened with "Show card" from App Home) redraws App Home, so that whatever
// was done in the modal (paused, ran, deleted) shows there too.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewClosedAction } from '@slack/bolt';
import { CallbackIds } from '../../../ids.js';
import type { AppDeps } from '../../deps.js';
import { logFailure } from '../../errors.js';
import { publishHome } from '../../schedules/home.js';
import { scopeFromContext } from '../../scope.js';

export function scheduleCardClosedCallback(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
    logger,
    context,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewClosedAction>) => {
    await ack();
    if (view.private_metadata !== 'home') return;
    try {
      await publishHome({ deps, client, scope: scopeFromContext(context), userId: body.user.id, logger });
    } catch (error) {
      logFailure(logger, 'App Home after closing a card', error);
    }
  };
}

export function registerScheduleCardModal(app: App, deps: AppDeps): void {
  app.view<ViewClosedAction>(
    { callback_id: CallbackIds.scheduleCardView, type: 'view_closed' },
    scheduleCardClosedCallback(deps),
  );
}
