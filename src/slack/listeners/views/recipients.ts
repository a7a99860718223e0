// Closing the Recipients modal: when someone was removed in it and it was opened from a card in a channel,
// that card is redrawn, so that its recipient count is right again.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction } from '@slack/bolt';
import { loadScheduleView } from '../../../schedules/schedule-lookup.js';
import type { AppDeps } from '../../deps.js';
import { logFailure } from '../../errors.js';
import { cardOptions, displayFor } from '../../schedule-actions/display.js';
import { scopeFromContext } from '../../scope.js';
import { recipientsMetadata } from '../../ui/recipients-modal.js';
import { buildScheduleCard } from '../../ui/schedule-card.js';

export function recipientsClosedCallback(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
    logger,
    context,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewClosedAction>) => {
    await ack();
    const meta = recipientsMetadata(view);
    if (!meta?.changed || !meta.card) return;
    try {
      const scope = scopeFromContext(context);
      const omni = await deps.omniFor(scope);
      const [schedule, display] = await Promise.all([
        loadScheduleView(omni, meta.scheduleId),
        displayFor(deps, client, scope, body.user.id),
      ]);
      const card = buildScheduleCard(schedule, cardOptions(display, schedule));
      await client.chat.update({ channel: meta.card.channel, ts: meta.card.ts, text: card.text, blocks: card.blocks });
    } catch (error) {
      logFailure(logger, 'redrawing a card after its recipients changed', error);
    }
  };
}
