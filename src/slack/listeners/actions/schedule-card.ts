// The schedule card's buttons (Run now, Pause, Resume, Delete; Cancel on the delete prompt). They work
// wherever the card was posted and for anyone allowed; the card then shows the new state in place.
import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ActionIds } from '../../../ids.js';
import type { AppDeps } from '../../deps.js';
import { actOnSchedule } from '../../schedules/act.js';
import type { ScheduleOp } from '../../schedules/operate.js';
import { originOfAction } from '../../schedules/origin.js';
import { scopeFromContext } from '../../scope.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

export function scheduleButtonCallback(deps: AppDeps, op: ScheduleOp) {
  return async ({ ack, body, action, client, respond, logger, context }: ButtonArgs) => {
    await ack();
    await actOnSchedule({
      deps,
      client,
      logger,
      scope: scopeFromContext(context),
      userId: body.user.id,
      op,
      scheduleId: action.value ?? '',
      origin: originOfAction(body, action.block_id),
      ...(body.response_url ? { respond } : {}),
    });
  };
}

/** Cancel on `/schedule delete`'s prompt: nothing changes in Omni; the prompt says so. */
export function cancelDeleteCallback() {
  return async ({ ack, respond, logger }: ButtonArgs) => {
    await ack();
    try {
      await respond({ replace_original: true, text: 'Not deleted: the schedule is unchanged.' });
    } catch (error) {
      logger.warn(`Could not replace the delete prompt: ${(error as Error).message}`);
    }
  };
}

export function registerScheduleCardActions(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ActionIds.runNowButton, scheduleButtonCallback(deps, 'run'));
  app.action<BlockButtonAction>(ActionIds.pauseScheduleButton, scheduleButtonCallback(deps, 'pause'));
  app.action<BlockButtonAction>(ActionIds.resumeScheduleButton, scheduleButtonCallback(deps, 'resume'));
  app.action<BlockButtonAction>(ActionIds.deleteScheduleButton, scheduleButtonCallback(deps, 'delete'));
  app.action<BlockButtonAction>(ActionIds.cancelDeleteButton, cancelDeleteCallback());
}
