import { describe, expect, it } from 'vitest';
import { CronParseError, parseCron, toCronExpression } from '../../src/schedules/cron.js';

function parsed(expr: string) {
  const result = parseCron(expr);
  if (!result.ok) throw new Error(`expected ${expr} to parse: ${result.message}`);
  return result.cron;
}

function failure(expr: string) {
  const result = parseCron(expr);
  if (result.ok) throw new Error(`expected ${expr} to be refused`);
  return { field: result.field, message: result.message };
}

describe('parseCron: Omni documented examples', () => {
  it.each([
    '0 9 ? * * *',
    '30 6 L * ? *',
    '45 8 ? * MON-FRI *',
    '0 9 ? * MON *',
    '0 */6 * * ? *',
    '00 09 ? * 2,3,4,5,6 *',
    '0 0 1 1 ? 2099',
  ])('accepts %s', (expr) => {
    expect(parseCron(expr).ok).toBe(true);
  });
});

describe('parseCron: structure', () => {
  it('expands minutes, hours, steps and ranges into sorted values', () => {
    const cron = parsed('0/15 8-10,17 * * ? *');
    expect(cron.minute.values).toEqual([0, 15, 30, 45]);
    expect(cron.hour.values).toEqual([8, 9, 10, 17]);
    expect(cron.dayOfMonth).toMatchObject({ kind: 'days' });
    expect(cron.dayOfWeek).toEqual({ kind: 'any' });
  });

  it('reads AWS `1/10` as every tenth minute from minute 1', () => {
    expect(parsed('1/10 * * * ? *').minute.values).toEqual([1, 11, 21, 31, 41, 51]);
  });

  it('reads month and weekday names in any case, 1 = Sunday … 7 = Saturday', () => {
    const cron = parsed('0 9 ? jan,Mar-MAY mon-fri *');
    expect(cron.month.values).toEqual([1, 3, 4, 5]);
    expect(cron.dayOfWeek).toMatchObject({ kind: 'days', field: { values: [2, 3, 4, 5, 6] } });
    expect(parsed('0 9 ? * SUN,SAT *').dayOfWeek).toMatchObject({ field: { values: [1, 7] } });
  });

  it('wraps ranges that run past the end of the field', () => {
    expect(parsed('0 22-1 * * ? *').hour.values).toEqual([0, 1, 22, 23]);
    expect(parsed('0 9 ? * FRI-MON *').dayOfWeek).toMatchObject({ field: { values: [1, 2, 6, 7] } });
    expect(parsed('0 9 ? NOV-FEB * *').month.values).toEqual([1, 2, 11, 12]);
  });

  it('parses L, LW, W, # and nL', () => {
    expect(parsed('0 9 L * ? *').dayOfMonth).toEqual({ kind: 'last' });
    expect(parsed('0 9 lw * ? *').dayOfMonth).toEqual({ kind: 'lastWeekday' });
    expect(parsed('0 9 15W * ? *').dayOfMonth).toEqual({ kind: 'nearestWeekday', day: 15 });
    expect(parsed('0 9 ? * 3#2 *').dayOfWeek).toEqual({ kind: 'nth', weekday: 3, nth: 2 });
    expect(parsed('0 9 ? * FRI#1 *').dayOfWeek).toEqual({ kind: 'nth', weekday: 6, nth: 1 });
    expect(parsed('0 9 ? * 6L *').dayOfWeek).toEqual({ kind: 'last', weekday: 6 });
    // AWS: L alone in day-of-week is the last day of the week, Saturday.
    expect(parsed('0 9 ? * L *').dayOfWeek).toMatchObject({ kind: 'days', field: { values: [7] } });
  });

  it('parses the year field: values, ranges, steps and *', () => {
    expect(parsed('0 0 1 1 ? 2099').year.values).toEqual([2099]);
    expect(parsed('0 0 1 1 ? 2024-2026,2030').year.values).toEqual([2024, 2025, 2026, 2030]);
    expect(parsed('0 0 1 1 ? 2190/4').year.values).toEqual([2190, 2194, 2198]);
    const every = parsed('0 0 1 1 ? *').year.values;
    expect([every[0], every[every.length - 1], every.length]).toEqual([1970, 2199, 230]);
  });

  it('keeps the source with single spaces and tolerates surrounding whitespace', () => {
    expect(parsed('  0   9 ? *  MON * ').source).toBe('0 9 ? * MON *');
  });
});

