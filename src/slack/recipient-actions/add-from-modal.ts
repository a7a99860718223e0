// The Recipients modal's Add: people, channels, user groups and typed addresses become the same inputs as
// `/schedule add` (pickedInputs), and go through the same change path: a few people at once, a channel's
// or group's people (or many people) as a job. Typed entries that are not addresses go back onto their
// field before the ack, so nothing picked is lost; then the modal says "Adding…" and, when the change is
// done, shows the new list with the change's summary (added, already there, skipped and why).
import { BlockIds } from '../../ids.js';
import { pickedInputs, type Skipped } from '../../recipients/index.js';
import { logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { type RecipientsMetadata, recipientsMessageView, recipientsMetadata } from '../ui/recipients-modal.js';
import type { ViewStateValues } from '../ui/schedule-form-state.js';
import { changeNowAudited, runsAsJob } from './change.js';
import { enqueueRecipientChange } from './change-enqueue.js';
import type { RecipientChangeSpec } from './change-spec.js';
import { loadRecipientsView, redrawRecipientsModal } from './recipients-view.js';

export type AddAck = (
  response?:
    | { response_action: 'errors'; errors: Record<string, string> }
    | { response_action: 'update'; view: ReturnType<typeof recipientsMessageView> },
) => Promise<void>;

export interface AddRequest {
  interaction: Interaction;
  view: { id: string; private_metadata?: string; state?: { values: ViewStateValues } };
  ack: AddAck;
}

/** What the add section holds, read from the view's state. */
export function addSectionPicks(values: ViewStateValues) {
  const first = (blockId: string) => Object.values(values[blockId] ?? {})[0];
  return {
    userIds: first(BlockIds.recipientsAddPeople)?.selected_users ?? [],
    conversationIds: first(BlockIds.recipientsAddChannels)?.selected_conversations ?? [],
    usergroupIds: (first(BlockIds.recipientsAddGroups)?.selected_options ?? []).flatMap((o) =>
      o.value ? [o.value] : [],
    ),
    text: first(BlockIds.recipientsAddAddresses)?.value ?? '',
  };
}

/** Field errors are plain text: the resolver's reasons lose their backticks. */
function invalidLine(skip: Skipped): string {
  const who = skip.who.kind === 'text' ? skip.who.text : skip.who.kind === 'email' ? skip.who.email : skip.who.id;
  return `${who} ${skip.reason.replace(/`/g, '')}.`;
}

export async function addFromRecipientsModal(request: AddRequest): Promise<void> {
  const { interaction, view, ack } = request;
  const meta = recipientsMetadata(view);
  if (!meta) {
    interaction.logger.warn('recipients add: the submission is not from a Recipients modal');
    await ack();
    return;
  }
  const { inputs, invalid } = pickedInputs(addSectionPicks(view.state?.values ?? {}));
  if (invalid.length > 0) {
    const lines = invalid.slice(0, 5).map(invalidLine);
    if (invalid.length > 5) lines.push(`…and ${invalid.length - 5} more.`);
    await ack({ response_action: 'errors', errors: { [BlockIds.recipientsAddAddresses]: lines.join(' ') } });
    return;
  }
  if (inputs.length === 0) {
    await ack({
      response_action: 'errors',
      errors: { [BlockIds.recipientsAddPeople]: 'Choose people, channels or user groups, or type an address.' },
    });
    return;
  }
  const { scheduleId } = meta;
  const metadata: Omit<RecipientsMetadata, 'scheduleId'> = {
    ...(meta.card ? { card: meta.card } : {}),
    ...(meta.changed ? { changed: true } : {}),
  };
  const spec: RecipientChangeSpec = { op: 'add', scheduleId, inputs, invalid: [] };
  const asJob = runsAsJob(spec);
  await ack({
    response_action: 'update',
    view: recipientsMessageView(
      scheduleId,
      asJob
        ? ':hourglass_flowing_sand: Looking up the people of the channels and groups you chose, then adding them… This window shows the new list and who was skipped when it is done; the progress is in your messages with the app.'
        : ':hourglass_flowing_sand: Adding them in Omni…',
      metadata,
    ),
  });
  const { deps, client, scope, userId, logger } = interaction;
  const show = (text: string) =>
    client.views.update({ view_id: view.id, view: recipientsMessageView(scheduleId, text, metadata) });
  try {
    await interaction.requireAccess('member');
    if (asJob) {
      // The job redraws this modal when it ends. When it joins a change already under way, that job does not
      // know this modal: its answer is shown here instead.
      let answer = '';
      const respond = async (message: { text: string }) => {
        answer = message.text;
      };
      const { outcome } = await enqueueRecipientChange({ deps, client, scope, userId, respond }, spec, {
        id: view.id,
        metadata,
      });
      if (outcome === 'joined') await show(answer);
      return;
    }
    const result = await changeNowAudited({ deps, client, scope, userId, spec });
    await redrawRecipientsModal(deps, client, scope, scheduleId, { id: view.id, metadata }, result);
  } catch (error) {
    logFailure(logger, 'recipients add', error);
    const notice = `:warning: ${userMessageForError(error)} Nothing was added.`;
    try {
      await client.views.update({
        view_id: view.id,
        view: await loadRecipientsView({ deps, client, scope, scheduleId, notice, metadata }),
      });
    } catch {
      await show(notice).catch((e: unknown) => logFailure(logger, 'recipients view', e));
    }
  }
}
