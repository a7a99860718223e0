// App Home: published each time the user opens the Home tab (Slack sends the same event for the
// Messages tab, which is left alone).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { publishHome } from '../../schedule-actions/home.js';

export async function onAppHomeOpened(args: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) {
  if (args.event.tab !== 'home') return;
  try {
    await publishHome({ interaction: interactionOf(args) });
  } catch (error) {
    logFailure(args.logger, 'App Home', error);
  }
}
