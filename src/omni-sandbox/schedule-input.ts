// Reads a create/update body into flat, typed fields. Accepts both readings of Omni's sources:
// `url` or `webhookUrl`; `fanOut`/`port` as strings; `recipients` as strings or `{ email }` objects.
import { badRequest } from './http.js';
import type { SandboxState, Schedule } from './state.js';
import { expectType, isObject, optionalBoolean, optionalInteger, optionalString, typeName } from './validation.js';

/** `undefined`: not sent (keep); `null`: cleared. */
export type ScheduleFields = {
  identifier?: string | null;
  name?: string | null;
  schedule?: string | null;
  timezone?: string | null;
  format?: string | null;
  destinationType?: string | null;
  filterConfig?: Record<string, unknown> | null;
  conditionType?: string | null;
  conditionQueryMapKey?: string | null;
  queryIdentifierMapKey?: string | null;
  hideTitle?: boolean | null;
  hideHiddenFields?: boolean | null;
  enableFormatting?: boolean | null;
  showContentLink?: boolean | null;
  showFilters?: boolean | null;
  killJobsOnFailure?: boolean | null;
  fanOut?: boolean | null;
  paperFormat?: string | null;
  paperOrientation?: string | null;
  expandTablesToShowAllRows?: boolean | null;
  singleColumnLayout?: boolean | null;
  overrideRowLimit?: boolean | null;
  maxRowLimit?: number | null;
  /** Raw: its meaning depends on the destination (emails, or Slack IDs). */
  recipients?: unknown;
  subject?: string | null;
  textBody?: string | null;
  slackRecipientType?: string | null;
  url?: string | null;
  address?: string | null;
  port?: number | null;
  username?: string | null;
  passwordUnencrypted?: string | null;
  /** Set when an existing SFTP destination already holds a password (never echoed back). */
  keepsPassword?: boolean;
  path?: string | null;
  bucketName?: string | null;
  region?: string | null;
  roleArn?: string | null;
  keyPrefix?: string | null;
  testNow?: boolean | null;
};

const STRING_FIELDS = [
  'identifier',
  'name',
  'schedule',
  'timezone',
  'format',
  'destinationType',
  'conditionType',
  'conditionQueryMapKey',
  'queryIdentifierMapKey',
  'paperFormat',
  'paperOrientation',
  'subject',
  'textBody',
  'slackRecipientType',
  'address',
  'username',
  'passwordUnencrypted',
  'path',
  'bucketName',
  'region',
  'roleArn',
  'keyPrefix',
] as const;

const BOOLEAN_FIELDS = [
  'hideTitle',
  'hideHiddenFields',
  'enableFormatting',
  'showContentLink',
  'showFilters',
  'killJobsOnFailure',
  'fanOut',
  'expandTablesToShowAllRows',
  'singleColumnLayout',
  'testNow',
] as const;

export function readScheduleFields(body: Record<string, unknown>): ScheduleFields {
  const fields: Record<string, unknown> = {};
  for (const key of STRING_FIELDS) {
    const value = optionalString(body, key);
    if (value !== undefined) fields[key] = value;
  }
  for (const key of BOOLEAN_FIELDS) {
    const value = optionalBoolean(body, key);
    if (value !== undefined) fields[key] = value;
  }
  // One render types overrideRowLimit as an integer; every example sends `true`.
  const override = body.overrideRowLimit;
  if (override === 0 || override === 1) fields.overrideRowLimit = override === 1;
  else if (override !== undefined) fields.overrideRowLimit = optionalBoolean(body, 'overrideRowLimit');
  for (const key of ['port', 'maxRowLimit'] as const) {
    const value = optionalInteger(body, key);
    if (value !== undefined) fields[key] = value;
  }
  // The docs say `url`; Omni's spec says `webhookUrl`.
  const url = optionalString(body, 'url') ?? optionalString(body, 'webhookUrl');
  if (url !== undefined) fields.url = url;
  else if ('url' in body || 'webhookUrl' in body) fields.url = null;
  if (body.filterConfig !== undefined) {
    if (body.filterConfig !== null) expectType('filterConfig', body.filterConfig, 'object');
    fields.filterConfig = body.filterConfig;
  }
  if (body.recipients !== undefined) fields.recipients = body.recipients;
  return fields as ScheduleFields;
}

/** Email recipients as addresses: strings, `{ email }` objects, or one comma-separated string. */
export function readEmailRecipients(raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (!Array.isArray(raw)) throw badRequest(`recipients: Expected array, received ${typeName(raw)}`);
  return raw.map((item) => (isObject(item) ? item.email : item));
}

/** Slack recipients: a channel ID, or user IDs as an array or a comma-separated string. */
export function readSlackRecipients(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const items = typeof raw === 'string' ? raw.split(',') : raw;
  if (!Array.isArray(items)) throw badRequest(`recipients: Expected string or array, received ${typeName(raw)}`);
  return items.map((item) => (typeof item === 'string' ? item.trim() : String(item))).filter(Boolean);
}

/** The fields an existing schedule would send back, for partial updates. */
export function fieldsOf(schedule: Schedule, state: SandboxState): ScheduleFields {
  const { options, destination } = schedule;
  const fields: ScheduleFields = {
    identifier: schedule.identifier,
    name: schedule.name,
    schedule: schedule.schedule,
    timezone: schedule.timezone,
    format: schedule.format,
    destinationType: destination.type,
    filterConfig: schedule.filterConfig,
    conditionType: schedule.conditionType,
    conditionQueryMapKey: schedule.conditionQueryMapKey,
    ...options,
  };
  switch (destination.type) {
    case 'email':
      fields.recipients = destination.recipients.map((r) => emailOf(state, r.userId));
      fields.subject = destination.subject;
      fields.textBody = destination.textBody;
      break;
    case 'slack':
      fields.slackRecipientType = destination.slackRecipientType;
      fields.recipients = destination.recipients;
      fields.textBody = destination.textBody;
      break;
    case 'webhook':
      fields.url = destination.url;
      break;
    case 'sftp':
      Object.assign(fields, {
        address: destination.address,
        port: destination.port,
        username: destination.username,
        path: destination.path,
        keepsPassword: destination.hasPassword,
      });
      break;
    case 's3':
      Object.assign(fields, {
        bucketName: destination.bucketName,
        region: destination.region,
        roleArn: destination.roleArn,
        keyPrefix: destination.keyPrefix,
      });
      break;
  }
  return fields;
}

export function emailOf(state: SandboxState, userId: string): string {
  return state.members.get(userId)?.email ?? state.findEmailOnlyUserById(userId)?.email ?? '';
}
