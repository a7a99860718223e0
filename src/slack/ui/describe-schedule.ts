// A schedule's cron in plain words for Slack ("At 09:00, on Monday"). Falls back to the raw expression,
// in code style, when it cannot be read (Omni may know a form this app does not).
import { describeCron } from '../../schedules/cron.js';

export function describeSchedule(cron: string): string {
  try {
    return describeCron(cron);
  } catch {
    return `cron \`${cron.replaceAll('`', "'")}\``;
  }
}
