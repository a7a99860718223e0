import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CronParseError, nextRuns, parseCron } from '../../src/schedules/cron.js';
import { wallTimesFrom } from '../../src/schedules/cron-next.js';

const iso = (runs: Date[]) => runs.map((run) => run.toISOString());
const runs = (expr: string, zone: string, count: number, from: string) =>
  iso(nextRuns(expr, zone, count, new Date(from)));

describe('nextRuns: plain schedules', () => {
  it('runs weekdays at 08:45 New York time, skipping the weekend', () => {
    // Friday 2025-03-07 12:00 UTC is 07:00 EST.
    expect(runs('45 8 ? * MON-FRI *', 'America/New_York', 3, '2025-03-07T12:00:00Z')).toEqual([
      '2025-03-07T13:45:00.000Z',
      '2025-03-10T12:45:00.000Z', // Monday, now EDT
      '2025-03-11T12:45:00.000Z',
    ]);
  });

  it('returns runs strictly after `from`', () => {
    expect(runs('0 9 ? * * *', 'UTC', 2, '2025-01-01T09:00:00Z')).toEqual([
      '2025-01-02T09:00:00.000Z',
      '2025-01-03T09:00:00.000Z',
    ]);
    expect(runs('0 9 ? * * *', 'UTC', 1, '2025-01-01T08:59:59.999Z')).toEqual(['2025-01-01T09:00:00.000Z']);
  });

  it('defaults `from` to now', () => {
    const before = Date.now();
    const [next] = nextRuns('0 * * * ? *', 'UTC', 1);
    expect(next?.getTime()).toBeGreaterThan(before);
    expect(next?.getTime()).toBeLessThanOrEqual(before + 3_600_000);
  });

  it('runs every 6 hours in a zone with a half-hour offset', () => {
    expect(runs('0 */6 * * ? *', 'Asia/Kolkata', 4, '2025-06-01T00:00:00Z')).toEqual([
      '2025-06-01T00:30:00.000Z', // 06:00 IST
      '2025-06-01T06:30:00.000Z',
      '2025-06-01T12:30:00.000Z',
      '2025-06-01T18:30:00.000Z', // 00:00 IST on the 2nd
    ]);
  });

  it('understands month and weekday names', () => {
    expect(runs('0 12 ? JAN,JUL SUN *', 'UTC', 3, '2025-06-30T00:00:00Z')).toEqual([
      '2025-07-06T12:00:00.000Z',
      '2025-07-13T12:00:00.000Z',
      '2025-07-20T12:00:00.000Z',
    ]);
  });

  it('returns nothing for a date that never exists', () => {
    expect(runs('0 0 30 FEB ? *', 'UTC', 3, '2025-01-01T00:00:00Z')).toEqual([]);
  });

  it('does not skip the 1st of a month that follows a month lacking a listed day', () => {
    expect(runs('0 0 1,30 * ? *', 'UTC', 3, '2025-02-01T00:55:00Z')).toEqual([
      '2025-03-01T00:00:00.000Z',
      '2025-03-30T00:00:00.000Z',
      '2025-04-01T00:00:00.000Z',
    ]);
    // */10 is the 1st, 11th, 21st and 31st.
    expect(runs('0 0 */10 * ? *', 'UTC', 3, '2025-02-22T00:00:00Z')).toEqual([
      '2025-03-01T00:00:00.000Z',
      '2025-03-11T00:00:00.000Z',
      '2025-03-21T00:00:00.000Z',
    ]);
  });

  it('runs on 29 February only in leap years', () => {
    expect(runs('0 0 29 2 ? *', 'UTC', 3, '2025-01-01T00:00:00Z')).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2032-02-29T00:00:00.000Z',
      '2036-02-29T00:00:00.000Z',
    ]);
  });

  it('returns [] for count 0 and refuses bad arguments with a clear error', () => {
    expect(nextRuns('0 9 ? * * *', 'UTC', 0)).toEqual([]);
    expect(() => nextRuns('0 9 ? * * *', 'UTC', -1)).toThrow('count must be a whole number ≥ 0, got -1');
    expect(() => nextRuns('0 9 ? * * *', 'Mars/Olympus_Mons', 1)).toThrow(
      'Unknown time zone "Mars/Olympus_Mons": use an IANA name such as America/New_York',
    );
    expect(() => nextRuns('0 9 ? * * *', 'UTC', 1, new Date('nope'))).toThrow('from is not a valid date');
    expect(() => nextRuns('0 9 * * MON *', 'UTC', 1)).toThrow(CronParseError);
  });
});

