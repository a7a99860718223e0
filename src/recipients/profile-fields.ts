// Slack profile fields an admin may map to Omni user attributes: the standard ones by name, and the
// workspace's custom fields by id or label (team.profile.get / users.profile.get).
import type { ProfileFieldDefinition } from './directory.js';
import type { SlackProfile } from './types.js';

export const STANDARD_PROFILE_FIELDS = [
  'title',
  'phone',
  'display_name',
  'real_name',
  'first_name',
  'last_name',
  'pronouns',
  'email',
] as const;
export type StandardProfileField = (typeof STANDARD_PROFILE_FIELDS)[number];

const ALIASES: Record<string, StandardProfileField> = {
  'job title': 'title',
  job_title: 'title',
  'display name': 'display_name',
  displayname: 'display_name',
  name: 'real_name',
  'full name': 'real_name',
  full_name: 'real_name',
  'real name': 'real_name',
  'first name': 'first_name',
  'last name': 'last_name',
  phone_number: 'phone',
};

export type ProfileFieldRef =
  | { kind: 'standard'; key: StandardProfileField }
  | { kind: 'custom'; id: string; label: string };

export function standardField(name: string): StandardProfileField | undefined {
  const key = name.trim().toLowerCase();
  if ((STANDARD_PROFILE_FIELDS as readonly string[]).includes(key)) return key as StandardProfileField;
  return ALIASES[key] ?? ALIASES[key.replace(/\s+/g, '_')];
}

/** A field named by an admin → the field, or undefined when neither standard nor one of `custom`. */
export function findProfileField(name: string, custom: readonly ProfileFieldDefinition[]): ProfileFieldRef | undefined {
  const standard = standardField(name);
  if (standard) return { kind: 'standard', key: standard };
  const wanted = name.trim().toLowerCase();
  const field =
    custom.find((f) => f.id.toLowerCase() === wanted) ?? custom.find((f) => f.label.toLowerCase() === wanted);
  return field ? { kind: 'custom', id: field.id, label: field.label } : undefined;
}

/** How a mapping is stored: the standard field's key, or the custom field's id (labels can be renamed). */
export function storedFieldName(ref: ProfileFieldRef): string {
  return ref.kind === 'standard' ? ref.key : ref.id;
}

/** Whether a stored mapping needs users.profile.get (custom fields are not in users.info). */
export function isCustomField(stored: string): boolean {
  return standardField(stored) === undefined;
}

/** The text of a stored field in a profile; undefined when empty or absent. */
export function profileFieldValue(profile: SlackProfile | undefined, stored: string): string | undefined {
  if (!profile) return undefined;
  const standard = standardField(stored);
  if (standard) return nonEmpty(profile[standard]);
  const fields = profile.fields ?? {};
  const wanted = stored.trim().toLowerCase();
  const field =
    Object.entries(fields).find(([id]) => id.toLowerCase() === wanted)?.[1] ??
    Object.values(fields).find((f) => (f.label ?? '').toLowerCase() === wanted);
  return nonEmpty(field?.value) ?? nonEmpty(field?.alt);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
