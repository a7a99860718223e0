import { describe, expect, it } from 'vitest';
import { nextRunOf } from '../../src/schedules/next-run.js';
import { DATE_AT_TIME, slackDate } from '../../src/text/slack-date.js';

// Friday 4 Dec 2026, 12:00 in New York.
const NOW = new Date('2026-12-04T17:00:00Z');
const weekdays = { schedule: '00 09 ? * 2,3,4,5,6 *', timezone: 'America/New_York' };
const active = { disabledAt: null, systemDisabledAt: null, systemDisabledReason: null };

describe('nextRunOf', () => {
  it("gives the next run as a <!date> token for the viewer and as text in the schedule's zone", () => {
    const next = nextRunOf({ ...weekdays, ...active }, NOW);
    const monday9am = Date.UTC(2026, 11, 7, 14, 0) / 1000;
    expect(next).toEqual({
      kind: 'scheduled',
      at: new Date(monday9am * 1000),
      slackDate: `<!date^${monday9am}^{date_short_pretty} at {time}|Mon 7 Dec, 09:00 EST>`,
      inScheduleZone: 'Mon 7 Dec, 09:00 EST',
      timeZone: 'America/New_York',
    });
  });

  it('uses the schedule zone for the fallback, whatever the zone of the machine', () => {
    const next = nextRunOf({ schedule: '30 6 L * ? *', timezone: 'Asia/Kathmandu', ...active }, NOW);
    expect(next).toMatchObject({ kind: 'scheduled', inScheduleZone: 'Thu 31 Dec, 06:30 NPT' });
  });

  it('says paused or disabled instead of a time the schedule will not run at', () => {
    expect(nextRunOf({ ...weekdays, ...active, disabledAt: '2024-03-01T15:32:20.996Z' }, NOW)).toEqual({
      kind: 'paused',
    });
    expect(
      nextRunOf(
        { ...weekdays, ...active, systemDisabledAt: '2025-06-02T06:00:04.211Z', systemDisabledReason: 'missingQuery' },
        NOW,
      ),
    ).toEqual({ kind: 'system_disabled' });
  });

  it('says never when the cron has no run left, and unknown (with the reason) when it cannot be read', () => {
    expect(nextRunOf({ schedule: '0 0 1 1 ? 2020', timezone: 'UTC', ...active }, NOW)).toEqual({ kind: 'never' });
    expect(nextRunOf({ schedule: '0 9 * * MON', timezone: 'UTC', ...active }, NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('6 fields'),
    });
    expect(nextRunOf({ schedule: '0 9 ? * * *', timezone: 'Mars/Base', ...active }, NOW)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('Mars/Base'),
    });
  });
});

describe('slackDate', () => {
  it('writes the token with an escaped fallback that cannot end it early', () => {
    const at = new Date('2026-12-07T14:00:00Z');
    expect(slackDate(at, 'Mon 7 Dec, 09:00 EST')).toBe(
      '<!date^1796652000^{date_short_pretty} at {time}|Mon 7 Dec, 09:00 EST>',
    );
    expect(slackDate(at, 'a > b | c', '{date_num}')).toBe('<!date^1796652000^{date_num}|a &gt; b / c>');
    expect(DATE_AT_TIME).toBe('{date_short_pretty} at {time}');
  });

  it('refuses an invalid date or a template that would break the token', () => {
    expect(() => slackDate(new Date(Number.NaN), 'x')).toThrow(RangeError);
    expect(() => slackDate(new Date(0), 'x', '{date}|x')).toThrow(RangeError);
  });
});
