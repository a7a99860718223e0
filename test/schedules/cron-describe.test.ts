import { describe, expect, it } from 'vitest';
import { CronParseError, describeCron, parseCron } from '../../src/schedules/cron.js';

describe('describeCron', () => {
  it.each([
    // Omni's documented examples
    ['45 8 ? * MON-FRI *', 'At 08:45, Monday through Friday'],
    ['0 9 ? * * *', 'At 09:00, every day'],
    ['30 6 L * ? *', 'At 06:30, on the last day of the month'],
    ['0 */6 * * ? *', 'Every 6 hours from 00:00 to 18:00'],
    ['00 09 ? * 2,3,4,5,6 *', 'At 09:00, Monday through Friday'],
    ['0 9 ? * MON *', 'At 09:00, on Monday'],
    ['0 0 1 1 ? 2099', 'At 00:00, on January 1, in 2099'],
    // times of day
    ['0 9 * * ? *', 'At 09:00, every day'],
    ['0 9,17 * * ? *', 'At 09:00 and 17:00, every day'],
    ['30 8,12,18 ? * MON-FRI *', 'At 08:30, 12:30 and 18:30, Monday through Friday'],
    ['0 9-17 ? * MON-FRI *', 'Every hour from 09:00 to 17:00, Monday through Friday'],
    ['15 8-18/2 * * ? *', 'Every 2 hours from 08:15 to 18:15'],
    ['0 * * * ? *', 'Every hour, on the hour'],
    ['15 * * * ? *', 'Every hour, at 15 minutes past the hour'],
    ['1 * * * ? *', 'Every hour, at 1 minute past the hour'],
    ['0 22-1 * * ? *', 'At 00:00, 01:00, 22:00 and 23:00, every day'],
    // more than hourly (Omni refuses these, but people still need to read them)
    ['0/15 * * * ? *', 'Every 15 minutes'],
    ['*/7 * * * ? *', 'At 0, 7, 14, 21, 28, 35, 42, 49 and 56 minutes past the hour'],
    ['0/5 8-17 ? * MON-FRI *', 'Every 5 minutes, between 08:00 and 17:59, Monday through Friday'],
    ['5/15 9 * * ? *', 'At 5, 20, 35 and 50 minutes past the hour, between 09:00 and 09:59, every day'],
    ['0,30 * * * ? *', 'At 0 and 30 minutes past the hour'],
    ['0-9 9,12 * * ? *', 'Every minute from 0 to 9 past the hour, in the 09:00 and 12:00 hours'],
    ['* * * * ? *', 'Every minute'],
    // days of the week
    ['0 9 ? * 2,4,6 *', 'At 09:00, on Monday, Wednesday and Friday'],
    ['0 9 ? * SAT,SUN *', 'At 09:00, on Saturday and Sunday'],
    ['0 9 ? * FRI-MON *', 'At 09:00, Friday through Monday'],
    ['0 9 ? * MON-WED,FRI *', 'At 09:00, on Monday through Wednesday and Friday'],
    ['0 9 ? * 1-7 *', 'At 09:00, every day'],
    ['0 9 ? * L *', 'At 09:00, on Saturday'],
    ['0 9 ? * 3#2 *', 'At 09:00, on the second Tuesday of the month'],
    ['0 9 ? * MON#1 *', 'At 09:00, on the first Monday of the month'],
    ['0 9 ? * 6L *', 'At 09:00, on the last Friday of the month'],
    // days of the month
    ['0 9 1 * ? *', 'At 09:00, on the 1st of the month'],
    ['0 9 1,15 * ? *', 'At 09:00, on the 1st and 15th of the month'],
    ['0 9 2,3,22,23 * ? *', 'At 09:00, on the 2nd, 3rd, 22nd and 23rd of the month'],
    ['0 9 11,12,13 * ? *', 'At 09:00, on the 11th through 13th of the month'],
    ['0 9 1-10 * ? *', 'At 09:00, on the 1st through 10th of the month'],
    ['0 9 */2 * ? *', 'At 09:00, every 2 days from the 1st to the 31st of the month'],
    ['0 9 LW * ? *', 'At 09:00, on the last weekday of the month'],
    ['0 9 15W * ? *', 'At 09:00, on the weekday nearest the 15th of the month'],
    // months
    ['0 9 15 JAN ? *', 'At 09:00, on January 15'],
    ['0 9 1,15 FEB ? *', 'At 09:00, on February 1 and 15'],
    ['0 9 L 2 ? *', 'At 09:00, on the last day of February'],
    ['0 9 LW 12 ? *', 'At 09:00, on the last weekday of December'],
    ['0 9 15W 3 ? *', 'At 09:00, on the weekday nearest March 15'],
    ['0 9 ? 1,7 * *', 'At 09:00, every day, in January and July'],
    ['0 9 ? MAR-OCT * *', 'At 09:00, every day, from March through October'],
    ['0 9 1 */3 ? *', 'At 09:00, on the 1st of the month, in January, April, July and October'],
    ['0 9 ? 6 MON *', 'At 09:00, on Monday, in June'],
    // years
    ['0 9 * * ? 2024-2026', 'At 09:00, every day, from 2024 through 2026'],
    ['0 9 * * ? 2024,2026', 'At 09:00, every day, in 2024 and 2026'],
    ['0 9 * * ? 2024/2', 'At 09:00, every day, every 2 years from 2024'],
    ['0 9 * * ? 2030/1', 'At 09:00, every day, every year from 2030'],
  ])('%s → %s', (expr, text) => {
    expect(describeCron(expr)).toBe(text);
  });

  it('takes a parsed expression as well as a string', () => {
    const parsed = parseCron('45 8 ? * MON-FRI *');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(describeCron(parsed.cron)).toBe('At 08:45, Monday through Friday');
  });

  it('throws CronParseError for an invalid expression', () => {
    expect(() => describeCron('0 9 ? * 8 *')).toThrow(CronParseError);
  });
});
