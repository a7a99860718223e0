import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  formatUtcOffset,
  isValidTimeZone,
  listTimeZones,
  resolveTimeZone,
  searchTimeZones,
  timeZoneAbbreviation,
  timeZoneLabel,
} from '../../src/schedules/timezones.js';

const WINTER = new Date('2025-11-30T13:45:00Z');
const SUMMER = new Date('2025-07-01T12:00:00Z');
const ids = (query: string, limit = 5, now = WINTER) => searchTimeZones(query, { limit, now }).map((zone) => zone.id);

describe('listTimeZones', () => {
  it("is the runtime's IANA list, in current spelling, with UTC, sorted and without duplicates", () => {
    const zones = listTimeZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort()).toEqual(zones);
  });
});

describe('isValidTimeZone and resolveTimeZone', () => {
  it('accepts listed ids and the older spellings the runtime lists', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Asia/Calcutta')).toBe(true);
  });

  it('refuses unknown names, other cases and abbreviations', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('america/new_york')).toBe(false);
    expect(isValidTimeZone('EST')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('resolves other spellings to the listed id', () => {
    expect(resolveTimeZone('America/New_York')).toBe('America/New_York');
    expect(resolveTimeZone(' america/new_york ')).toBe('America/New_York');
    expect(resolveTimeZone('US/Eastern')).toBe('America/New_York');
    expect(resolveTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('Etc/UTC')).toBe('UTC');
    expect(resolveTimeZone('Mars/Olympus_Mons')).toBeUndefined();
  });
});

describe('searchTimeZones', () => {
  it('finds America/New_York by city, id and abbreviation', () => {
    expect(ids('new york')[0]).toBe('America/New_York');
    expect(ids('New_York')[0]).toBe('America/New_York');
    expect(ids('america/new_york')[0]).toBe('America/New_York');
    expect(ids('EST')[0]).toBe('America/New_York');
    expect(ids('edt')[0]).toBe('America/New_York');
    expect(ids('ET')[0]).toBe('America/New_York');
  });

  it.each([
    ['CST', 'America/Chicago'],
    ['CDT', 'America/Chicago'],
    ['CT', 'America/Chicago'],
    ['MST', 'America/Denver'],
    ['MDT', 'America/Denver'],
    ['MT', 'America/Denver'],
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['PT', 'America/Los_Angeles'],
    ['GMT', 'Europe/London'],
    ['BST', 'Europe/London'],
    ['CET', 'Europe/Paris'],
    ['CEST', 'Europe/Paris'],
    ['IST', 'Asia/Kolkata'],
    ['JST', 'Asia/Tokyo'],
    ['AEST', 'Australia/Sydney'],
    ['AEDT', 'Australia/Sydney'],
    ['UTC', 'UTC'],
    ['london', 'Europe/London'],
    ['sydney', 'Australia/Sydney'],
    ['buenos aires', 'America/Argentina/Buenos_Aires'],
    ['kolkata', 'Asia/Kolkata'],
  ])('%s → %s first', (query, zone) => {
    expect(ids(query)[0]).toBe(zone);
  });

  it('lists the other zones an abbreviation names after the main one', () => {
    expect(ids('CST', 10)).toEqual(expect.arrayContaining(['America/Chicago', 'America/Winnipeg', 'Asia/Shanghai']));
    expect(ids('GMT', 10).slice(0, 2)).toEqual(['Europe/London', 'UTC']);
    expect(ids('IST', 10).slice(0, 3)).toEqual(['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']);
  });

  it('matches an abbreviation exactly, never as part of a name (EST is not Budapest)', () => {
    const est = ids('EST', 100);
    expect(est[0]).toBe('America/New_York');
    expect(est).toEqual(expect.arrayContaining(['America/Toronto', 'America/Panama', 'America/Cancun']));
    expect(est).not.toContain('Europe/Budapest');
    expect(est).not.toContain('Europe/Bucharest');
    expect(ids('est', 100)).toEqual(est);
    expect(ids('bst', 100)).toEqual(['Europe/London']);
  });

  it('offers cities that start with a lower-case abbreviation after its zones, never names that hold it', () => {
    const ist = ids('ist', 10);
    expect(ist.slice(0, 3)).toEqual(['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']);
    expect(ist).toContain('Europe/Istanbul');
    expect(ids('IST', 10)).not.toContain('Europe/Istanbul');
    expect(ids('CET', 100)).not.toContain('America/Mexico_City');
  });

  it('puts the zones an abbreviation names first, then those the runtime prints it for', () => {
    const est = ids('EST', 100);
    expect(est.slice(0, 3)).toEqual(['America/New_York', 'America/Toronto', 'America/Detroit']);
    const curated = est.indexOf('America/Detroit');
    expect(est.indexOf('America/Jamaica')).toBeGreaterThan(curated);
  });

  it('does not fuzzy-match 2–4 upper-case letters that are no abbreviation', () => {
    expect(ids('XQZ', 20)).toEqual([]);
    expect(ids('ANT', 20)).toEqual([]);
    expect(ids('ant', 20)).toContain('America/Antigua');
    expect(ids('ROME')).toEqual(['Europe/Rome']);
  });

  it('finds zones by UTC offset at `now`', () => {
    expect(ids('+05:30', 10)).toEqual(['Asia/Colombo', 'Asia/Kolkata']);
    expect(ids('UTC-5', 50)).toContain('America/New_York');
    expect(ids('UTC-5', 50, SUMMER)).not.toContain('America/New_York');
    expect(ids('UTC-4', 50, SUMMER)).toContain('America/New_York');
  });

  it('matches word prefixes and parts of ids', () => {
    expect(ids('los ang')).toEqual(['America/Los_Angeles']);
    expect(ids('argentina', 20).every((zone) => zone.startsWith('America/Argentina/'))).toBe(true);
    expect(ids('xyzzy')).toEqual([]);
  });

  it('labels each option with its offset, id and city, within 75 characters', () => {
    expect(searchTimeZones('new york', { now: WINTER })[0]).toEqual({
      id: 'America/New_York',
      label: '(UTC−05:00) America/New_York — New York',
    });
    expect(searchTimeZones('new york', { now: SUMMER })[0]?.label).toBe('(UTC−04:00) America/New_York — New York');
    expect(timeZoneLabel('UTC', WINTER)).toBe('(UTC+00:00) UTC');
    expect(timeZoneLabel('Asia/Kathmandu', WINTER)).toBe('(UTC+05:45) Asia/Kathmandu — Kathmandu');
    for (const zone of listTimeZones()) expect(timeZoneLabel(zone, WINTER).length).toBeLessThanOrEqual(75);
  });

  it('respects the limit, which defaults to 100 (the most a Slack select shows)', () => {
    expect(searchTimeZones('a', { now: WINTER })).toHaveLength(100);
    expect(searchTimeZones('a', { limit: 3, now: WINTER })).toHaveLength(3);
  });

  it('offers well-known zones, west to east, for an empty query', () => {
    const zones = ids('', 100);
    expect(zones[0]).toBe('Pacific/Honolulu');
    expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'Europe/London', 'Asia/Tokyo', 'UTC']));
    expect(zones[zones.length - 1]).toBe('Pacific/Auckland');
  });
});

