// User attribute values, checked against Omni's definitions (GET /api/v1/user-attributes) before they
// are sent: the attribute must exist and be settable, a Number attribute takes numbers, a multi-value
// attribute takes a list (typed as comma-separated values). An empty value unsets the attribute.
import type { UserAttribute } from '../omni/index.js';

/** The only system attribute Omni accepts on email-only users; the app fills it from Slack's time zone. */
export const TIMEZONE_ATTRIBUTE = 'omni_user_timezone';

export type AttributeValue = string | number | null | (string | number)[];

export type ValueCheck = { ok: true; value: AttributeValue } | { ok: false; message: string };

/** The attribute by its reference name (exact), else by name or label ignoring case. */
export function findAttribute(defs: readonly UserAttribute[], name: string): UserAttribute | undefined {
  const wanted = name.trim().toLowerCase();
  return (
    defs.find((d) => d.name === name.trim()) ??
    defs.find((d) => d.name.toLowerCase() === wanted) ??
    defs.find((d) => (d.label ?? '').toLowerCase() === wanted)
  );
}

/** Why this attribute cannot be set on email-only users, or undefined when it can. */
export function unsettableReason(def: UserAttribute): string | undefined {
  if (def.system && def.name !== TIMEZONE_ATTRIBUTE) {
    return `\`${def.name}\` is a system attribute that Omni sets itself; it cannot be set on email-only users`;
  }
  return undefined;
}

export function isMultiValue(def: UserAttribute): boolean {
  return def.multiple_values === true;
}

export function isNumberAttribute(def: UserAttribute): boolean {
  return def.type.toLowerCase() === 'number';
}

/** Text (as typed, or from a Slack profile field) → the value Omni expects for `def`, or why it cannot be. */
export function attributeValueFromText(def: UserAttribute, text: string): ValueCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: isMultiValue(def) ? [] : null };
  const items = isMultiValue(def)
    ? trimmed
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : [trimmed];
  const values: (string | number)[] = [];
  for (const item of items) {
    const checked = itemValue(def, item);
    if (!checked.ok) return checked;
    values.push(checked.value as string | number);
  }
  return { ok: true, value: isMultiValue(def) ? values : (values[0] as string | number) };
}

function itemValue(def: UserAttribute, item: string): ValueCheck {
  if (def.name === TIMEZONE_ATTRIBUTE) {
    return isIanaTimeZone(item)
      ? { ok: true, value: item }
      : {
          ok: false,
          message: `\`${item}\` is not a time zone Omni accepts; use an IANA name such as America/New_York`,
        };
  }
  if (isNumberAttribute(def)) {
    const n = Number(item);
    if (!Number.isFinite(n)) {
      return { ok: false, message: `\`${def.name}\` is a number attribute in Omni, but \`${item}\` is not a number` };
    }
    return { ok: true, value: n };
  }
  return { ok: true, value: item };
}

export interface AttributeAssignment {
  /** As typed: a reference name or a label. */
  name: string;
  /** As typed; '' unsets. */
  text: string;
}

export interface CheckedAssignments {
  /** Keyed by Omni's reference name, ready for `userAttributes`. */
  values: Record<string, AttributeValue>;
  /** One line per refused assignment, saying what is wrong. */
  problems: string[];
}

/** Checks typed `name=value` pairs against Omni's attributes; nothing is sent while `problems` is not empty. */
export function checkAssignments(
  assignments: readonly AttributeAssignment[],
  defs: readonly UserAttribute[],
): CheckedAssignments {
  const values: Record<string, AttributeValue> = {};
  const problems: string[] = [];
  for (const { name, text } of assignments) {
    const def = findAttribute(defs, name);
    if (!def) {
      problems.push(unknownAttributeMessage(name, defs));
      continue;
    }
    const unsettable = unsettableReason(def);
    if (unsettable) {
      problems.push(unsettable);
      continue;
    }
    const checked = attributeValueFromText(def, text);
    if (checked.ok) values[def.name] = checked.value;
    else problems.push(checked.message);
  }
  return { values, problems };
}

export function unknownAttributeMessage(name: string, defs: readonly UserAttribute[]): string {
  const settable = defs.filter((d) => !unsettableReason(d)).map((d) => `\`${d.name}\``);
  const known = settable.length > 0 ? ` Its attributes: ${settable.join(', ')}.` : '';
  return `Omni has no user attribute \`${name}\`.${known}`;
}

export function isIanaTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
