import {
  type CronExpression,
  type CronField,
  type CronFieldName,
  type CronItem,
  CronParseError,
  type DayOfMonthField,
  type DayOfWeekField,
  MAX_YEAR,
  MIN_YEAR,
  MONTH_NAMES,
  type ParseCronResult,
  WEEKDAY_NAMES,
} from './cron-types.js';

interface FieldSpec {
  readonly name: CronFieldName;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly rangeText: string;
  readonly names?: readonly string[];
  /** Ranges like `22-2` that wrap past the field's end; meaningless for years. */
  readonly wraps: boolean;
}

export const FIELD_SPECS: Readonly<Record<CronFieldName, FieldSpec>> = {
  minute: { name: 'minute', label: 'Minute', min: 0, max: 59, rangeText: '0–59', wraps: true },
  hour: { name: 'hour', label: 'Hour', min: 0, max: 23, rangeText: '0–23', wraps: true },
  dayOfMonth: { name: 'dayOfMonth', label: 'Day of month', min: 1, max: 31, rangeText: '1–31', wraps: true },
  month: {
    name: 'month',
    label: 'Month',
    min: 1,
    max: 12,
    rangeText: '1–12 (JAN–DEC)',
    names: MONTH_NAMES,
    wraps: true,
  },
  dayOfWeek: {
    name: 'dayOfWeek',
    label: 'Day of week',
    min: 1,
    max: 7,
    rangeText: '1–7 (SUN–SAT)',
    names: WEEKDAY_NAMES,
    wraps: true,
  },
  year: {
    name: 'year',
    label: 'Year',
    min: MIN_YEAR,
    max: MAX_YEAR,
    rangeText: `${MIN_YEAR}–${MAX_YEAR}`,
    wraps: false,
  },
};

const FIELD_COUNT_HINT = 'minute hour day-of-month month day-of-week year';

class FieldError extends Error {}

/** Parses an Omni (AWS EventBridge) cron expression; the message names the field and the fault. */
export function parseCron(expr: string): ParseCronResult {
  const parts = expr.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 6) {
    const hint = parts.length === 5 ? ". Omni's cron ends with a year field: add * for every year" : '';
    return { ok: false, message: `Expected 6 fields (${FIELD_COUNT_HINT}), got ${parts.length}${hint}` };
  }
  const [minuteText, hourText, domText, monthText, dowText, yearText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  let current: FieldSpec = FIELD_SPECS.minute;
  try {
    const minute = parseNumericField(current, minuteText);
    current = FIELD_SPECS.hour;
    const hour = parseNumericField(current, hourText);
    current = FIELD_SPECS.dayOfMonth;
    const dayOfMonth = parseDayOfMonth(domText);
    current = FIELD_SPECS.month;
    const month = parseNumericField(current, monthText);
    current = FIELD_SPECS.dayOfWeek;
    const dayOfWeek = parseDayOfWeek(dowText);
    current = FIELD_SPECS.year;
    const year = parseNumericField(current, yearText);
    // AWS: "If you use [a value or *] in one, you must use ? in the other."
    if ((dayOfMonth.kind === 'any') === (dayOfWeek.kind === 'any')) {
      return { ok: false, message: 'Exactly one of day-of-month and day-of-week must be ?' };
    }
    return { ok: true, cron: { source: parts.join(' '), minute, hour, dayOfMonth, month, dayOfWeek, year } };
  } catch (error) {
    if (error instanceof FieldError)
      return { ok: false, field: current.name, message: `${current.label}: ${error.message}` };
    throw error;
  }
}

/** A parsed expression, or the string parsed; throws CronParseError when it does not parse. */
export function toCronExpression(expr: string | CronExpression): CronExpression {
  if (typeof expr !== 'string') return expr;
  const parsed = parseCron(expr);
  if (!parsed.ok) throw new CronParseError(parsed.message, parsed.field);
  return parsed.cron;
}

function parseDayOfMonth(text: string): DayOfMonthField {
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'any' };
  if (upper === 'L') return { kind: 'last' };
  if (upper === 'LW') return { kind: 'lastWeekday' };
  const nearest = /^(\d+)W$/.exec(upper);
  if (nearest) return { kind: 'nearestWeekday', day: parseValue(FIELD_SPECS.dayOfMonth, nearest[1] as string) };
  if (/[LW]/.test(upper)) {
    throw new FieldError(`${text} is not valid: L and W stand alone (L, LW or 15W), not in a list or range`);
  }
  return { kind: 'days', field: parseNumericField(FIELD_SPECS.dayOfMonth, text) };
}

