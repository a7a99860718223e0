// Omni schedules use AWS (EventBridge/CloudWatch) cron: 6 fields, minute hour day-of-month month
// day-of-week year. This is the sandbox's own checker, independent of the app's cron code.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type FieldSpec = { min: number; max: number; names?: string[] };

const MINUTE: FieldSpec = { min: 0, max: 59 };
const HOUR: FieldSpec = { min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { min: 1, max: 31 };
const MONTH: FieldSpec = { min: 1, max: 12, names: MONTHS };
const DAY_OF_WEEK: FieldSpec = { min: 1, max: 7, names: DAYS };
const YEAR: FieldSpec = { min: 1970, max: 2199 };

function parseValue(text: string, spec: FieldSpec): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= spec.min && n <= spec.max ? n : undefined;
  }
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + spec.min : undefined;
}

/** `*`, `a`, `a-b`, each optionally `/step`, comma-separated. */
function isValidList(field: string, spec: FieldSpec): boolean {
  return field.split(',').every((item) => {
    const [range, step, ...extra] = item.split('/');
    if (extra.length > 0) return false;
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) return false;
    if (range === '*') return true;
    const bounds = range.split('-');
    if (bounds.length === 1) return parseValue(bounds[0], spec) !== undefined;
    if (bounds.length !== 2) return false;
    const lo = parseValue(bounds[0], spec);
    const hi = parseValue(bounds[1], spec);
    return lo !== undefined && hi !== undefined && lo <= hi;
  });
}

function isValidDayOfMonth(field: string): boolean {
  if (field === 'L' || field === 'LW') return true;
  const weekday = /^(\d{1,2})W$/.exec(field);
  if (weekday) return parseValue(weekday[1], DAY_OF_MONTH) !== undefined;
  return isValidList(field, DAY_OF_MONTH);
}

function isValidDayOfWeek(field: string): boolean {
  if (field === 'L') return true;
  const last = /^(\w+)L$/.exec(field);
  if (last) return parseValue(last[1], DAY_OF_WEEK) !== undefined;
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) return parseValue(nth[1], DAY_OF_WEEK) !== undefined;
  return isValidList(field, DAY_OF_WEEK);
}

/** True when `expression` is a valid 6-field AWS cron expression. */
export function isValidAwsCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) return false;
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields;
  // AWS: exactly one of day-of-month and day-of-week is '?'.
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) return false;
  return (
    isValidList(minute, MINUTE) &&
    isValidList(hour, HOUR) &&
    (dayOfMonth === '?' || isValidDayOfMonth(dayOfMonth)) &&
    isValidList(month, MONTH) &&
    (dayOfWeek === '?' || isValidDayOfWeek(dayOfWeek)) &&
    isValidList(year, YEAR)
  );
}
