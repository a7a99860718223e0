// Dashboard filter values as one line of text, and back, so a schedule can override them. Filter
// objects are Omni's (`{ type, kind, values }`, `{ type: 'date', kind, left_side, right_side }`);
// an edit changes only the values and keeps every other property as Omni returned it. Filters of
// other shapes are kept as they are and shown read-only.
import type { FilterValue } from './draft.js';

export type FilterEdit = { ok: true; value: FilterValue } | { ok: false; message: string };

const RANGE_SEPARATOR = /\s+(?:to|–|—)\s+/i;

/** The filter's label, else its key. */
export function filterLabel(key: string, filter: FilterValue | undefined): string {
  const label = filter?.label;
  return typeof label === 'string' && label.trim() !== '' ? label : key;
}

/** "US, EU" for a values filter, "2024-01-01 to 2024-12-31" for a range; undefined when not editable as text. */
export function filterText(filter: FilterValue): string | undefined {
  if (Array.isArray(filter.values)) {
    return filter.values.every(isScalar) ? filter.values.map(String).join(', ') : undefined;
  }
  if (isScalar(filter.left_side)) {
    return isScalar(filter.right_side) ? `${filter.left_side} to ${filter.right_side}` : String(filter.left_side);
  }
  return undefined;
}

/** How to type a value for this filter, for the input's hint. */
export function filterHint(filter: FilterValue): string {
  if (Array.isArray(filter.values)) return 'Separate values with commas. Leave empty for any value.';
  if (isScalar(filter.right_side)) return 'Two values separated by "to", e.g. 2024-01-01 to 2024-12-31.';
  return 'One value.';
}

/** A copy of `filter` holding the values typed in `text`. */
export function withFilterText(filter: FilterValue, text: string): FilterEdit {
  const typed = text.trim();
  if (Array.isArray(filter.values)) {
    const parts =
      typed === ''
        ? []
        : typed
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean);
    const numeric =
      filter.type === 'number' || (filter.values.length > 0 && filter.values.every((v) => typeof v === 'number'));
    if (numeric) {
      const bad = parts.filter((part) => !Number.isFinite(Number(part)));
      if (bad.length > 0) return { ok: false, message: `Not numbers: ${bad.join(', ')}.` };
      return { ok: true, value: { ...filter, values: parts.map(Number) } };
    }
    return { ok: true, value: { ...filter, values: parts } };
  }
  if (isScalar(filter.left_side)) {
    if (isScalar(filter.right_side)) {
      const sides = typed.split(RANGE_SEPARATOR);
      if (sides.length !== 2 || !sides[0] || !sides[1]) {
        return { ok: false, message: 'Type two values separated by "to", e.g. 2024-01-01 to 2024-12-31.' };
      }
      return { ok: true, value: { ...filter, left_side: sides[0].trim(), right_side: sides[1].trim() } };
    }
    if (typed === '') return { ok: false, message: 'Type a value.' };
    return { ok: true, value: { ...filter, left_side: typed } };
  }
  return { ok: false, message: 'This filter can only be changed in Omni.' };
}

/** Same filter value, ignoring key order. */
export function sameFilter(a: FilterValue | undefined, b: FilterValue | undefined): boolean {
  return stable(a) === stable(b);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
