// What the form changed by itself when one field made another's choice impossible: a destination that does
// not take the chosen format (the form falls back to the first it takes), options that only some formats
// have (unchecked for the new one), PDF-only paper settings. Said under the field before Create, so that
// nobody finds out from the delivery. Pure: the choices as they were on screen, and the draft now.
import type { DraftFormat, ScheduleDraft } from './draft.js';
import { DRAFT_FORMATS, PAPER_FORMATS, PAPER_ORIENTATIONS } from './draft.js';
import {
  BOOLEAN_OPTIONS,
  type BooleanOption,
  FORMAT_LABELS,
  formatsFor,
  OPTION_FORMATS,
  OPTION_LABELS,
} from './draft-formats.js';
import type { DraftHint } from './draft-hints.js';
import { destinationPhrase, listNames } from './draft-rules.js';

/** The "What" choices as they were on screen before the change (raw values from the view's state). */
export interface ShownChoices {
  /** The format selected. */
  format?: string;
  /** The format the options shown were for (a format picked just now has not redrawn them yet). */
  optionsFormat?: string;
  /** The format options that were checked. */
  checked: readonly string[];
  /** A paper size or orientation other than Omni's default was chosen (only shown for PDF). */
  paperChosen: boolean;
}

const knownFormat = (value: string | undefined) => DRAFT_FORMATS.find((f) => f === value);
const label = (f: DraftFormat) => FORMAT_LABELS[f];

export function choiceNotes(shown: ShownChoices, draft: ScheduleDraft): DraftHint[] {
  const notes: DraftHint[] = [];
  const { format, destination } = draft;
  const selected = knownFormat(shown.format);
  if (selected !== undefined && selected !== format && !formatsFor(destination.kind).includes(selected)) {
    const takes = listNames(formatsFor(destination.kind).map(label), 'or');
    notes.push({
      field: 'format',
      message: `${label(selected)} can't be delivered ${destinationPhrase(destination)}, so the format is now ${label(format)}. ${sentenceCase(destinationPhrase(destination))} takes ${takes}.`,
    });
  }
  const before = knownFormat(shown.optionsFormat) ?? selected;
  if (before === undefined || before === format) return notes;
  const dropped = BOOLEAN_OPTIONS.filter(
    (option): option is BooleanOption =>
      shown.checked.includes(option) &&
      OPTION_FORMATS[option].includes(before) &&
      !OPTION_FORMATS[option].includes(format),
  );
  for (const option of dropped) {
    notes.push({
      field: 'formatOptions',
      message: `“${OPTION_LABELS[option]}” works only for ${listNames(OPTION_FORMATS[option].map(label), 'or')}, so it is off for ${label(format)}.`,
    });
  }
  if (shown.paperChosen && before === 'pdf' && format !== 'pdf') {
    notes.push({
      field: 'format',
      message: `Paper size and orientation apply only to PDF; they are not sent for ${label(format)}.`,
    });
  }
  return notes;
}

function sentenceCase(phrase: string): string {
  // "by email" → "Email"; "to a webhook" → "A webhook": the destination as a subject.
  const subject = phrase.replace(/^(by|to) /, '');
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/** Paper values that count as a choice (anything but Omni's default). */
export function isPaperChoice(value: string | undefined): boolean {
  const choices: readonly string[] = [...PAPER_FORMATS, ...PAPER_ORIENTATIONS];
  return value !== undefined && choices.includes(value);
}
