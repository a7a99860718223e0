import { toCronExpression } from './cron-parse.js';
import type { CronExpression, CronField, DayOfMonthField, DayOfWeekField } from './cron-types.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NTH = ['first', 'second', 'third', 'fourth', 'fifth'];
/** Monday first, Sunday last: how people read a week. */
const WEEK_ORDER = [2, 3, 4, 5, 6, 7, 1];

/**
 * Plain English for a cron expression, in 24-hour local time of the schedule's zone, e.g.
 * `45 8 ? * MON-FRI *` → "At 08:45, Monday through Friday". Throws CronParseError for an invalid string.
 */
export function describeCron(expr: string | CronExpression): string {
  const cron = toCronExpression(expr);
  const singleMonth = cron.month.values.length === 1 ? (cron.month.values[0] as number) : undefined;
  const dayOfMonth = cron.dayOfMonth.kind === 'any' ? undefined : describeDayOfMonth(cron.dayOfMonth, singleMonth);
  const time = describeTime(cron.minute, cron.hour);
  let days = dayOfMonth?.text ?? describeDayOfWeek(cron.dayOfWeek);
  // "Every 15 minutes, every day" says nothing the first part did not.
  if (days === 'every day' && (time.startsWith('Every') || isEvery(cron.hour, 24))) days = '';
  const parts = [time, days, dayOfMonth?.namesMonth ? '' : describeMonths(cron.month), describeYears(cron.year)];
  return parts.filter(Boolean).join(', ');
}

export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (hour: number, minute: number) => `${pad(hour)}:${pad(minute)}`;

function isEvery(field: CronField, size: number): boolean {
  return field.values.length === size;
}

/** The field's only item when it is a step (`*\/6`, `8/2`, `8-18/2`), else undefined. */
function singleStep(field: CronField): number | undefined {
  const [item, ...rest] = field.items;
  if (!item || rest.length > 0) return undefined;
  const step = item.step;
  return step !== undefined && step > 1 ? step : undefined;
}

function isSingleRange(field: CronField): boolean {
  const [item, ...rest] = field.items;
  return rest.length === 0 && item?.kind === 'range' && item.step === 1 && item.from < item.to;
}

function describeTime(minutes: CronField, hours: CronField): string {
  const hourValues = hours.values;
  if (minutes.values.length === 1) {
    const minute = minutes.values[0] as number;
    if (isEvery(hours, 24)) {
      if (minute === 0) return 'Every hour, on the hour';
      return `Every hour, at ${minute} ${minute === 1 ? 'minute' : 'minutes'} past the hour`;
    }
    const first = clock(hourValues[0] as number, minute);
    const last = clock(hourValues[hourValues.length - 1] as number, minute);
    const step = singleStep(hours);
    if (step !== undefined && hourValues.length >= 3) return `Every ${step} hours from ${first} to ${last}`;
    if (isSingleRange(hours) && hourValues.length >= 3) return `Every hour from ${first} to ${last}`;
    return `At ${formatList(hourValues.map((hour) => clock(hour, minute)))}`;
  }
  return [describeMinutes(minutes), describeHoursOfMinutes(hours)].filter(Boolean).join(', ');
}

function describeMinutes(minutes: CronField): string {
  const values = minutes.values;
  if (isEvery(minutes, 60)) return 'Every minute';
  const step = singleStep(minutes);
  // "Every 7 minutes" would hide the 4-minute gap from :56 to :00; only even divisions of the hour qualify.
  if (step !== undefined && values[0] === 0 && 60 % step === 0) return `Every ${step} minutes`;
  if (isSingleRange(minutes)) return `Every minute from ${values[0]} to ${values[values.length - 1]} past the hour`;
  return `At ${formatList(values.map(String))} minutes past the hour`;
}

