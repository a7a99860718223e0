// Closing the Recipients modal: when someone was removed in it and it was opened from a card in a channel,
// that card is redrawn, so that its recipient count is right again.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction } from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { loadCardForViewer } from '../../schedule-actions/display.js';
import { recipientsMetadata } from '../../ui/recipients-modal.js';

export async function onRecipientsClosed(args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewClosedAction>) {
  await args.ack();
  const meta = recipientsMetadata(args.view);
  if (!meta?.changed || !meta.card) return;
  try {
    const { card } = await loadCardForViewer(interactionOf(args), meta.scheduleId);
    await args.client.chat.update({
      channel: meta.card.channel,
      ts: meta.card.ts,
      text: card.text,
      blocks: card.blocks,
    });
  } catch (error) {
    logFailure(args.logger, 'redrawing a card after its recipients changed', error);
  }
}
