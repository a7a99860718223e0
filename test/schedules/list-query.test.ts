import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeListState,
  describeListFilters,
  encodeListState,
  formatListArgs,
  ListQueryError,
  listSchedulesQuery,
  parseListArgs,
} from '../../src/schedules/list-query.js';

const parse = (text: string) => parseListArgs(text.split(/\s+/));

describe('parseListArgs', () => {
  it('reads no arguments as no filters (Omni defaults apply)', () => {
    expect(parse('')).toEqual({});
  });

  it('maps every filter and sort of the grammar to Omni’s query', () => {
    expect(parse('weekly sales status:error destination:slack sort:lastRun asc')).toEqual({
      q: 'weekly sales',
      status: 'error',
      destination: 'slack',
      sortField: 'lastRun',
      sortDirection: 'asc',
    });
    expect(parse('sort:name').sortField).toBe('scheduleName');
    expect(parse('sort:dashboard').sortField).toBe('dashboardName');
    expect(parse('sort:owner').sortField).toBe('ownerName');
    expect(parse('sort:status').sortField).toBe('lastRunStatus');
    expect(parse('desc').sortDirection).toBe('desc');
  });

  it('takes keys and values in any case and any order', () => {
    expect(parse('DESC Status:SUCCESS orders Destination:S3 SORT:LASTRUN')).toEqual({
      q: 'orders',
      status: 'success',
      destination: 's3',
      sortField: 'lastRun',
      sortDirection: 'desc',
    });
  });

  it('keeps words with other colons as search words', () => {
    expect(parse('Q3: EMEA owner:blob').q).toBe('Q3: EMEA owner:blob');
  });

  it.each([
    ['status:failed', '`status:` takes one of `success`, `error`, `canceled`, `none`; got `failed`.'],
    ['destination:fax', '`destination:` takes one of `email`, `slack`, `webhook`, `sftp`, `s3`; got `fax`.'],
    ['sort:size', '`sort:` takes one of `name`, `dashboard`, `owner`, `lastRun`, `status`; got `size`.'],
    ['status:', '`status:` takes one of `success`, `error`, `canceled`, `none`; got nothing.'],
    ['status:error status:none', '`status` is given twice; give it once.'],
    ['asc desc', '`asc|desc` is given twice; give it once.'],
  ])('refuses %s naming the allowed values', (text, message) => {
    expect(() => parse(text)).toThrow(new ListQueryError(message));
  });

  it('refuses search words longer than 100 characters', () => {
    expect(() => parse('x'.repeat(101))).toThrow(/too long \(101 characters\)/);
  });
});

describe('list state', () => {
  it('round-trips filters and the page through the text form', () => {
    const filters = parse('weekly status:none destination:webhook sort:owner asc');
    expect(formatListArgs(filters)).toBe('weekly status:none destination:webhook sort:owner asc');
    expect(decodeListState(encodeListState({ filters, cursor: '3' }))).toEqual({ filters, cursor: '3' });
  });

  it('round-trips any parsable arguments', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9:é-]{1,10}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.integer({ min: 1, max: 999 }), (words, page) => {
        let filters: ReturnType<typeof parseListArgs>;
        try {
          filters = parseListArgs(words);
        } catch (error) {
          expect(error).toBeInstanceOf(ListQueryError);
          return;
        }
        const state = { filters, cursor: String(page) };
        expect(decodeListState(encodeListState(state))).toEqual(state);
      }),
    );
  });

  it('keeps a quoted phrase that looks like filters as search words, through the text form', () => {
    // As `/schedule list "asc report" sort:name` reaches parseListArgs (the command parser drops the quotes).
    const filters = parseListArgs(['asc report', 'sort:name']);
    expect(filters).toEqual({ q: 'asc report', sortField: 'scheduleName' });
    expect(formatListArgs(filters)).toBe('"asc report" sort:name');
    expect(decodeListState(encodeListState({ filters, cursor: '2' }))).toEqual({ filters, cursor: '2' });
    const plain = parseListArgs(['weekly sales']);
    expect(formatListArgs(plain)).toBe('weekly sales');
    expect(decodeListState(encodeListState({ filters: plain, cursor: '1' })).filters).toEqual(plain);
  });

  it('keeps mine, receiving, paused and disabled through the text form, and a quoted one as a search word', () => {
    const filters = parseListArgs(['receiving', 'mine', 'Disabled', 'sales']);
    expect(formatListArgs(filters)).toBe('sales mine receiving disabled');
    expect(decodeListState(encodeListState({ filters, cursor: '4' }))).toEqual({ filters, cursor: '4' });
    expect(describeListFilters(filters)).toBe(
      'yours · delivered to you · disabled by Omni · matching “sales” · sorted by name (ascending)',
    );
    const word = { q: 'paused' };
    expect(formatListArgs(word)).toBe('"paused"');
    expect(decodeListState(encodeListState({ filters: word, cursor: '1' })).filters).toEqual(word);
    const asc = { q: 'asc' };
    expect(decodeListState(encodeListState({ filters: asc, cursor: '1' })).filters).toEqual(asc);
  });

  it.each(['', 'x|weekly', '0|', '-1|status:error', '1|status:bogus'])('refuses a damaged state %j', (encoded) => {
    expect(() => decodeListState(encoded)).toThrow(ListQueryError);
  });
});

describe('describeListFilters', () => {
  it('says what is filtered and how it is sorted', () => {
    expect(describeListFilters(parse('sales status:error destination:email sort:lastRun asc'))).toBe(
      'matching “sales” · last run failed · to email · sorted by last run (ascending)',
    );
    expect(describeListFilters({})).toBe('sorted by name (ascending)');
    expect(describeListFilters({ sortField: 'lastRun' })).toBe('sorted by last run (descending)');
  });

  it('sorts names A to Z and runs newest first unless told otherwise, and always tells Omni', () => {
    expect(listSchedulesQuery({ q: 'sales' })).toEqual({ q: 'sales', sortDirection: 'asc' });
    expect(listSchedulesQuery({ sortField: 'ownerName' })).toEqual({ sortField: 'ownerName', sortDirection: 'asc' });
    expect(listSchedulesQuery({ sortField: 'lastRun' })).toEqual({ sortField: 'lastRun', sortDirection: 'desc' });
    expect(listSchedulesQuery({ sortField: 'scheduleName', sortDirection: 'desc' }).sortDirection).toBe('desc');
  });
});