describe('formatting', () => {
  it('formats UTC offsets with a true minus sign', () => {
    expect(formatUtcOffset(-300)).toBe('UTC−05:00');
    expect(formatUtcOffset(330)).toBe('UTC+05:30');
    expect(formatUtcOffset(0)).toBe('UTC+00:00');
    expect(formatUtcOffset(-570)).toBe('UTC−09:30');
  });

  it.each([
    ['America/New_York', 'Sun 30 Nov, 08:45 EST', 'Tue 1 Jul, 08:00 EDT'],
    ['Europe/London', 'Sun 30 Nov, 13:45 GMT', 'Tue 1 Jul, 13:00 BST'],
    ['Europe/Paris', 'Sun 30 Nov, 14:45 CET', 'Tue 1 Jul, 14:00 CEST'],
    ['Australia/Sydney', 'Mon 1 Dec, 00:45 AEDT', 'Tue 1 Jul, 22:00 AEST'],
    ['Asia/Kolkata', 'Sun 30 Nov, 19:15 IST', 'Tue 1 Jul, 17:30 IST'],
    ['Asia/Tokyo', 'Sun 30 Nov, 22:45 JST', 'Tue 1 Jul, 21:00 JST'],
    ['UTC', 'Sun 30 Nov, 13:45 UTC', 'Tue 1 Jul, 12:00 UTC'],
    ['Asia/Kathmandu', 'Sun 30 Nov, 19:30 NPT', 'Tue 1 Jul, 17:45 NPT'],
    ['America/Panama', 'Sun 30 Nov, 08:45 EST', 'Tue 1 Jul, 07:00 EST'],
    ['Asia/Colombo', 'Sun 30 Nov, 19:15 UTC+05:30', 'Tue 1 Jul, 17:30 UTC+05:30'],
  ])('formatInZone in %s', (zone, winter, summer) => {
    expect(formatInZone(WINTER, zone, { now: WINTER })).toBe(winter);
    expect(formatInZone(SUMMER, zone, { now: WINTER })).toBe(summer);
  });

  it('adds the year when it is not the current one', () => {
    expect(formatInZone(new Date('2099-01-01T05:00:00Z'), 'America/New_York', { now: WINTER })).toBe(
      'Thu 1 Jan 2099, 00:00 EST',
    );
    // Already 2026 in Sydney, still 2025 in New York.
    const newYear = new Date('2025-12-31T14:00:00Z');
    expect(formatInZone(newYear, 'Australia/Sydney', { now: WINTER })).toBe('Thu 1 Jan 2026, 01:00 AEDT');
    expect(formatInZone(newYear, 'America/New_York', { now: WINTER })).toBe('Wed 31 Dec, 09:00 EST');
  });

  it('names standard and daylight time by the offset in force', () => {
    expect(timeZoneAbbreviation(new Date('2025-03-09T06:59:00Z'), 'America/New_York')).toBe('EST');
    expect(timeZoneAbbreviation(new Date('2025-03-09T07:00:00Z'), 'America/New_York')).toBe('EDT');
  });
});