function parseDayOfWeek(text: string): DayOfWeekField {
  const spec = FIELD_SPECS.dayOfWeek;
  const upper = text.toUpperCase();
  if (upper === '?') return { kind: 'any' };
  // AWS: "The L wildcard in the Day-of-week field specifies the last day of the week" (Saturday).
  if (upper === 'L') return { kind: 'days', field: { text, items: [{ kind: 'value', value: 7 }], values: [7] } };
  const nth = /^([^,#/-]+)#(\d+)$/.exec(upper);
  if (nth) {
    const weekday = parseValue(spec, nth[1] as string);
    const occurrence = Number(nth[2]);
    if (occurrence < 1 || occurrence > 5) throw new FieldError(`${text}: the occurrence after # must be 1–5`);
    return { kind: 'nth', weekday, nth: occurrence };
  }
  const last = /^([^,#/-]+)L$/.exec(upper);
  if (last) return { kind: 'last', weekday: parseValue(spec, last[1] as string) };
  if (upper.includes('#')) {
    throw new FieldError(`${text} is not valid: # stands alone (e.g. 3#2, the second Tuesday), not in a list or range`);
  }
  if (upper.includes('/')) throw new FieldError('steps (/) are not allowed in this field');
  return { kind: 'days', field: parseNumericField(spec, text) };
}

function parseNumericField(spec: FieldSpec, text: string): CronField {
  const items = text.split(',').map((item) => parseItem(spec, item));
  const values = new Set<number>();
  for (const item of items) for (const value of expandItem(spec, item)) values.add(value);
  return { text, items, values: [...values].sort((a, b) => a - b) };
}

function parseItem(spec: FieldSpec, item: string): CronItem {
  if (item === '') throw new FieldError('empty item in list (check for doubled or trailing commas)');
  if (item === '?') {
    throw new FieldError(
      spec.name === 'dayOfMonth' || spec.name === 'dayOfWeek'
        ? '? stands alone, not in a list'
        : '? is only allowed in day-of-month or day-of-week',
    );
  }
  const slash = item.split('/');
  if (slash.length > 2) throw new FieldError(`${item} has more than one /`);
  const [base, stepText] = slash as [string, string | undefined];
  const step = stepText === undefined ? undefined : parseStep(spec, stepText);
  if (base === '*') return { kind: 'all', step: step ?? 1 };
  const dash = base.split('-');
  if (dash.length === 1) {
    const value = parseValue(spec, base);
    return step === undefined ? { kind: 'value', value } : { kind: 'value', value, step };
  }
  if (dash.length !== 2 || dash[0] === '' || dash[1] === '') throw new FieldError(`${item} is not a valid range`);
  const from = parseValue(spec, dash[0] as string);
  const to = parseValue(spec, dash[1] as string);
  if (from > to && !spec.wraps) throw new FieldError(`range ${base} goes backwards`);
  return { kind: 'range', from, to, step: step ?? 1 };
}

function parseStep(spec: FieldSpec, text: string): number {
  const most = spec.max - spec.min + 1;
  const step = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(step >= 1 && step <= most)) throw new FieldError(`step ${text || '(empty)'} must be a number 1–${most}`);
  return step;
}

function parseValue(spec: FieldSpec, token: string): number {
  if (token === '') throw new FieldError('a value is missing');
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value < spec.min || value > spec.max) throw new FieldError(`${token} is out of range ${spec.rangeText}`);
    return value;
  }
  const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index >= 0) return index + 1;
  if (token === '*') throw new FieldError('* cannot be part of a range');
  const kind =
    spec.name === 'month' ? ' or a month name (JAN–DEC)' : spec.name === 'dayOfWeek' ? ' or a day name (SUN–SAT)' : '';
  throw new FieldError(`${token} is not a number${kind}`);
}

/** The values one item stands for, in the field's order (wrapping ranges continue from the minimum). */
export function expandItem(spec: Pick<FieldSpec, 'min' | 'max'>, item: CronItem): number[] {
  const span = spec.max - spec.min + 1;
  const [from, length, step] =
    item.kind === 'all'
      ? [spec.min, span, item.step]
      : item.kind === 'value'
        ? [item.value, item.step === undefined ? 1 : spec.max - item.value + 1, item.step ?? 1]
        : [item.from, ((item.to - item.from + span) % span) + 1, item.step];
  const values: number[] = [];
  for (let offset = 0; offset < length; offset += step) values.push(spec.min + ((from - spec.min + offset) % span));
  return values;
}
