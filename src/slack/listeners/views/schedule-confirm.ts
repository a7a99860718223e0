// Submitting the confirm modal opened from a row's "Run now…" or "Delete…": the modal closes at once,
// then the action runs and the row's list page or App Home is redrawn, as for a card's button.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { CallbackIds } from '../../../ids.js';
import type { AppDeps } from '../../deps.js';
import { logFailure } from '../../errors.js';
import { actOnSchedule } from '../../schedules/act.js';
import { decodeConfirmMetadata } from '../../schedules/confirm-origin.js';
import { respondTo } from '../../schedules/origin.js';
import { scopeFromContext } from '../../scope.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export function scheduleConfirmCallback(deps: AppDeps, op: 'run' | 'delete') {
  return async ({ ack, body, view, client, logger, context }: SubmitArgs) => {
    await ack();
    const meta = decodeConfirmMetadata(view.private_metadata);
    if (!meta) {
      logger.warn(`${view.callback_id}: private_metadata is not a schedule confirmation; ignored`);
      return;
    }
    let respond: ((message: Parameters<ReturnType<typeof respondTo>>[0]) => Promise<void>) | undefined;
    if (meta.replyKey) {
      const url = await deps.store
        .cache('response-urls')
        .get<string>(meta.replyKey)
        .catch((error: unknown) => {
          logFailure(logger, 'reading the list message’s response_url', error);
          return undefined;
        });
      if (url) respond = respondTo(url);
    }
    await actOnSchedule({
      deps,
      client,
      logger,
      scope: scopeFromContext(context),
      userId: body.user.id,
      op,
      scheduleId: meta.scheduleId,
      origin: meta.origin,
      ...(respond ? { respond } : {}),
    });
  };
}

export function registerScheduleConfirmViews(app: App, deps: AppDeps): void {
  app.view<ViewSubmitAction>(CallbackIds.confirmRunView, scheduleConfirmCallback(deps, 'run'));
  app.view<ViewSubmitAction>(CallbackIds.confirmDeleteView, scheduleConfirmCallback(deps, 'delete'));
}
