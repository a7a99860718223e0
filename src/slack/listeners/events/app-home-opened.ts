// App Home: published each time the user opens the Home tab (Slack sends the same event for the
// Messages tab, which is left alone).
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { logFailure } from '../../errors.js';
import { publishHome } from '../../schedules/home.js';
import { scopeFromContext } from '../../scope.js';

export function appHomeOpenedCallback(deps: AppDeps) {
  return async ({
    event,
    client,
    logger,
    context,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome({ deps, client, scope: scopeFromContext(context), userId: event.user, logger });
    } catch (error) {
      logFailure(logger, 'App Home', error);
    }
  };
}

export function registerAppHomeOpened(app: App, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpenedCallback(deps));
}
