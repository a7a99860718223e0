import { describe, expect, it } from 'vitest';
import { CronParseError, frequencyWarning, minIntervalMinutes } from '../../src/schedules/cron.js';

describe('frequencyWarning (Omni: "the most frequent you can configure a schedule is hourly")', () => {
  it.each(['0 * * * ? *', '59 * * * ? *', '0 */6 * * ? *', '45 8 ? * MON-FRI *', '0 0 1 1 ? 2099', '30 0-23 * * ? *'])(
    'accepts %s',
    (expr) => {
      expect(frequencyWarning(expr)).toBeUndefined();
    },
  );

  it.each([
    [
      '*/15 * * * ? *',
      "This schedule runs at 0, 15, 30 and 45 minutes past the hour, but Omni's minimum is hourly. Put a single minute in the minute field (e.g. 0 for on the hour).",
    ],
    [
      '0,30 9 ? * MON *',
      "This schedule runs at 0 and 30 minutes past the hour, but Omni's minimum is hourly. Put a single minute in the minute field (e.g. 0 for on the hour).",
    ],
    [
      '0/5 8-17 ? * MON-FRI *',
      "This schedule runs as often as every 5 minutes, but Omni's minimum is hourly. Put a single minute in the minute field (e.g. 0 for on the hour).",
    ],
    [
      '* 9 * * ? *',
      "This schedule runs every minute, but Omni's minimum is hourly. Put a single minute in the minute field (e.g. 0 for on the hour).",
    ],
  ])('refuses %s with the reason', (expr, reason) => {
    expect(frequencyWarning(expr)).toBe(reason);
  });

  it('throws CronParseError for an invalid expression', () => {
    expect(() => frequencyWarning('0 9 * * MON *')).toThrow(CronParseError);
  });
});

describe('minIntervalMinutes', () => {
  it.each([
    ['*/15 * * * ? *', 15],
    ['0,50 * * * ? *', 10], // :50 to the next hour's :00
    ['0,50 9 * * ? *', 50],
    ['0 * * * ? *', 60],
    ['0 */6 * * ? *', 360],
    ['0 9,17 * * ? *', 480],
    ['0 23,1 * * ? *', 120], // 23:00 to 01:00 across midnight
    ['0 9 ? * MON *', 1440],
    ['* * * * ? *', 1],
  ])('%s → %i', (expr, minutes) => {
    expect(minIntervalMinutes(expr)).toBe(minutes);
  });
});
