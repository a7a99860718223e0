import { describe, expect, it } from 'vitest';
import { parseSnoozeEnd, SnoozeParseError } from '../../src/watch/snooze-parse.js';

// Wednesday 2026-12-02 15:30 in New York (20:30 UTC).
const now = Date.parse('2026-12-02T20:30:00Z');
const ny = { now, timeZone: 'America/New_York' };
const iso = (text: string, options = ny) => new Date(parseSnoozeEnd(text, options)).toISOString();

describe('parseSnoozeEnd', () => {
  it('adds hours exactly and days/weeks on the wall clock', () => {
    expect(iso('for 36h')).toBe('2026-12-04T08:30:00.000Z');
    expect(iso('for 3d')).toBe('2026-12-05T20:30:00.000Z');
    expect(iso('for 2w')).toBe('2026-12-16T20:30:00.000Z');
    expect(iso('FOR 2 weeks')).toBe('2026-12-16T20:30:00.000Z');
  });

  it('keeps the local time across a DST change', () => {
    // 2027-03-14 is the US spring-forward: 3 days from Mar 12 15:30 EST is Mar 15 15:30 EDT.
    const before = { now: Date.parse('2027-03-12T20:30:00Z'), timeZone: 'America/New_York' };
    expect(iso('for 3d', before)).toBe('2027-03-15T19:30:00.000Z');
  });

  it('reads weekdays as the next such day at local midnight, never today', () => {
    expect(iso('until Monday')).toBe('2026-12-07T05:00:00.000Z');
    expect(iso('until wed')).toBe('2026-12-09T05:00:00.000Z');
    expect(iso('until tomorrow 9am')).toBe('2026-12-03T14:00:00.000Z');
  });

  it('reads ISO and named dates with optional times, in the person zone', () => {
    expect(iso('until 2027-01-05')).toBe('2027-01-05T05:00:00.000Z');
    expect(iso('until Dec 24 9am')).toBe('2026-12-24T14:00:00.000Z');
    expect(iso('until 24 Dec 17:45')).toBe('2026-12-24T22:45:00.000Z');
    expect(iso('until Dec 24 9am', { now, timeZone: 'Asia/Tokyo' })).toBe('2026-12-24T00:00:00.000Z');
    // No year and already past this year: next year.
    expect(iso('until Jan 5')).toBe('2027-01-05T05:00:00.000Z');
    expect(iso('until Dec 1')).toBe('2027-12-01T05:00:00.000Z');
  });

  it('reads a bare time as today, or tomorrow once passed', () => {
    expect(iso('until 5pm')).toBe('2026-12-02T22:00:00.000Z');
    expect(iso('until 9am')).toBe('2026-12-03T14:00:00.000Z');
  });

  it.each([
    ['snooze please', /how long to snooze/],
    ['for ever', /not a duration/],
    ['for 0d', /longer than zero/],
    ['for 1.5d', /whole days/],
    ['until someday', /not a date I can read/],
    ['until 2027-02-30', /not a real date/],
    ['until 2020-01-01', /in the past/],
    ['until Dec 24 13pm', /1 to 12/],
    ['until 25:00', /no such time/],
    ['for 400d', /at most a year/],
  ])('rejects %j clearly', (text, message) => {
    expect(() => parseSnoozeEnd(text, ny)).toThrow(SnoozeParseError);
    expect(() => parseSnoozeEnd(text, ny)).toThrow(message);
  });

  it('rejects an unknown zone', () => {
    expect(() => parseSnoozeEnd('for 1d', { now, timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
  });
});
