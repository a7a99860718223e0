import type { CronExpression } from './cron-types.js';

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of week of a calendar date in cron numbering: 1 = Sunday … 7 = Saturday. */
export function cronWeekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

function isWeekend(year: number, month: number, day: number): boolean {
  const weekday = cronWeekday(year, month, day);
  return weekday === 1 || weekday === 7;
}

/**
 * The days of one month on which the expression runs, ascending. Only the day-of-month and
 * day-of-week fields are looked at (the caller filters months and years).
 */
export function matchingDays(cron: CronExpression, year: number, month: number): number[] {
  const length = daysInMonth(year, month);
  const dom = cron.dayOfMonth;
  switch (dom.kind) {
    case 'days':
      return dom.field.values.filter((day) => day <= length);
    case 'last':
      return [length];
    case 'lastWeekday': {
      let day = length;
      while (isWeekend(year, month, day)) day -= 1;
      return [day];
    }
    case 'nearestWeekday':
      return dom.day > length ? [] : [nearestWeekday(year, month, dom.day, length)];
    case 'any':
      return matchingWeekdays(cron, year, month, length);
  }
}

// Quartz/AWS `W`: a Saturday moves back to Friday and a Sunday on to Monday, unless that would leave
// the month, in which case it goes the other way (1W on a Saturday is Monday the 3rd).
function nearestWeekday(year: number, month: number, day: number, length: number): number {
  const weekday = cronWeekday(year, month, day);
  if (weekday === 7) return day === 1 ? 3 : day - 1;
  if (weekday === 1) return day === length ? day - 2 : day + 1;
  return day;
}

function matchingWeekdays(cron: CronExpression, year: number, month: number, length: number): number[] {
  const dow = cron.dayOfWeek;
  const first = cronWeekday(year, month, 1);
  // The first date in the month that falls on `weekday`.
  const firstOn = (weekday: number) => 1 + ((weekday - first + 7) % 7);
  switch (dow.kind) {
    case 'any':
      return [];
    case 'days': {
      const days: number[] = [];
      for (let day = 1; day <= length; day += 1) {
        if (dow.field.values.includes(((first - 1 + day - 1) % 7) + 1)) days.push(day);
      }
      return days;
    }
    case 'nth': {
      const day = firstOn(dow.weekday) + 7 * (dow.nth - 1);
      return day <= length ? [day] : [];
    }
    case 'last': {
      const start = firstOn(dow.weekday);
      return [start + 7 * Math.floor((length - start) / 7)];
    }
  }
}