describe('nextRuns: L, W and #', () => {
  it('L is the last day of each month, leap years included', () => {
    expect(runs('0 12 L * ? *', 'UTC', 4, '2024-01-15T00:00:00Z')).toEqual([
      '2024-01-31T12:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2024-03-31T12:00:00.000Z',
      '2024-04-30T12:00:00.000Z',
    ]);
  });

  it('LW is the last weekday: a month ending on a weekend runs on the Friday before', () => {
    // May 2025 ends on Saturday 31, August 2025 on Sunday 31.
    expect(runs('0 12 LW 5,8,9 ? *', 'UTC', 3, '2025-01-01T00:00:00Z')).toEqual([
      '2025-05-30T12:00:00.000Z',
      '2025-08-29T12:00:00.000Z',
      '2025-09-30T12:00:00.000Z',
    ]);
  });

  it('nW moves a weekend day to the nearest weekday without leaving the month', () => {
    // 1 Feb and 1 Mar 2025 are Saturdays (→ Monday the 3rd, not Friday in the previous month);
    // 1 Jun 2025 is a Sunday (→ Monday 2nd); 1 Apr 2025 is a Tuesday.
    expect(runs('0 12 1W 2,3,4,6 ? *', 'UTC', 4, '2025-01-01T00:00:00Z')).toEqual([
      '2025-02-03T12:00:00.000Z',
      '2025-03-03T12:00:00.000Z',
      '2025-04-01T12:00:00.000Z',
      '2025-06-02T12:00:00.000Z',
    ]);
    // 15 Mar 2025 is a Saturday (→ Friday 14th), 15 Jun 2025 a Sunday (→ Monday 16th).
    expect(runs('0 12 15W 3,6 ? *', 'UTC', 2, '2025-01-01T00:00:00Z')).toEqual([
      '2025-03-14T12:00:00.000Z',
      '2025-06-16T12:00:00.000Z',
    ]);
    // 31 Aug 2025 is a Sunday (→ Friday 29th); months without a 31st are skipped.
    expect(runs('0 12 31W 6-8 ? *', 'UTC', 2, '2025-01-01T00:00:00Z')).toEqual([
      '2025-07-31T12:00:00.000Z',
      '2025-08-29T12:00:00.000Z',
    ]);
  });

  it('n#k is the k-th weekday of the month; a fifth one is skipped in months without it', () => {
    expect(runs('0 12 ? * 2#1 *', 'UTC', 3, '2025-01-01T00:00:00Z')).toEqual([
      '2025-01-06T12:00:00.000Z',
      '2025-02-03T12:00:00.000Z',
      '2025-03-03T12:00:00.000Z',
    ]);
    // Fifth Friday: January, May, August and October 2025.
    expect(runs('0 12 ? * FRI#5 *', 'UTC', 4, '2025-01-01T00:00:00Z')).toEqual([
      '2025-01-31T12:00:00.000Z',
      '2025-05-30T12:00:00.000Z',
      '2025-08-29T12:00:00.000Z',
      '2025-10-31T12:00:00.000Z',
    ]);
  });

  it('nL is the last such weekday of the month', () => {
    expect(runs('0 12 ? * 1L *', 'UTC', 3, '2025-01-01T00:00:00Z')).toEqual([
      '2025-01-26T12:00:00.000Z',
      '2025-02-23T12:00:00.000Z',
      '2025-03-30T12:00:00.000Z',
    ]);
  });
});

describe('nextRuns: the year field', () => {
  it('answers 0 0 1 1 ? 2099 with its single run, walking only the years that match', () => {
    expect(runs('0 0 1 1 ? 2099', 'America/New_York', 3, '2025-06-01T00:00:00Z')).toEqual(['2099-01-01T05:00:00.000Z']);
    const parsed = parseCron('0 0 1 1 ? 2099');
    if (!parsed.ok) throw new Error(parsed.message);
    expect([...wallTimesFrom(parsed.cron, Date.UTC(2025, 5, 1))]).toEqual([Date.UTC(2099, 0, 1)]);
  });

  it('returns fewer runs when the years run out, and none when they are past', () => {
    expect(runs('0 0 1 1 ? 2198-2199', 'UTC', 5, '2025-01-01T00:00:00Z')).toEqual([
      '2198-01-01T00:00:00.000Z',
      '2199-01-01T00:00:00.000Z',
    ]);
    expect(runs('0 0 1 1 ? 2024', 'UTC', 5, '2025-01-01T00:00:00Z')).toEqual([]);
    expect(runs('0 0 31 12 ? *', 'UTC', 5, '2199-06-01T00:00:00Z')).toEqual(['2199-12-31T00:00:00.000Z']);
  });

  it('runs only in the listed years (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2020, max: 2035 }), { minLength: 1, maxLength: 4 }),
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2036-01-01T00:00:00Z'), noInvalidDate: true }),
        (years, from) => {
          const expected = [...years]
            .sort((a, b) => a - b)
            .flatMap((year) => Array.from({ length: 12 }, (_, month) => Date.UTC(year, month, 1, 12)))
            .filter((ms) => ms > from.getTime())
            .slice(0, 6)
            .map((ms) => new Date(ms).toISOString());
          expect(iso(nextRuns(`0 12 1 * ? ${years.join(',')}`, 'UTC', 6, from))).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('steps through years', () => {
    expect(runs('0 0 1 1 ? 2026/3', 'UTC', 3, '2025-01-01T00:00:00Z')).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2029-01-01T00:00:00.000Z',
      '2032-01-01T00:00:00.000Z',
    ]);
  });
});