function describeHoursOfMinutes(hours: CronField): string {
  const values = hours.values;
  if (isEvery(hours, 24)) return '';
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  if (values.length === 1) return `between ${clock(first, 0)} and ${clock(first, 59)}`;
  if (isSingleRange(hours)) return `between ${clock(first, 0)} and ${clock(last, 59)}`;
  return `in the ${formatList(values.map((hour) => clock(hour, 0)))} hours`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** Consecutive runs of three or more become "a through b"; shorter runs are listed. */
function runsOf(
  values: readonly number[],
  name: (value: number) => string,
  consecutive = (a: number, b: number) => b === a + 1,
) {
  const groups: number[][] = [];
  for (const value of values) {
    const group = groups[groups.length - 1];
    if (group && consecutive(group[group.length - 1] as number, value)) group.push(value);
    else groups.push([value]);
  }
  const phrases = groups.flatMap((group) =>
    group.length >= 3
      ? [`${name(group[0] as number)} through ${name(group[group.length - 1] as number)}`]
      : group.map(name),
  );
  return { phrases, singleRun: groups.length === 1 && (groups[0] as number[]).length >= 3 };
}

function describeDayOfMonth(field: DayOfMonthField, month: number | undefined): { text: string; namesMonth: boolean } {
  const monthName = month === undefined ? undefined : MONTHS[month - 1];
  const ofMonth = monthName ?? 'the month';
  switch (field.kind) {
    case 'any':
      return { text: '', namesMonth: false };
    case 'last':
      return { text: `on the last day of ${ofMonth}`, namesMonth: month !== undefined };
    case 'lastWeekday':
      return { text: `on the last weekday of ${ofMonth}`, namesMonth: month !== undefined };
    case 'nearestWeekday':
      return monthName
        ? { text: `on the weekday nearest ${monthName} ${field.day}`, namesMonth: true }
        : { text: `on the weekday nearest the ${ordinal(field.day)} of the month`, namesMonth: false };
    case 'days': {
      const values = field.field.values;
      if (values.length === 31) return { text: 'every day', namesMonth: false };
      const step = singleStep(field.field);
      if (step !== undefined && values.length >= 3) {
        const range = `from the ${ordinal(values[0] as number)} to the ${ordinal(values[values.length - 1] as number)}`;
        return { text: `every ${step} days ${range} of ${ofMonth}`, namesMonth: month !== undefined };
      }
      if (monthName) {
        const { phrases } = runsOf(values, String);
        return { text: `on ${monthName} ${formatList(phrases)}`, namesMonth: true };
      }
      const { phrases } = runsOf(values, ordinal);
      return { text: `on the ${formatList(phrases)} of the month`, namesMonth: false };
    }
  }
}

function describeDayOfWeek(field: DayOfWeekField): string {
  switch (field.kind) {
    case 'any':
      return '';
    case 'last':
      return `on the last ${WEEKDAYS[field.weekday - 1]} of the month`;
    case 'nth':
      return `on the ${NTH[field.nth - 1]} ${WEEKDAYS[field.weekday - 1]} of the month`;
    case 'days': {
      const values = field.field.values;
      if (values.length === 7) return 'every day';
      // Start the week at a chosen day whose eve is not chosen, so FRI-MON reads "Friday through Monday".
      const position = (day: number) => WEEK_ORDER.indexOf(day);
      const chosen = WEEK_ORDER.filter((day) => values.includes(day));
      const start = chosen.findIndex((day) => !values.includes(WEEK_ORDER[(position(day) + 6) % 7] as number));
      const ordered = [...chosen.slice(start), ...chosen.slice(0, start)];
      const { phrases, singleRun } = runsOf(
        ordered,
        (day) => WEEKDAYS[day - 1] as string,
        (a, b) => position(b) === (position(a) + 1) % 7,
      );
      return singleRun ? (phrases[0] as string) : `on ${formatList(phrases)}`;
    }
  }
}

function describeMonths(months: CronField): string {
  if (isEvery(months, 12)) return '';
  const { phrases, singleRun } = runsOf(months.values, (month) => MONTHS[month - 1] as string);
  return singleRun ? `from ${phrases[0]}` : `in ${formatList(phrases)}`;
}

function describeYears(years: CronField): string {
  const values = years.values;
  const [item, ...rest] = years.items;
  if (!item || (item.kind === 'all' && item.step === 1)) return '';
  if (rest.length === 0 && (item.kind === 'all' || (item.kind === 'value' && item.step !== undefined))) {
    const start = values[0] as number;
    return item.step === 1 ? `every year from ${start}` : `every ${item.step} years from ${start}`;
  }
  if (isSingleRange(years)) return `from ${values[0]} through ${values[values.length - 1]}`;
  const { phrases } = runsOf(values, String);
  return `in ${formatList(phrases)}`;
}
