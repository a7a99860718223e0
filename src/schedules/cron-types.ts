// The parsed form of an Omni cron expression. Omni uses AWS EventBridge cron:
// `minute hour day-of-month month day-of-week year`, day-of-week 1–7 = Sunday..Saturday.

export type CronFieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek' | 'year';

export const CRON_FIELD_ORDER: readonly CronFieldName[] = [
  'minute',
  'hour',
  'dayOfMonth',
  'month',
  'dayOfWeek',
  'year',
];

/** One comma-separated item of a numeric field, as written. */
export type CronItem =
  /** `*` (step 1) or `*\/n`. */
  | { kind: 'all'; step: number }
  /** `5`, or `5/10`: from 5 to the field's maximum, every 10. */
  | { kind: 'value'; value: number; step?: number }
  /** `1-5` or `1-5/2`; `from > to` wraps around the field's end (e.g. `FRI-MON`, `22-2`). */
  | { kind: 'range'; from: number; to: number; step: number };

/** A plain numeric field: its items as written and the values they expand to (sorted, unique). */
export interface CronField {
  readonly text: string;
  readonly items: readonly CronItem[];
  readonly values: readonly number[];
}

export type DayOfMonthField =
  /** `?`: the day is chosen by day-of-week. */
  | { kind: 'any' }
  /** `*`, values, ranges and steps. */
  | { kind: 'days'; field: CronField }
  /** `L`: the last day of the month. */
  | { kind: 'last' }
  /** `LW`: the last weekday (Monday–Friday) of the month. */
  | { kind: 'lastWeekday' }
  /** `15W`: the weekday nearest the 15th, never crossing into another month. */
  | { kind: 'nearestWeekday'; day: number };

export type DayOfWeekField =
  /** `?`: the day is chosen by day-of-month. */
  | { kind: 'any' }
  /** `*`, values, ranges and names; 1 = Sunday … 7 = Saturday. `L` alone means Saturday. */
  | { kind: 'days'; field: CronField }
  /** `6L`: the last Friday of the month. */
  | { kind: 'last'; weekday: number }
  /** `3#2`: the second Tuesday of the month. */
  | { kind: 'nth'; weekday: number; nth: number };

export interface CronExpression {
  /** The expression as given, trimmed, fields separated by single spaces. */
  readonly source: string;
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: DayOfMonthField;
  readonly month: CronField;
  readonly dayOfWeek: DayOfWeekField;
  readonly year: CronField;
}

export type ParseCronResult =
  | { ok: true; cron: CronExpression }
  | { ok: false; field?: CronFieldName; message: string };

/** Thrown by the functions that take an expression string when it does not parse. */
export class CronParseError extends Error {
  readonly field?: CronFieldName;
  constructor(message: string, field?: CronFieldName) {
    super(message);
    this.name = 'CronParseError';
    if (field) this.field = field;
  }
}

export const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;
export const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** AWS accepts years 1970–2199; no run is ever computed past the end. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;
