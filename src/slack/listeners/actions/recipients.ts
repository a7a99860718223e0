// The recipients buttons: Subscribe / Unsubscribe (cards and answers), Recipients (opens the modal that
// lists who receives a schedule) and Remove (in that modal, then the modal shows the new list).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { BlockIds } from '../../../ids.js';
import { removeFromSchedule } from '../../../recipients/index.js';
import { workspaceKey } from '../../../store/index.js';
import { escapeSlackText } from '../../../text/slack-escape.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { openLoadingModal } from '../../modals.js';
import { recipientsContextFor } from '../../recipient-actions/context.js';
import { loadRecipientsView } from '../../recipient-actions/recipients-view.js';
import { type SubscribeOp, subscribeSelf } from '../../recipient-actions/subscribe.js';

import {
  type RecipientsMetadata,
  recipientsLoadingView,
  recipientsMessageView,
  recipientsMetadata,
} from '../../ui/recipients-modal.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Subscribe / Unsubscribe: adds or removes the clicker's own email. */
export function subscribeButton(op: SubscribeOp) {
  return async (args: ButtonArgs) => {
    const { ack, body, action, client, logger } = args;
    await ack();
    const interaction = interactionOf(args);
    const { deps, scope } = interaction;
    try {
      await interaction.requireAccess('member');
      const scheduleId = action.value ?? '';
      await tellClicker(args, await subscribeSelf({ deps, client, scope, userId: body.user.id, scheduleId, op }));
    } catch (error) {
      logFailure(logger, `${op} button`, error);
      await tellClicker(args, `:warning: ${userMessageForError(error)}`);
    }
  };
}

/** Recipients: the modal listing who receives the schedule. */
export async function showRecipientsButton(args: ButtonArgs): Promise<void> {
  const { ack, body, action, client, logger } = args;
  await ack();
  const interaction = interactionOf(args);
  const { deps, scope } = interaction;
  const scheduleId = action.value ?? '';
  const metadata = cardOf(body, action.block_id);
  let viewId: string | undefined;
  try {
    // Open at once (the trigger expires in 3 s); from a card shown in a modal, stack on it.
    viewId = await openLoadingModal(interaction, recipientsLoadingView(scheduleId, metadata), {
      push: body.view?.type === 'modal',
    });
    await interaction.requireAccess('member');
    const view = await loadRecipientsView({ deps, client, scope, scheduleId, metadata });
    if (viewId) await client.views.update({ view_id: viewId, view });
  } catch (error) {
    logFailure(logger, 'recipients view', error);
    if (viewId) {
      const view = recipientsMessageView(scheduleId, `:warning: ${userMessageForError(error)}`, metadata);
      await client.views
        .update({ view_id: viewId, view })
        .catch((e: unknown) => logFailure(logger, 'recipients view', e));
    }
  }
}

/** Remove (in the Recipients modal): removes that email, then the modal shows the new list. */
export async function removeRecipientButton(args: ButtonArgs): Promise<void> {
  const { ack, body, action, client, logger } = args;
  await ack();
  const interaction = interactionOf(args);
  const { deps, scope } = interaction;
  const meta = recipientsMetadata(body.view);
  const viewId = body.view?.id;
  if (!meta || !viewId) {
    logger.warn('remove recipient: the button is not in a Recipients modal');
    return;
  }
  const email = action.value ?? '';
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail: string) =>
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: body.user.id,
      action: 'remove_recipients',
      schedule: meta.scheduleId,
      outcome,
      detail,
    });
  let notice: string;
  let changed = meta.changed === true;
  try {
    await interaction.requireAccess('member');
    const rc = await recipientsContextFor({ deps, client, scope });
    const outcome = await removeFromSchedule(rc, meta.scheduleId, [{ kind: 'email', email }]);
    const shown = escapeSlackText(email);
    if (!outcome.ok) notice = ':information_source: This schedule no longer delivers by email; nothing was removed.';
    else if (outcome.removed.length > 0) {
      notice = `:white_check_mark: Removed ${shown}.`;
      changed = true;
    } else if (outcome.failed.length > 0)
      notice = `:warning: Omni did not remove ${shown}: ${escapeSlackText(outcome.failed[0]?.detail ?? '')}`;
    else notice = `:information_source: ${shown} was no longer a recipient.`;
    audit(outcome.ok && outcome.failed.length === 0 ? 'ok' : 'failed', notice.slice(0, 300));
  } catch (error) {
    logFailure(logger, 'remove recipient', error);
    notice = `:warning: ${userMessageForError(error)}`;
    audit('failed', notice.slice(0, 300));
  }
  const metadata = { ...(meta.card ? { card: meta.card } : {}), ...(changed ? { changed } : {}) };
  try {
    const view = await loadRecipientsView({ deps, client, scope, scheduleId: meta.scheduleId, notice, metadata });
    await client.views.update({ view_id: viewId, view });
  } catch (error) {
    logFailure(logger, 'recipients view', error);
    const text = `${notice}\n:warning: ${userMessageForError(error)}`;
    const view = recipientsMessageView(meta.scheduleId, text, metadata);
    await client.views
      .update({ view_id: viewId, view })
      .catch((e: unknown) => logFailure(logger, 'recipients view', e));
  }
}

/** The in-channel card the button was on (ephemeral cards and modals cannot be redrawn later). */
function cardOf(body: BlockButtonAction, blockId: string): Omit<RecipientsMetadata, 'scheduleId'> {
  const container = body.container as {
    type?: string;
    channel_id?: string;
    message_ts?: string;
    is_ephemeral?: boolean;
  };
  // Cards drawn before the recipients row existed had the Recipients button in the card's own row.
  const onCard = blockId === BlockIds.scheduleCardRecipients || blockId === BlockIds.scheduleCardActions;
  if (!onCard || container?.type !== 'message' || container.is_ephemeral) return {};
  if (!container.channel_id || !container.message_ts) return {};
  return { card: { channel: container.channel_id, ts: container.message_ts } };
}
