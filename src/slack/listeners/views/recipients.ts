// The Recipients modal: Add (its submit), and closing it: when someone was added or removed in it and it was
// opened from a card in a channel, that card is redrawn, so that its recipient count is right again.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { type AddAck, addFromRecipientsModal } from '../../recipient-actions/add-from-modal.js';
import { loadCardForViewer } from '../../schedule-actions/display.js';
import { recipientsMetadata } from '../../ui/recipients-modal.js';
import type { ViewStateValues } from '../../ui/schedule-form-state.js';

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

/** Add (the modal's submit): checked before the ack, then the change (src/slack/recipient-actions/add-from-modal.ts). */
export async function onRecipientsAdd(args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) {
  const { ack, view, logger } = args;
  let acked = false;
  const once: AddAck = async (response) => {
    acked = true;
    await ack(response as Parameters<typeof ack>[0]);
  };
  try {
    await addFromRecipientsModal({
      interaction: interactionOf(args),
      view: {
        id: view.id,
        private_metadata: view.private_metadata,
        state: view.state as unknown as { values: ViewStateValues },
      },
      ack: once,
    });
  } catch (error) {
    logFailure(logger, 'adding recipients from the modal', error);
    if (!acked) await ack().catch((e: unknown) => logFailure(logger, 'acking a failed submission', e));
  }
}
