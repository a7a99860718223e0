import { describe, expect, it } from 'vitest';
import { choiceNotes, isPaperChoice } from '../../src/schedules/draft-choices.js';
import { VALID_DESTINATIONS, validDraft } from './draft-fixtures.js';

const shown = (format: string, checked: string[] = [], paperChosen = false, optionsFormat = format) => ({
  format,
  optionsFormat,
  checked,
  paperChosen,
});

describe('notes on what one field changed in another', () => {
  it('none when the format on screen is still the format', () => {
    expect(choiceNotes(shown('pdf', ['hideTitle'], true), validDraft({ format: 'pdf' }))).toEqual([]);
    expect(choiceNotes({ checked: [], paperChosen: false }, validDraft())).toEqual([]);
  });

  it('names a format the new destination does not take, what replaced it, and what it takes', () => {
    const draft = validDraft({ destination: VALID_DESTINATIONS.email, format: 'pdf' });
    expect(choiceNotes(shown('json'), draft)).toEqual([
      {
        field: 'format',
        message:
          "JSON can't be delivered by email, so the format is now PDF. Email takes PDF, PNG image, CSV, Excel (XLSX) or Link only.",
      },
    ]);
    const sftp = validDraft({ destination: VALID_DESTINATIONS.sftp, format: 'pdf' });
    expect(choiceNotes(shown('link_only'), sftp)[0]?.message).toContain(
      "Link only can't be delivered to an SFTP server, so the format is now PDF. An SFTP server takes PDF",
    );
  });

  it('names checked options the new format does not have, and PDF-only paper settings', () => {
    const draft = validDraft({ format: 'csv' });
    expect(choiceNotes(shown('pdf', ['hideTitle', 'showFilters'], true), draft)).toEqual([
      {
        field: 'formatOptions',
        message: '“Hide the dashboard title” works only for PDF or PNG image, so it is off for CSV.',
      },
      { field: 'format', message: 'Paper size and orientation apply only to PDF; they are not sent for CSV.' },
    ]);
    // CSV picked by hand over PDF's options: the same notes, none on the format itself.
    expect(choiceNotes(shown('csv', ['hideTitle'], false, 'pdf'), draft)).toEqual([
      {
        field: 'formatOptions',
        message: '“Hide the dashboard title” works only for PDF or PNG image, so it is off for CSV.',
      },
    ]);
    expect(choiceNotes(shown('pdf'), draft)).toEqual([]);
  });

  it('counts a paper size or orientation as chosen, Omni’s default not', () => {
    expect(isPaperChoice('a4')).toBe(true);
    expect(isPaperChoice('landscape')).toBe(true);
    expect(isPaperChoice('default')).toBe(false);
    expect(isPaperChoice(undefined)).toBe(false);
  });
});
