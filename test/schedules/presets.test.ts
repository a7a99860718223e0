import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCron, frequencyWarning, parseCron } from '../../src/schedules/cron.js';
import {
  cronToPreset,
  normalizePreset,
  type Preset,
  presetToCron,
  WEEKDAYS,
  type Weekday,
} from '../../src/schedules/presets.js';

describe('presetToCron', () => {
  it.each<[Preset, string, string]>([
    [{ kind: 'hourly', minute: 0 }, '0 * * * ? *', 'Every hour, on the hour'],
    [{ kind: 'hourly', minute: 30 }, '30 * * * ? *', 'Every hour, at 30 minutes past the hour'],
    [{ kind: 'daily', hour: 9, minute: 0 }, '0 9 ? * * *', 'At 09:00, every day'],
    [{ kind: 'weekdays', hour: 8, minute: 45 }, '45 8 ? * MON-FRI *', 'At 08:45, Monday through Friday'],
    [
      { kind: 'weekly', days: ['FRI', 'MON', 'WED'], hour: 17, minute: 5 },
      '5 17 ? * MON,WED,FRI *',
      'At 17:05, on Monday, Wednesday and Friday',
    ],
    [{ kind: 'weekly', days: ['SUN'], hour: 0, minute: 0 }, '0 0 ? * SUN *', 'At 00:00, on Sunday'],
    [{ kind: 'weekly', days: [...WEEKDAYS], hour: 9, minute: 0 }, '0 9 ? * * *', 'At 09:00, every day'],
    [
      { kind: 'weekly', days: ['TUE', 'MON', 'WED', 'THU', 'FRI'], hour: 9, minute: 0 },
      '0 9 ? * MON-FRI *',
      'At 09:00, Monday through Friday',
    ],
    [{ kind: 'monthly', day: 1, hour: 8, minute: 0 }, '0 8 1 * ? *', 'At 08:00, on the 1st of the month'],
    [{ kind: 'monthly', day: 'last', hour: 6, minute: 30 }, '30 6 L * ? *', 'At 06:30, on the last day of the month'],
    [{ kind: 'custom', cron: ' 0 9 ? * 3#2 * ' }, '0 9 ? * 3#2 *', 'At 09:00, on the second Tuesday of the month'],
  ])('%j → %s', (preset, cron, description) => {
    expect(presetToCron(preset)).toBe(cron);
    expect(describeCron(cron)).toBe(description);
  });

  it.each<[Preset, string]>([
    [{ kind: 'hourly', minute: 60 }, 'The minute must be a whole number 0–59, got 60'],
    [{ kind: 'daily', hour: 24, minute: 0 }, 'The hour must be a whole number 0–23, got 24'],
    [{ kind: 'daily', hour: 9.5, minute: 0 }, 'The hour must be a whole number 0–23, got 9.5'],
    [{ kind: 'monthly', day: 0, hour: 9, minute: 0 }, 'The day of month must be a whole number 1–31, got 0'],
    [{ kind: 'weekly', days: [], hour: 9, minute: 0 }, 'A weekly schedule needs at least one day'],
    [{ kind: 'weekly', days: ['MONDAY' as Weekday], hour: 9, minute: 0 }, 'Unknown weekday "MONDAY"'],
  ])('refuses %j', (preset, message) => {
    expect(() => presetToCron(preset)).toThrow(message);
  });
});