// Daylight saving follows AWS EventBridge Scheduler: a local time the clocks skip does not run that
// day; a local time the clocks repeat runs once, at its first occurrence.
describe('nextRuns: daylight saving in America/New_York (2025-03-09 02:00→03:00, 2025-11-02 02:00→01:00)', () => {
  it('skips 02:30 on the day it does not exist', () => {
    expect(runs('30 2 * * ? *', 'America/New_York', 3, '2025-03-08T00:00:00Z')).toEqual([
      '2025-03-08T07:30:00.000Z', // 02:30 EST
      '2025-03-10T06:30:00.000Z', // 02:30 EDT; none on the 9th
      '2025-03-11T06:30:00.000Z',
    ]);
  });

  it('has 23 hourly runs on the spring-forward day', () => {
    const day = nextRuns('0 * * * ? *', 'America/New_York', 23, new Date('2025-03-09T04:59:00Z'));
    expect(iso(day.slice(0, 3))).toEqual([
      '2025-03-09T05:00:00.000Z', // 00:00 EST
      '2025-03-09T06:00:00.000Z', // 01:00 EST
      '2025-03-09T07:00:00.000Z', // 03:00 EDT
    ]);
    expect(day[22]?.toISOString()).toBe('2025-03-10T03:00:00.000Z'); // 23:00 EDT
  });

  it('runs 01:30 once, in daylight time, on the fall-back day', () => {
    expect(runs('30 1 * * ? *', 'America/New_York', 2, '2025-11-01T12:00:00Z')).toEqual([
      '2025-11-02T05:30:00.000Z', // 01:30 EDT; not again at 01:30 EST (06:30Z)
      '2025-11-03T06:30:00.000Z', // 01:30 EST
    ]);
  });

  it('has 24 hourly runs on the 25-hour fall-back day', () => {
    const day = nextRuns('0 * * * ? *', 'America/New_York', 24, new Date('2025-11-02T03:59:00Z'));
    expect(iso(day.slice(0, 4))).toEqual([
      '2025-11-02T04:00:00.000Z', // 00:00 EDT
      '2025-11-02T05:00:00.000Z', // 01:00 EDT
      '2025-11-02T07:00:00.000Z', // 02:00 EST; 01:00 EST (06:00Z) does not repeat
      '2025-11-02T08:00:00.000Z',
    ]);
    expect(day[23]?.toISOString()).toBe('2025-11-03T04:00:00.000Z'); // 23:00 EST
  });

  it('starting inside the repeated hour, the first 01:30 is already past', () => {
    // 06:10Z is 01:10 EST, the second pass through 01:xx.
    expect(runs('30 1 * * ? *', 'America/New_York', 1, '2025-11-02T06:10:00Z')).toEqual(['2025-11-03T06:30:00.000Z']);
    expect(runs('0 * * * ? *', 'America/New_York', 1, '2025-11-02T06:10:00Z')).toEqual(['2025-11-02T07:00:00.000Z']);
    expect(runs('55 1 * * ? *', 'America/New_York', 1, '2025-11-02T05:50:00Z')).toEqual(['2025-11-02T05:55:00.000Z']);
  });

  it('keeps a weekday 08:45 schedule at 08:45 local across both changes', () => {
    expect(runs('45 8 ? * MON-FRI *', 'America/New_York', 2, '2025-10-31T00:00:00Z')).toEqual([
      '2025-10-31T12:45:00.000Z', // EDT
      '2025-11-03T13:45:00.000Z', // EST
    ]);
  });
});

