// Small validators that produce Omni's `detail` strings. Omni validates with zod, so undocumented
// messages follow zod's wording (`<field>: Expected string, received number`).
import { createRequire } from 'node:module';
import { badRequest } from './http.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Close to zod's email pattern: one @, no spaces, a dotted domain.
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
export const isEmail = (value: unknown): value is string => typeof value === 'string' && EMAIL.test(value);

let zones: Set<string> | undefined;
/**
 * Every name in the IANA tz database, zones and links alike (`Asia/Kolkata` and `Asia/Calcutta`,
 * `Europe/Kyiv`, `Etc/UTC`, `UTC`), exactly as spelled there. Read from the `tzdata` package, not
 * from ICU's `Intl.supportedValuesOf`, which lists one name per zone and often the older one.
 * Except the abbreviation-style names (`EST`, `EST5EDT`, `CET`, …): Omni's documented error
 * says 'Use e.g. "America/New_York" instead of "EST"'. `UTC` and `GMT` stay valid.
 */
export function isIanaTimezone(value: string): boolean {
  zones ??= new Set(
    Object.keys((requireJson('tzdata') as { zones: Record<string, unknown> }).zones).filter(
      (name) => name === 'UTC' || name === 'GMT' || !ABBREVIATION_STYLE.test(name),
    ),
  );
  return zones.has(value);
}

const ABBREVIATION_STYLE = /^[A-Z]{2,4}(\d[A-Z]{3})?$/;

const requireJson = createRequire(import.meta.url);

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request body as an object; a missing body counts as `{}`. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw badRequest(`Expected object, received ${typeName(body)}`);
  return body;
}

export function expectType(field: string, value: unknown, type: 'string' | 'boolean' | 'number' | 'object'): void {
  const actual = typeName(value);
  if (actual !== type) throw badRequest(`${field}: Expected ${type}, received ${actual}`);
}

/** `undefined` when absent, `null` when explicitly cleared, else the string. */
export function optionalString(body: Record<string, unknown>, field: string): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value as undefined | null;
  expectType(field, value, 'string');
  return value as string;
}

/** Booleans, also sent as the strings "true"/"false" by some docs examples. */
export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value as undefined | null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  expectType(field, value, 'boolean');
  return value as boolean;
}

/** Integers, also sent as numeric strings (the SFTP `port: "22"` example). */
export function optionalInteger(body: Record<string, unknown>, field: string): number | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value as undefined | null;
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number') throw badRequest(`${field}: Expected number, received ${typeName(value)}`);
  if (!Number.isInteger(n)) throw badRequest(`${field}: Expected integer, received float`);
  return n;
}

export function enumValue<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const expected = allowed.map((a) => `'${a}'`).join(' | ');
  throw badRequest(`${field}: Invalid enum value. Expected ${expected}, received '${String(value)}'`);
}

export function scheduleIdParam(id: string, prefix = ''): string {
  if (!isUuid(id)) throw badRequest(`${prefix}scheduleId: Invalid uuid`);
  return id.toLowerCase();
}
