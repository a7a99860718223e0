// Omni's cron dialect (AWS EventBridge cron), Slack-free: parse, describe, next runs, frequency.
export { matchingDays } from './cron-days.js';
export { describeCron } from './cron-describe.js';
export { frequencyWarning, minIntervalMinutes } from './cron-frequency.js';
export { nextRuns } from './cron-next.js';
export { parseCron, toCronExpression } from './cron-parse.js';
export {
  type CronExpression,
  type CronField,
  type CronFieldName,
  type CronItem,
  CronParseError,
  type DayOfMonthField,
  type DayOfWeekField,
  MAX_YEAR,
  MIN_YEAR,
  type ParseCronResult,
} from './cron-types.js';