describe('parseCron: errors name the field and the fault', () => {
  it.each([
    ['0 9 * *', undefined, 'Expected 6 fields (minute hour day-of-month month day-of-week year), got 4'],
    ['', undefined, 'Expected 6 fields (minute hour day-of-month month day-of-week year), got 0'],
    ['0 9 ? * MON * 1', undefined, 'Expected 6 fields (minute hour day-of-month month day-of-week year), got 7'],
    ['60 9 * * ? *', 'minute', 'Minute: 60 is out of range 0–59'],
    ['0 24 * * ? *', 'hour', 'Hour: 24 is out of range 0–23'],
    ['0 9 0 * ? *', 'dayOfMonth', 'Day of month: 0 is out of range 1–31'],
    ['0 9 32 * ? *', 'dayOfMonth', 'Day of month: 32 is out of range 1–31'],
    ['0 9 * 13 ? *', 'month', 'Month: 13 is out of range 1–12 (JAN–DEC)'],
    ['0 9 ? * 8 *', 'dayOfWeek', 'Day of week: 8 is out of range 1–7 (SUN–SAT)'],
    ['0 9 ? * 0 *', 'dayOfWeek', 'Day of week: 0 is out of range 1–7 (SUN–SAT)'],
    ['0 9 * * ? 1969', 'year', 'Year: 1969 is out of range 1970–2199'],
    ['0 9 * * ? 2200', 'year', 'Year: 2200 is out of range 1970–2199'],
    ['0 9 ? JANUARY * *', 'month', 'Month: JANUARY is not a number or a month name (JAN–DEC)'],
    ['0 9 ? * MONDAY *', 'dayOfWeek', 'Day of week: MONDAY is not a number or a day name (SUN–SAT)'],
    ['0 9 ? MON * *', 'month', 'Month: MON is not a number or a month name (JAN–DEC)'],
    ['x 9 * * ? *', 'minute', 'Minute: x is not a number'],
    ['? 9 * * ? *', 'minute', 'Minute: ? is only allowed in day-of-month or day-of-week'],
    ['0 9 1,? * ? *', 'dayOfMonth', 'Day of month: ? stands alone, not in a list'],
    ['0,,30 9 * * ? *', 'minute', 'Minute: empty item in list (check for doubled or trailing commas)'],
    ['*/0 9 * * ? *', 'minute', 'Minute: step 0 must be a number 1–60'],
    ['*/x 9 * * ? *', 'minute', 'Minute: step x must be a number 1–60'],
    ['0 9/ * * ? *', 'hour', 'Hour: step (empty) must be a number 1–24'],
    ['0 1/2/3 * * ? *', 'hour', 'Hour: 1/2/3 has more than one /'],
    ['0 1- * * ? *', 'hour', 'Hour: 1- is not a valid range'],
    ['0 1-2-3 * * ? *', 'hour', 'Hour: 1-2-3 is not a valid range'],
    ['0 *-3 * * ? *', 'hour', 'Hour: * cannot be part of a range'],
    ['0 9 * * ? 2030-2025', 'year', 'Year: range 2030-2025 goes backwards'],
    [
      '0 9 L-2 * ? *',
      'dayOfMonth',
      'Day of month: L-2 is not valid: L and W stand alone (L, LW or 15W), not in a list or range',
    ],
    [
      '0 9 1,15W * ? *',
      'dayOfMonth',
      'Day of month: 1,15W is not valid: L and W stand alone (L, LW or 15W), not in a list or range',
    ],
    ['0 9 32W * ? *', 'dayOfMonth', 'Day of month: 32 is out of range 1–31'],
    ['0 9 ? * 3#6 *', 'dayOfWeek', 'Day of week: 3#6: the occurrence after # must be 1–5'],
    ['0 9 ? * 8#1 *', 'dayOfWeek', 'Day of week: 8 is out of range 1–7 (SUN–SAT)'],
    [
      '0 9 ? * 3#1,6#3 *',
      'dayOfWeek',
      'Day of week: 3#1,6#3 is not valid: # stands alone (e.g. 3#2, the second Tuesday), not in a list or range',
    ],
    ['0 9 ? * */2 *', 'dayOfWeek', 'Day of week: steps (/) are not allowed in this field'],
    ['0 9 ? * 9L *', 'dayOfWeek', 'Day of week: 9 is out of range 1–7 (SUN–SAT)'],
    ['0 9 * * MON *', undefined, 'Exactly one of day-of-month and day-of-week must be ?'],
    ['0 9 * * * *', undefined, 'Exactly one of day-of-month and day-of-week must be ?'],
    ['0 9 ? * ? *', undefined, 'Exactly one of day-of-month and day-of-week must be ?'],
  ])('%s → %s', (expr, field, message) => {
    expect(failure(expr)).toEqual({ field, message });
  });

  it('explains a five-field (Unix) cron: the year is missing', () => {
    expect(failure('0 9 * * MON').message).toBe(
      "Expected 6 fields (minute hour day-of-month month day-of-week year), got 5. Omni's cron ends with a year field: add * for every year",
    );
  });

  it('reports the first faulty field, left to right', () => {
    expect(failure('60 24 * * ? *').field).toBe('minute');
  });
});

describe('toCronExpression', () => {
  it('passes a parsed expression through and throws CronParseError with the field otherwise', () => {
    const cron = parsed('0 9 ? * MON *');
    expect(toCronExpression(cron)).toBe(cron);
    let error: unknown;
    try {
      toCronExpression('0 9 ? * 8 *');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CronParseError);
    expect(error).toMatchObject({ field: 'dayOfWeek', message: 'Day of week: 8 is out of range 1–7 (SUN–SAT)' });
  });
});
