// Advice on a draft that never stops it: rules only a third-party source states, or none at all,
// where Omni's own docs and spec are silent. Shown on the field; the schedule is sent regardless and
// Omni's own answer decides. Errors (draft-rules.ts) are what Omni's sources do state.
import type { DraftField, ScheduleDraft } from './draft.js';
import { OPTION_FORMATS } from './draft-formats.js';

export interface DraftHint {
  field: DraftField;
  message: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Hints for a draft, each on its field, in form order. */
export function draftHints(draft: ScheduleDraft): DraftHint[] {
  const hints: DraftHint[] = [];
  const add = (field: DraftField, message: string) => hints.push({ field, message });
  const { destination, format, options } = draft;
  if (destination.kind === 'email' && destination.subject.trim() === '') {
    // Omni's docs list `subject` as optional; only a third-party wrapper calls it required.
    add('emailSubject', 'Omni may need a subject for email; one helps people find the report anyway.');
  }
  if (destination.kind === 'webhook') {
    const url = parseUrl(destination.url.trim());
    // Omni's docs show only https receivers; whether plain http works is not documented.
    if (url?.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      add('webhookUrl', 'Omni may refuse or fail plain http; use https:// if the receiver has it.');
    }
  }
  if (options.enableFormatting && !OPTION_FORMATS.enableFormatting.includes(format)) {
    // Only a third-party wrapper limits it to data files; Omni's spec just says "formatting will be enabled".
    add('formatOptions', 'Keeping number formatting may only matter for CSV, XLSX or JSON.');
  }
  if (format === 'json' && draft.content.kind !== 'tile') {
    // Omni's docs deliver a whole dashboard as JSON to a webhook; a third-party wrapper says JSON needs a tile.
    add('content', 'If Omni refuses JSON for the whole dashboard, choose one tile.');
  }
  return hints;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
