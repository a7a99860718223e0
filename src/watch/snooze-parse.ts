// `/schedule snooze … until <date>` and `… for <duration>`: the wake-up instant, read in the person's time
// zone. Pure: the caller passes "now" and the zone, so tests and the wake-up scheduler agree on the moment.
import { assertTimeZone, wallClockMs, wallToInstant } from '../schedules/zone-offset.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Longest snooze: past a year the person has really meant "pause". */
export const MAX_SNOOZE_MS = 366 * DAY_MS;

export class SnoozeParseError extends Error {
  override readonly name = 'SnoozeParseError';
}

export const SNOOZE_EXAMPLES = '`for 2w`, `for 3d`, `for 36h`, `until Monday`, `until 2027-01-05`, `until Dec 24 9am`';

const UNITS: Record<string, { ms?: number; days?: number }> = {
  m: { ms: MINUTE_MS },
  min: { ms: MINUTE_MS },
  mins: { ms: MINUTE_MS },
  minute: { ms: MINUTE_MS },
  minutes: { ms: MINUTE_MS },
  h: { ms: HOUR_MS },
  hr: { ms: HOUR_MS },
  hrs: { ms: HOUR_MS },
  hour: { ms: HOUR_MS },
  hours: { ms: HOUR_MS },
  d: { days: 1 },
  day: { days: 1 },
  days: { days: 1 },
  w: { days: 7 },
  wk: { days: 7 },
  week: { days: 7 },
  weeks: { days: 7 },
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The instant a snooze ends. `text` is what follows the schedule: `for 2w`, `until Monday`, `until 2027-01-05`,
 * `until Dec 24 9am`. Days and weeks keep the wall-clock time (a DST change does not shift it by an hour);
 * a date without a time means its start (00:00). Throws SnoozeParseError with what was wrong and examples.
 */
export function parseSnoozeEnd(text: string, options: { now: number; timeZone: string }): number {
  const { now, timeZone } = options;
  assertTimeZone(timeZone);
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(for|until|till|til) (.+)$/.exec(input);
  if (!match) throw new SnoozeParseError(`Say how long to snooze: ${SNOOZE_EXAMPLES}.`);
  const end =
    match[1] === 'for' ? forDuration(match[2] as string, now, timeZone) : untilDate(match[2] as string, now, timeZone);
  if (end <= now) throw new SnoozeParseError(`"${text.trim()}" is in the past: pick a later moment.`);
  if (end - now > MAX_SNOOZE_MS)
    throw new SnoozeParseError('A snooze can last at most a year: pause the schedule instead.');
  return end;
}

function forDuration(text: string, now: number, timeZone: string): number {
  const match = /^(\d+(?:\.\d+)?) ?([a-z]+)$/.exec(text);
  const unit = match ? UNITS[match[2] as string] : undefined;
  if (!match || !unit)
    throw new SnoozeParseError(`"for ${text}" is not a duration: use e.g. \`for 2w\`, \`for 3d\`, \`for 36h\`.`);
  const amount = Number(match[1]);
  if (!(amount > 0)) throw new SnoozeParseError('A snooze must last longer than zero.');
  if (unit.ms !== undefined) return now + Math.round(amount * unit.ms);
  const days = amount * (unit.days as number);
  if (!Number.isInteger(days))
    throw new SnoozeParseError(`Use whole days: "${text}" is ${days} days; try hours (\`for 36h\`).`);
  return atWall(timeZone, wallClockMs(timeZone, now) + days * DAY_MS, text);
}

function untilDate(text: string, now: number, timeZone: string): number {
  const nowWall = wallClockMs(timeZone, now);
  const today = nowWall - mod(nowWall, DAY_MS);
  const { rest, timeMs } = splitTime(text);
  let dayWall: number | undefined;
  if (rest === 'today' || rest === '') dayWall = today;
  else if (rest === 'tomorrow') dayWall = today + DAY_MS;
  const weekday = WEEKDAYS.findIndex((name) => name === rest || name.slice(0, 3) === rest);
  if (dayWall === undefined && weekday >= 0) {
    // The next such day, never today: "until Monday" said on a Monday means a week later.
    const todayIndex = new Date(today).getUTCDay();
    const ahead = mod(weekday - todayIndex, 7) || 7;
    dayWall = today + ahead * DAY_MS;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(rest);
  if (dayWall === undefined && iso) dayWall = calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const named =
    /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?$/.exec(rest) ??
    /^(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?$/.exec(rest);
  if (dayWall === undefined && named) {
    const [monthWord, dayText] = /^\d/.test(named[1] as string) ? [named[2], named[1]] : [named[1], named[2]];
    const month = MONTHS.indexOf((monthWord as string).slice(0, 3)) + 1;
    if (month === 0) throw new SnoozeParseError(`"${monthWord}" is not a month.`);
    const explicitYear = named[3] === undefined ? undefined : Number(named[3]);
    const year = explicitYear ?? new Date(today).getUTCFullYear();
    dayWall = calendarDay(year, month, Number(dayText), text);
    // No year and already past: the next one ("until Jan 5" said in December).
    if (explicitYear === undefined && dayWall + (timeMs ?? 0) <= nowWall)
      dayWall = calendarDay(year + 1, month, Number(dayText), text);
  }
  if (dayWall === undefined) {
    throw new SnoozeParseError(`"until ${text}" is not a date I can read: try ${SNOOZE_EXAMPLES}.`);
  }
  if (rest === '' && timeMs === undefined) throw new SnoozeParseError('Say until when.');
  // A bare time ("until 5pm") means today, or tomorrow once it has passed.
  if (rest === '' && dayWall + (timeMs as number) <= nowWall) dayWall += DAY_MS;
  return atWall(timeZone, dayWall + (timeMs ?? 0), text);
}

function splitTime(text: string): { rest: string; timeMs?: number } {
  const match = /^(.*?)(?:,? (?:at )?|^(?:at )?)(\d{1,2})(?::(\d{2}))? ?(am|pm)?$/.exec(text);
  // A lone number without am/pm or minutes is a day ("Dec 24"), not a time.
  if (!match || (match[3] === undefined && match[4] === undefined)) return { rest: text };
  let hour = Number(match[2]);
  const minute = Number(match[3] ?? 0);
  const meridiem = match[4];
  if (meridiem) {
    if (hour < 1 || hour > 12) throw new SnoozeParseError(`"${text}": with am/pm the hour is 1 to 12.`);
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) throw new SnoozeParseError(`"${text}" has no such time of day.`);
  return { rest: (match[1] as string).trim(), timeMs: hour * HOUR_MS + minute * MINUTE_MS };
}

function calendarDay(year: number, month: number, day: number, text: string): number {
  const wall = Date.UTC(year, month - 1, day);
  const back = new Date(wall);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new SnoozeParseError(`"${text}" is not a real date.`);
  return wall;
}

function atWall(timeZone: string, wall: number, text: string): number {
  // A local time skipped by a DST jump: the first moment after the gap (one hour later is always past it).
  const instant = wallToInstant(timeZone, wall) ?? wallToInstant(timeZone, wall + HOUR_MS);
  if (instant === undefined) throw new SnoozeParseError(`"${text}" does not exist in ${timeZone}.`);
  return instant;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
