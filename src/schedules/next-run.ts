// A schedule's next run, as a card shows it: in each viewer's own zone (Slack's `<!date>`) and in the
// schedule's own zone, or why there is none. Pure: Omni's cron and zone in, data out.
import { slackDate } from '../text/slack-date.js';
import { nextRuns } from './cron-next.js';
import { CronParseError } from './cron-types.js';
import { type ScheduleStateFields, scheduleState } from './schedule-state.js';
import { formatInZone } from './timezones.js';

export type NextRun =
  | {
      kind: 'scheduled';
      at: Date;
      /** `<!date^…|…>`: the viewer's own date and time; the fallback is `inScheduleZone`. */
      slackDate: string;
      /** "Mon 7 Dec, 09:00 EST": in the schedule's zone, with its abbreviation. */
      inScheduleZone: string;
      /** The schedule's IANA zone, e.g. `America/New_York`. */
      timeZone: string;
    }
  /** Paused by someone, or disabled by Omni: it will not run until resumed or fixed. */
  | { kind: 'paused' | 'system_disabled' }
  /** The cron has no run left (its year field has passed, or a date such as 30 February). */
  | { kind: 'never' }
  /** Omni's cron or zone could not be read here; the card shows the cron as Omni gave it. */
  | { kind: 'unknown'; reason: string };

export interface NextRunSource extends Omit<ScheduleStateFields, 'lastStatus'> {
  /** Omni's cron (EventBridge dialect). */
  schedule: string;
  timezone: string;
}

export function nextRunOf(schedule: NextRunSource, now: Date = new Date()): NextRun {
  const state = scheduleState({ ...schedule, lastStatus: null });
  if (state !== 'active') return { kind: state };
  let runs: Date[];
  try {
    runs = nextRuns(schedule.schedule, schedule.timezone, 1, now);
  } catch (error) {
    if (error instanceof CronParseError || error instanceof RangeError)
      return { kind: 'unknown', reason: error.message };
    throw error;
  }
  const at = runs[0];
  if (!at) return { kind: 'never' };
  const inScheduleZone = formatInZone(at, schedule.timezone, { now });
  return {
    kind: 'scheduled',
    at,
    slackDate: slackDate(at, inScheduleZone),
    inScheduleZone,
    timeZone: schedule.timezone,
  };
}