describe('nextRuns: daylight saving in Europe/London (2025-03-30 01:00→02:00, 2025-10-26 02:00→01:00)', () => {
  it('skips 01:30 on the spring-forward day', () => {
    expect(runs('30 1 * * ? *', 'Europe/London', 2, '2025-03-29T12:00:00Z')).toEqual([
      '2025-03-31T00:30:00.000Z',
      '2025-04-01T00:30:00.000Z',
    ]);
  });

  it('runs 01:30 once, in BST, on the fall-back day', () => {
    expect(runs('30 1 * * ? *', 'Europe/London', 2, '2025-10-25T12:00:00Z')).toEqual([
      '2025-10-26T00:30:00.000Z', // 01:30 BST; 01:30 GMT (01:30Z) does not run
      '2025-10-27T01:30:00.000Z',
    ]);
  });

  it('keeps 09:00 at 09:00 local', () => {
    expect(runs('0 9 ? * * *', 'Europe/London', 2, '2025-03-29T12:00:00Z')).toEqual([
      '2025-03-30T08:00:00.000Z',
      '2025-03-31T08:00:00.000Z',
    ]);
  });
});

describe('nextRuns: daylight saving in Australia/Sydney (2025-04-06 03:00→02:00, 2025-10-05 02:00→03:00)', () => {
  it('runs 02:30 once, in AEDT, when the clocks go back in April', () => {
    expect(runs('30 2 * * ? *', 'Australia/Sydney', 2, '2025-04-05T00:00:00Z')).toEqual([
      '2025-04-05T15:30:00.000Z', // 02:30 AEDT on the 6th; not again at 02:30 AEST (16:30Z)
      '2025-04-06T16:30:00.000Z', // 02:30 AEST on the 7th
    ]);
  });

  it('skips 02:30 when the clocks go forward in October', () => {
    expect(runs('30 2 * * ? *', 'Australia/Sydney', 2, '2025-10-03T00:00:00Z')).toEqual([
      '2025-10-03T16:30:00.000Z', // 02:30 AEST on the 4th; none on the 5th
      '2025-10-05T15:30:00.000Z', // 02:30 AEDT on the 6th
    ]);
  });

  it('moves a 09:00 run an hour earlier in UTC', () => {
    expect(runs('0 9 ? * * *', 'Australia/Sydney', 2, '2025-10-03T00:00:00Z')).toEqual([
      '2025-10-03T23:00:00.000Z', // 09:00 AEST on the 4th
      '2025-10-04T22:00:00.000Z', // 09:00 AEDT on the 5th
    ]);
  });
});

describe('nextRuns: other zones', () => {
  it('skips a midnight that does not exist (America/Santiago, 2025-09-07 00:00→01:00)', () => {
    expect(runs('0 0 * * ? *', 'America/Santiago', 3, '2025-09-05T00:00:00Z')).toEqual([
      '2025-09-05T04:00:00.000Z',
      '2025-09-06T04:00:00.000Z',
      '2025-09-08T03:00:00.000Z',
    ]);
  });

  it('handles a half-hour change (Australia/Lord_Howe, 2025-10-05 02:00→02:30)', () => {
    expect(runs('0,30 2 * * ? *', 'Australia/Lord_Howe', 3, '2025-10-04T12:00:00Z')).toEqual([
      '2025-10-04T15:30:00.000Z', // 02:30 +11; 02:00 did not exist
      '2025-10-05T15:00:00.000Z',
      '2025-10-05T15:30:00.000Z',
    ]);
  });

  it('handles a 45-minute-offset zone (Pacific/Chatham, 2025-09-28 02:45→03:45)', () => {
    // 03:45–03:59 exist (UTC+13:45); 03:00–03:44 do not.
    expect(runs('*/5 3 * * ? *', 'Pacific/Chatham', 4, '2025-09-27T13:00:00Z')).toEqual([
      '2025-09-27T14:00:00.000Z', // 03:45 +13:45
      '2025-09-27T14:05:00.000Z',
      '2025-09-27T14:10:00.000Z',
      '2025-09-28T13:15:00.000Z', // 03:00 on the 29th
    ]);
  });

  it('skips the day Samoa left out (Pacific/Apia, 2011-12-30)', () => {
    expect(runs('0 12 * * ? *', 'Pacific/Apia', 3, '2011-12-28T00:00:00Z')).toEqual([
      '2011-12-28T22:00:00.000Z', // 12:00 on the 28th, UTC−10
      '2011-12-29T22:00:00.000Z', // 12:00 on the 29th
      '2011-12-30T22:00:00.000Z', // 12:00 on the 31st, UTC+14
    ]);
  });
});
