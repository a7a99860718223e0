// Help's buttons that stand for a subcommand ("List schedules" → `/schedule list`): run it as if typed,
// through the same dispatcher, so the same checks (guests, admins, connection) apply.
import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs, SlashCommand } from '@slack/bolt';
import { ActionIds, Commands } from '../../../ids.js';
import { dispatchScheduleCommand } from '../../commands/dispatch.js';
import type { AppDeps } from '../../deps.js';
import { scopeFromContext } from '../../scope.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** The slash-command payload the click stands for (a subcommand reads user, channel, trigger and response URL). */
export function commandFromButton(body: BlockButtonAction, text: string): SlashCommand {
  return {
    token: '',
    command: Commands.schedule,
    text,
    response_url: body.response_url ?? '',
    trigger_id: body.trigger_id,
    user_id: body.user.id,
    user_name: body.user.username ?? body.user.name ?? '',
    team_id: body.team?.id ?? body.user.team_id ?? '',
    team_domain: body.team?.domain ?? '',
    enterprise_id: body.enterprise?.id,
    is_enterprise_install: body.is_enterprise_install ? 'true' : 'false',
    channel_id: body.channel?.id ?? '',
    channel_name: body.channel?.name ?? '',
    api_app_id: body.api_app_id,
  };
}

export function runSubcommandButtonCallback(deps: AppDeps) {
  return async ({ ack, body, action, client, respond, logger, context }: ButtonArgs) => {
    await ack();
    const text = action.value ?? 'help';
    await dispatchScheduleCommand({
      text,
      command: commandFromButton(body, text),
      client,
      respond: (message) => respond(typeof message === 'string' ? message : { replace_original: false, ...message }),
      logger,
      scope: scopeFromContext(context),
      deps,
    });
  };
}

export function registerRunSubcommandAction(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(ActionIds.runSubcommandButton, runSubcommandButtonCallback(deps));
}