describe('cronToPreset', () => {
  it.each<[string, Preset]>([
    ['0 * * * ? *', { kind: 'hourly', minute: 0 }],
    ['15 * ? * * *', { kind: 'hourly', minute: 15 }],
    ['0 9 ? * * *', { kind: 'daily', hour: 9, minute: 0 }],
    ['0 9 * * ? *', { kind: 'daily', hour: 9, minute: 0 }],
    ['00 09 ? * 1-7 *', { kind: 'daily', hour: 9, minute: 0 }],
    ['45 8 ? * MON-FRI *', { kind: 'weekdays', hour: 8, minute: 45 }],
    ['00 09 ? * 2,3,4,5,6 *', { kind: 'weekdays', hour: 9, minute: 0 }],
    ['0 9 ? * MON *', { kind: 'weekly', days: ['MON'], hour: 9, minute: 0 }],
    ['0 9 ? * SAT,SUN *', { kind: 'weekly', days: ['SUN', 'SAT'], hour: 9, minute: 0 }],
    ['0 8 15 * ? *', { kind: 'monthly', day: 15, hour: 8, minute: 0 }],
    ['30 6 L * ? *', { kind: 'monthly', day: 'last', hour: 6, minute: 30 }],
  ])('%s → %j', (cron, preset) => {
    expect(cronToPreset(cron)).toEqual(preset);
  });

  it.each([
    '0 */6 * * ? *', // several hours
    '0 9,17 * * ? *',
    '*/15 * * * ? *', // several minutes
    '0 9 ? * 3#2 *', // nth weekday
    '0 9 ? * 6L *',
    '0 9 LW * ? *',
    '0 9 15W * ? *',
    '0 9 1,15 * ? *', // several days of the month
    '0 9 ? JAN * *', // a month
    '0 0 1 1 ? 2099', // a year
    '0 * ? * MON *', // hourly on some days only
    '0 9 * *', // invalid
  ])('%s is custom, kept as written', (cron) => {
    expect(cronToPreset(cron)).toEqual({ kind: 'custom', cron });
  });
});

const weekday = fc.constantFrom(...WEEKDAYS);
const time = { hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) };
const presetArb: fc.Arbitrary<Preset> = fc.oneof(
  fc.record({ kind: fc.constant('hourly' as const), minute: time.minute }),
  fc.record({ kind: fc.constant('daily' as const), ...time }),
  fc.record({ kind: fc.constant('weekdays' as const), ...time }),
  fc.record({ kind: fc.constant('weekly' as const), days: fc.array(weekday, { minLength: 1, maxLength: 9 }), ...time }),
  fc.record({
    kind: fc.constant('monthly' as const),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('last' as const)),
    ...time,
  }),
);

describe('presets ⇄ cron (property)', () => {
  it("every preset's cron is valid, at most hourly, and parses back to the same preset", () => {
    fc.assert(
      fc.property(presetArb, (preset) => {
        const cron = presetToCron(preset);
        expect(parseCron(cron).ok).toBe(true);
        expect(frequencyWarning(cron)).toBeUndefined();
        const back = cronToPreset(cron);
        expect(back).toEqual(normalizePreset(preset));
        // Normalising only merges equivalent forms: same cron, and the canonical form is a fixed point.
        expect(presetToCron(back)).toBe(cron);
        expect(cronToPreset(presetToCron(back))).toEqual(back);
        if (preset.kind !== 'weekly') expect(back).toEqual(preset);
      }),
      { numRuns: 300 },
    );
  });

  it('weekly presets normalise: sorted unique days, all seven → daily, Monday–Friday → weekdays', () => {
    expect(normalizePreset({ kind: 'weekly', days: ['WED', 'MON', 'WED'], hour: 9, minute: 0 })).toEqual({
      kind: 'weekly',
      days: ['MON', 'WED'],
      hour: 9,
      minute: 0,
    });
    expect(normalizePreset({ kind: 'weekly', days: [...WEEKDAYS], hour: 9, minute: 0 })).toEqual({
      kind: 'daily',
      hour: 9,
      minute: 0,
    });
    expect(normalizePreset({ kind: 'weekly', days: ['FRI', 'THU', 'WED', 'TUE', 'MON'], hour: 9, minute: 0 })).toEqual({
      kind: 'weekdays',
      hour: 9,
      minute: 0,
    });
    expect(normalizePreset({ kind: 'custom', cron: '0 9 ? * * *' })).toEqual({ kind: 'daily', hour: 9, minute: 0 });
  });
});
