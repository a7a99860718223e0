// The schedule presets the create modal offers, and the cron each stands for, both ways.
import { parseCron } from './cron-parse.js';
import { type CronExpression, type CronField, MAX_YEAR, MIN_YEAR, WEEKDAY_NAMES } from './cron-types.js';

export type Weekday = (typeof WEEKDAY_NAMES)[number];
export const WEEKDAYS: readonly Weekday[] = WEEKDAY_NAMES;
const WORKWEEK: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

export type Preset =
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekdays'; hour: number; minute: number }
  /** `days` in cron order (SUN first), unique, at least one. */
  | { kind: 'weekly'; days: Weekday[]; hour: number; minute: number }
  | { kind: 'monthly'; day: number | 'last'; hour: number; minute: number }
  /** Anything else, kept as written. */
  | { kind: 'custom'; cron: string };

export type PresetKind = Preset['kind'];

/** The Omni cron for a preset. Throws RangeError naming the bad part of an invalid preset. */
export function presetToCron(preset: Preset): string {
  if (preset.kind === 'custom') return preset.cron.trim();
  checkRange('minute', preset.minute, 0, 59);
  if (preset.kind === 'hourly') return `${preset.minute} * * * ? *`;
  checkRange('hour', preset.hour, 0, 23);
  const time = `${preset.minute} ${preset.hour}`;
  switch (preset.kind) {
    case 'daily':
      return `${time} ? * * *`;
    case 'weekdays':
      return `${time} ? * MON-FRI *`;
    case 'weekly': {
      const days = sortDays(preset.days);
      if (days.length === 0) throw new RangeError('A weekly schedule needs at least one day');
      // The same cron as the equivalent daily or weekdays preset, so one schedule has one spelling.
      if (days.length === 7) return `${time} ? * * *`;
      if (sameDays(days, WORKWEEK)) return `${time} ? * MON-FRI *`;
      return `${time} ? * ${days.join(',')} *`;
    }
    case 'monthly':
      if (preset.day !== 'last') checkRange('day of month', preset.day, 1, 31);
      return `${time} ${preset.day === 'last' ? 'L' : preset.day} * ? *`;
  }
}

/** The preset a cron expression is, or `{ kind: 'custom', cron }` for anything else (invalid ones too). */
export function cronToPreset(expr: string): Preset {
  const custom: Preset = { kind: 'custom', cron: expr.trim() };
  const parsed = parseCron(expr);
  if (!parsed.ok) return custom;
  const cron = parsed.cron;
  const minute = single(cron.minute);
  if (minute === undefined || !isEveryYear(cron.year) || cron.month.values.length !== 12) return custom;
  if (cron.hour.values.length === 24) return runsEveryDay(cron) ? { kind: 'hourly', minute } : custom;
  const hour = single(cron.hour);
  if (hour === undefined) return custom;
  if (runsEveryDay(cron)) return { kind: 'daily', hour, minute };
  const { dayOfMonth, dayOfWeek } = cron;
  if (dayOfWeek.kind === 'days') {
    const days = dayOfWeek.field.values.map((value) => WEEKDAY_NAMES[value - 1] as Weekday);
    if (sameDays(days, WORKWEEK)) return { kind: 'weekdays', hour, minute };
    return { kind: 'weekly', days, hour, minute };
  }
  if (dayOfMonth.kind === 'last') return { kind: 'monthly', day: 'last', hour, minute };
  if (dayOfMonth.kind === 'days') {
    const day = single(dayOfMonth.field);
    if (day !== undefined) return { kind: 'monthly', day, hour, minute };
  }
  return custom;
}

/**
 * The form `cronToPreset(presetToCron(preset))` gives back: weekly on every day is daily, weekly
 * Monday–Friday is weekdays, days are sorted and unique, and a custom cron that is a preset becomes it.
 */
export function normalizePreset(preset: Preset): Preset {
  return cronToPreset(presetToCron(preset));
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`The ${name} must be a whole number ${min}–${max}, got ${value}`);
  }
}

function sortDays(days: readonly Weekday[]): Weekday[] {
  for (const day of days) if (!WEEKDAY_NAMES.includes(day)) throw new RangeError(`Unknown weekday "${day}"`);
  return WEEKDAY_NAMES.filter((day) => days.includes(day));
}

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((day) => b.includes(day));
}

function single(field: CronField): number | undefined {
  return field.values.length === 1 ? field.values[0] : undefined;
}

function isEveryYear(field: CronField): boolean {
  return field.values.length === MAX_YEAR - MIN_YEAR + 1;
}

function runsEveryDay(cron: CronExpression): boolean {
  const { dayOfMonth, dayOfWeek } = cron;
  if (dayOfMonth.kind === 'days') return dayOfMonth.field.values.length === 31;
  return dayOfWeek.kind === 'days' && dayOfWeek.field.values.length === 7;
}
