import { formatList } from './cron-describe.js';
import { toCronExpression } from './cron-parse.js';
import type { CronExpression } from './cron-types.js';

const DAY_MINUTES = 1440;

/**
 * The shortest gap, in minutes, between two runs on the same day or across one midnight (as if
 * the expression ran every day, ignoring daylight-saving shifts). 1440 when it runs at most once a
 * day. Throws CronParseError for an invalid string.
 */
export function minIntervalMinutes(expr: string | CronExpression): number {
  const cron = toCronExpression(expr);
  const times = cron.hour.values.flatMap((hour) => cron.minute.values.map((minute) => hour * 60 + minute));
  if (times.length < 2) return DAY_MINUTES;
  let shortest = DAY_MINUTES - (times[times.length - 1] as number) + (times[0] as number);
  for (let i = 1; i < times.length; i += 1)
    shortest = Math.min(shortest, (times[i] as number) - (times[i - 1] as number));
  return shortest;
}

/**
 * Why Omni would refuse this schedule as too frequent ("By default, the most frequent you can
 * configure a schedule is hourly"), or undefined when it runs at most hourly. Two values in the
 * minute field always mean two runs within an hour; one value can never run more than hourly.
 */
export function frequencyWarning(expr: string | CronExpression): string | undefined {
  const cron = toCronExpression(expr);
  const minutes = cron.minute.values;
  if (minutes.length < 2) return undefined;
  const gap = minIntervalMinutes(cron);
  const how =
    minutes.length === 60
      ? 'every minute'
      : minutes.length <= 4
        ? `at ${formatList(minutes.map(String))} minutes past the hour`
        : `as often as every ${gap} minutes`;
  return `This schedule runs ${how}, but Omni's minimum is hourly. Put a single minute in the minute field (e.g. 0 for on the hour).`;
}
