import { describe, expect, it } from 'vitest';
import { draftHints } from '../../src/schedules/draft-hints.js';
import { validateDraft } from '../../src/schedules/draft-rules.js';
import { VALID_DESTINATIONS, validDraft } from './draft-fixtures.js';

describe('draft hints: rules only a third-party source states, shown but never refusing', () => {
  it('has none for a plain valid draft', () => {
    expect(draftHints(validDraft())).toEqual([]);
  });

  it('hints at a tile for JSON of a whole dashboard, which stays valid', () => {
    const draft = validDraft({ destination: VALID_DESTINATIONS.webhook, format: 'json' });
    expect(validateDraft(draft)).toEqual([]);
    expect(draftHints(draft)).toEqual([
      { field: 'content', message: 'If Omni refuses JSON for the whole dashboard, choose one tile.' },
    ]);
    expect(draftHints({ ...draft, content: { kind: 'tile', queryKey: '1' } })).toEqual([]);
  });

  it('hints at a subject for an email without one', () => {
    const email = VALID_DESTINATIONS.email;
    if (email.kind !== 'email') throw new Error('fixture');
    const draft = validDraft({ destination: { ...email, subject: '' } });
    expect(validateDraft(draft)).toEqual([]);
    expect(draftHints(draft)).toEqual([
      { field: 'emailSubject', message: 'Omni may need a subject for email; one helps people find the report anyway.' },
    ]);
  });

  it('hints at https for a plain http webhook off loopback only', () => {
    const on = (url: string) => draftHints(validDraft({ destination: { kind: 'webhook', url }, format: 'pdf' }));
    expect(on('http://hooks.example.com/x')).toEqual([
      { field: 'webhookUrl', message: 'Omni may refuse or fail plain http; use https:// if the receiver has it.' },
    ]);
    expect(on('http://127.0.0.1:8080/hook')).toEqual([]);
    expect(on('https://hooks.example.com/x')).toEqual([]);
  });

  it('hints that formatting may only matter for data files', () => {
    const options = { ...validDraft().options, enableFormatting: true };
    const draft = validDraft({ format: 'pdf', options });
    expect(validateDraft(draft)).toEqual([]);
    expect(draftHints(draft).map((h) => h.field)).toEqual(['formatOptions']);
    expect(draftHints(validDraft({ format: 'csv', options }))).toEqual([]);
  });
});
