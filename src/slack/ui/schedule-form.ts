// The create / edit / duplicate schedule form, as a pure function of the draft and what is known
// about its dashboard. Inputs that change the form's shape dispatch block_actions; the listener
// reads the state back into a draft (schedule-form-state.ts) and re-renders with views.update.
import type { types } from '@slack/bolt';
import { ActionIds, BlockIds, CallbackIds } from '../../ids.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import type { DraftError, ScheduleDraft } from '../../schedules/draft.js';
import type { DraftHint } from '../../schedules/draft-hints.js';
import { errorsByField } from '../../schedules/draft-rules.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { truncate } from './format.js';
import { contentBlocks, filterBlocks, formatBlocks } from './schedule-form-content.js';
import { destinationBlocks } from './schedule-form-destination.js';
import { encodeFormMetadata, type FormMetadata, type FormMode } from './schedule-form-metadata.js';
import { metadataNotes, otherDestinationBlocks, withDraftHints } from './schedule-form-notes.js';
import {
  type Block,
  baseBlockId,
  blockIdForField,
  context,
  input,
  mrkdwn,
  option,
  plain,
  textInput,
  versioned,
} from './schedule-form-parts.js';
import { whenBlocks } from './schedule-form-when.js';

export interface ScheduleFormContext {
  metadata: FormMetadata;
  /** The chosen dashboard's filters and tiles, once read from Omni. */
  dashboard?: DashboardDetails;
  /** While they are being read, or why they could not be. */
  dashboardStatus?: 'loading' | { error: string };
  /** Shown under their fields; used once the submission was acked and Slack's own error display is gone. */
  errors?: readonly DraftError[];
  /** Shown above the form: Omni's answer when it names no field, or news such as "test sent". */
  notice?: string;
  /** Shown under their fields: what changed with another field (e.g. the format a destination does not take). */
  notes?: readonly DraftHint[];
  now: Date;
}

const TITLES: Readonly<Record<FormMode, string>> = {
  create: 'New schedule',
  edit: 'Edit schedule',
  duplicate: 'Duplicate schedule',
};
const SUBMITS: Readonly<Record<FormMode, string>> = { create: 'Create', edit: 'Save', duplicate: 'Create copy' };

export function buildScheduleForm(draft: ScheduleDraft, ctx: ScheduleFormContext): types.ModalView {
  const { metadata } = ctx;
  const blocks: Block[] = [];
  if (metadata.mode === 'duplicate')
    blocks.push(context('A copy: saving creates a new schedule; the original stays as it is.'));
  blocks.push(dashboardBlock(draft));
  if (ctx.dashboardStatus === 'loading')
    blocks.push(context(':hourglass_flowing_sand: Reading the dashboard’s filters and tiles…'));
  else if (ctx.dashboardStatus) blocks.push(context(`:warning: ${escapeSlackText(ctx.dashboardStatus.error)}`));
  blocks.push(
    input(
      versioned(BlockIds.formName, metadata.nameRev ?? 0),
      textInput(ActionIds.formNameInput, draft.name, { maxLength: 150 }),
      {
        label: 'Name',
        hint: 'Follows the dashboard and timing until you type your own.',
      },
    ),
    { type: 'header', text: plain('When', 150) },
    ...whenBlocks(draft, ctx.now),
    { type: 'header', text: plain('Where', 150) },
    ...destinationBlocks(draft, { passwordOnFile: metadata.passwordOnFile }),
    ...otherDestinationBlocks(draft, metadata.mode),
    { type: 'header', text: plain('What', 150) },
    ...formatBlocks(draft, metadata.keptFormat),
    ...filterBlocks(draft, ctx.dashboard),
    ...contentBlocks(draft, ctx.dashboard),
  );
  const notes = [...(ctx.notes ?? []), ...metadataNotes(metadata, draft)];
  const { placed, unplaced } = withInlineErrors(withDraftHints(blocks, draft, notes), draft, ctx.errors ?? []);
  const notice = [ctx.notice, ...unplaced].filter((text): text is string => Boolean(text));
  if (notice.length > 0) {
    placed.unshift({
      type: 'section',
      block_id: BlockIds.formNotice,
      text: mrkdwn(notice.map((text) => `:warning: ${escapeSlackText(text)}`).join('\n')),
    });
  }
  return {
    type: 'modal',
    callback_id: CallbackIds.scheduleFormView,
    private_metadata: encodeFormMetadata(metadata),
    title: plain(TITLES[metadata.mode], 24),
    submit: plain(SUBMITS[metadata.mode], 24),
    close: plain('Cancel', 24),
    notify_on_close: false,
    blocks: placed,
  };
}

