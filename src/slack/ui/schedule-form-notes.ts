// What the schedule form says without stopping a save: advice on a field (draftHints: rules only a
// third-party source states), and the destinations after the first, which the form does not edit. Pure.

import type { ScheduleDraft } from '../../schedules/draft.js';
import { draftHints } from '../../schedules/draft-hints.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import type { FormMode } from './schedule-form-metadata.js';
import { type Block, baseBlockId, blockIdForField, context } from './schedule-form-parts.js';

/** Each hint as a :bulb: line under its field; a hint whose field is not shown is left out (it is advice). */
export function withDraftHints(blocks: readonly Block[], draft: ScheduleDraft): Block[] {
  const byBlock = new Map<string, string[]>();
  for (const hint of draftHints(draft)) {
    const blockId = blockIdForField(hint.field, draft);
    if (blockId) byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), hint.message]);
  }
  const out: Block[] = [];
  for (const block of blocks) {
    out.push(block);
    const messages = block.block_id ? byBlock.get(baseBlockId(block.block_id)) : undefined;
    if (messages) out.push(context(messages.map((m) => `:bulb: ${escapeSlackText(m)}`).join('\n')));
  }
  return out;
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
