// What the schedule form says without stopping a save: advice on a field (draftHints: rules only a
// third-party source states), and the destinations after the first, which the form does not edit. Pure.

import type { ScheduleDraft } from '../../schedules/draft.js';
import { type DraftHint, draftHints } from '../../schedules/draft-hints.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import type { FormMetadata, FormMode } from './schedule-form-metadata.js';
import { type Block, baseBlockId, blockIdForField, context } from './schedule-form-parts.js';

/**
 * Each hint as a :bulb: line under its field, and each note (what the form did or knows, e.g. a format the
 * new destination does not take) as an :information_source: line; one whose field is not shown is left out.
 */
export function withDraftHints(
  blocks: readonly Block[],
  draft: ScheduleDraft,
  notes: readonly DraftHint[] = [],
): Block[] {
  const byBlock = new Map<string, string[]>();
  const add = (field: DraftHint['field'], line: string) => {
    const blockId = blockIdForField(field, draft);
    if (blockId) byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), line]);
  };
  for (const note of notes) add(note.field, `:information_source: ${escapeSlackText(note.message)}`);
  for (const hint of draftHints(draft)) add(hint.field, `:bulb: ${escapeSlackText(hint.message)}`);
  const out: Block[] = [];
  for (const block of blocks) {
    out.push(block);
    const lines = block.block_id ? byBlock.get(baseBlockId(block.block_id)) : undefined;
    if (lines) out.push(context(lines.join('\n')));
  }
  return out;
}

/** Edit or Duplicate: why the recipients show as addresses although a pick was kept (picks.ts). */
export const PICK_OUTDATED_NOTE =
  "These are the schedule's addresses as Omni has them now. The people, channels and groups picked when it was saved here are not shown: its recipients changed since (in Omni, or with /schedule add or remove).";

/** Notes the form's own state implies (as kept in its metadata). */
export function metadataNotes(metadata: FormMetadata, draft: ScheduleDraft): DraftHint[] {
  if (metadata.pickOutdated && draft.destination.kind === 'email') {
    return [{ field: 'emailAddresses', message: PICK_OUTDATED_NOTE }];
  }
  return [];
}

const LABELS: Record<string, string> = {
  email: 'email',
  slack: 'Slack',
  webhook: 'a webhook',
  sftp: 'SFTP',
  s3: 'Amazon S3',
  google_sheets: 'Google Sheets',
};

/** The schedule's other destinations: kept as they are by an edit, not copied by a duplicate. */
export function otherDestinationBlocks(draft: ScheduleDraft, mode: FormMode): Block[] {
  const others = draft.otherDestinations ?? [];
  if (others.length === 0) return [];
  const names = others.map((d) => LABELS[d.type] ?? escapeSlackText(d.type)).join(', ');
  const text =
    mode === 'duplicate'
      ? `:information_source: This schedule also delivers to ${names}. The copy gets only the destination above.`
      : `:information_source: This schedule also delivers to ${names}; that is not changed here and stays as it is.`;
  return [context(text)];
}
