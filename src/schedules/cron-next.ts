import { matchingDays } from './cron-days.js';
import { toCronExpression } from './cron-parse.js';
import { type CronExpression, MAX_YEAR } from './cron-types.js';
import { assertTimeZone, wallClockMs, wallToInstant } from './zone-offset.js';

const MINUTE_MS = 60_000;

/**
 * The next `count` run instants of a cron expression evaluated in an IANA time zone, strictly
 * after `from` (default: now), ascending. Fewer are returned when the expression runs out (its
 * year field ends, at the latest in 2199) or never matches (e.g. `0 0 30 FEB ? *`).
 *
 * Daylight saving, as AWS EventBridge Scheduler documents it ("When the time shifts forward in
 * Spring, your schedule invocation gets skipped if the cron expression falls on a non-existent date
 * and time. When the time shifts back in the Fall, your schedule runs only once"):
 * - a local time inside a skipped hour does not run at all that day: `30 2 * * ? *` in
 *   America/New_York has no run on the spring-forward Sunday, and an hourly cron has 23 runs;
 * - a local time inside a repeated hour runs once, at its first occurrence (still in daylight
 *   time): `30 1 * * ? *` runs at 01:30 EDT, not again at 01:30 EST, and an hourly cron has 24 runs.
 *
 * Works calendar-first (years → months → matching days → hours → minutes), so sparse expressions
 * such as `0 0 1 1 ? 2099` cost a handful of steps, not a scan of every minute.
 */
export function nextRuns(
  expr: string | CronExpression,
  timeZone: string,
  count: number,
  from: Date = new Date(),
): Date[] {
  const cron = toCronExpression(expr);
  assertTimeZone(timeZone);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const fromMs = from.getTime();
  if (Number.isNaN(fromMs)) throw new RangeError('from is not a valid date');
  const runs: Date[] = [];
  if (count === 0) return runs;
  // Mapping each wall time to its first occurrence keeps instants in wall-clock order, so no wall
  // time before `from`'s own can be a later instant: the walk starts at `from`'s minute.
  const start = Math.floor(wallClockMs(timeZone, fromMs) / MINUTE_MS) * MINUTE_MS;
  for (const wall of wallTimesFrom(cron, start)) {
    const instant = wallToInstant(timeZone, wall);
    if (instant === undefined || instant <= fromMs) continue;
    runs.push(new Date(instant));
    if (runs.length === count) break;
  }
  return runs;
}

/** Every local wall time (as a wall number) the expression matches, at or after `startWall`, ascending. */
export function* wallTimesFrom(cron: CronExpression, startWall: number): Generator<number> {
  const start = new Date(startWall);
  const [y0, mo0, d0, h0, mi0] = [
    start.getUTCFullYear(),
    start.getUTCMonth() + 1,
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
  ];
  for (const year of cron.year.values) {
    if (year < y0) continue;
    if (year > MAX_YEAR) return;
    const yearIsFirst = year === y0;
    for (const month of cron.month.values) {
      if (yearIsFirst && month < mo0) continue;
      const monthIsFirst = yearIsFirst && month === mo0;
      for (const day of matchingDays(cron, year, month)) {
        if (monthIsFirst && day < d0) continue;
        const dayIsFirst = monthIsFirst && day === d0;
        for (const hour of cron.hour.values) {
          if (dayIsFirst && hour < h0) continue;
          const hourIsFirst = dayIsFirst && hour === h0;
          for (const minute of cron.minute.values) {
            if (hourIsFirst && minute < mi0) continue;
            yield Date.UTC(year, month - 1, day, hour, minute);
          }
        }
      }
    }
  }
}