function dashboardBlock(draft: ScheduleDraft): Block {
  const initial = draft.identifier
    ? {
        initial_option: option(
          draft.dashboardName ? `${draft.dashboardName} (${draft.identifier})` : draft.identifier,
          draft.identifier,
        ),
      }
    : {};
  return input(
    BlockIds.formDashboard,
    {
      type: 'external_select',
      action_id: ActionIds.formDashboardSelect,
      placeholder: plain('Search dashboards', 150),
      min_query_length: 0,
      ...initial,
    },
    { label: 'Dashboard', hint: 'Type part of its name, or paste its Omni URL or id.', dispatch: true },
  );
}

/** Each error as a warning line under its field; errors whose field is not in the form go to the notice. */
function withInlineErrors(blocks: Block[], draft: ScheduleDraft, errors: readonly DraftError[]) {
  const byBlock = new Map<string, string[]>();
  const unplaced: string[] = [];
  const present = new Set(blocks.flatMap((block) => (block.block_id ? [baseBlockId(block.block_id)] : [])));
  for (const [field, message] of errorsByField(errors)) {
    const blockId = blockIdForField(field, draft);
    if (blockId && present.has(blockId)) byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), message]);
    else unplaced.push(message);
  }
  const placed: Block[] = [];
  for (const block of blocks) {
    placed.push(block);
    const messages = block.block_id ? byBlock.get(baseBlockId(block.block_id)) : undefined;
    if (messages) placed.push(context(messages.map((m) => `:warning: ${escapeSlackText(m)}`).join('\n')));
  }
  return { placed, unplaced };
}

/** Slack's `response_action: errors` map for errors whose field has an input in this view; undefined if any has none. */
export function viewErrors(
  view: Pick<types.ModalView, 'blocks'>,
  draft: ScheduleDraft,
  errors: readonly DraftError[],
): Record<string, string> | undefined {
  // The view's actual (possibly versioned) input block ids, by base id.
  const inputs = new Map<string, string>();
  for (const block of view.blocks) {
    if (block.type === 'input' && block.block_id) inputs.set(baseBlockId(block.block_id), block.block_id);
  }
  const result: Record<string, string> = {};
  for (const [field, message] of errorsByField(errors)) {
    const base = blockIdForField(field, draft);
    const blockId = base === undefined ? undefined : inputs.get(base);
    if (blockId === undefined) return undefined;
    result[blockId] = truncate(result[blockId] ? `${result[blockId]} ${message}` : message, 2000);
  }
  return result;
}

/** Shown at once while the form's data (the schedule, the dashboard) is read from Omni; no submit yet. */
export function buildScheduleFormLoading(metadata: FormMetadata, text = 'Opening the form…'): types.ModalView {
  return statusModal(metadata, `:hourglass_flowing_sand: ${text}`);
}

/**
 * Shown after a valid submission while Omni saves it; replaced by the result or by the form with Omni's
 * errors. `lookingUp`: the email recipients are still being looked up in Slack first.
 */
export function buildScheduleFormSaving(metadata: FormMetadata, name: string, lookingUp = false): types.ModalView {
  const verb = metadata.mode === 'edit' ? 'saving' : 'creating';
  const what = `*${escapeSlackText(truncate(name, 200))}*`;
  const text = lookingUp
    ? `Looking up the recipients’ email addresses in Slack, then ${verb} ${what} in Omni…`
    : `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${what} in Omni…`;
  return statusModal(metadata, `:hourglass_flowing_sand: ${text}`);
}

/** The last view: what happened, and where the schedule's card is. */
export function buildScheduleFormDone(metadata: FormMetadata, lines: readonly string[]): types.ModalView {
  return { ...statusModal(metadata, lines.join('\n')), close: plain('Done', 24) };
}

/** The form could not be opened (unknown schedule, Omni down…): say why and what to do. */
export function buildScheduleFormError(metadata: FormMetadata, message: string): types.ModalView {
  return statusModal(metadata, `:warning: ${escapeSlackText(message)}`);
}

function statusModal(metadata: FormMetadata, text: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CallbackIds.scheduleFormView,
    private_metadata: encodeFormMetadata(metadata),
    title: plain(TITLES[metadata.mode], 24),
    close: plain('Close', 24),
    blocks: [{ type: 'section', text: mrkdwn(text) }],
  };
}
