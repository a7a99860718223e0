// Closing the card's modal (opened with "Show card" from App Home) redraws App Home, so that whatever
// was done in the modal (paused, ran, deleted) shows there too.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction } from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { publishHome } from '../../schedule-actions/home.js';

export async function onScheduleCardClosed(
  args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewClosedAction>,
): Promise<void> {
  await args.ack();
  if (args.view.private_metadata !== 'home') return;
  try {
    await publishHome({ interaction: interactionOf(args) });
  } catch (error) {
    logFailure(args.logger, 'App Home after closing a card', error);
  }
}
