import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { Commands } from '../../../ids.js';
import { dispatchScheduleCommand } from '../../commands/dispatch.js';
import type { AppDeps } from '../../deps.js';
import { scopeFromContext } from '../../scope.js';

/** `/schedule …`: acks at once (Slack allows 3 s), then answers through the response_url. */
export function scheduleCommandCallback(deps: AppDeps) {
  return async ({ command, ack, respond, client, logger, context }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    await dispatchScheduleCommand({
      text: command.text,
      command,
      client,
      respond,
      logger,
      scope: scopeFromContext(context),
      deps,
    });
  };
}

export function registerScheduleCommand(app: App, deps: AppDeps): void {
  app.command(Commands.schedule, scheduleCommandCallback(deps));
}
