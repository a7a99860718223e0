// Omni's create/update rules, checked in the order Omni's validation runs: body shape, cron and
// time zone, the document, format options, filters, alert and query keys, then the destination.
import { isValidAwsCron } from './cron-check.js';
import { badRequest, notFound } from './http.js';
import { readEmailRecipients, readSlackRecipients, type ScheduleFields } from './schedule-input.js';
import type { ConditionType, DestinationType, Format, OmniDocument, SandboxState, ScheduleOptions } from './state.js';
import { enumValue, isEmail, isIanaTimezone, isObject } from './validation.js';

export const FORMATS: readonly Format[] = ['link_only', 'pdf', 'png', 'csv', 'xlsx', 'json'];
export const DESTINATION_TYPES: readonly DestinationType[] = ['email', 'webhook', 'sftp', 'slack', 's3'];
export const CONDITION_TYPES: readonly ConditionType[] = [
  'RESULTS_CHANGED',
  'RESULTS_UNCHANGED',
  'RESULTS_PRESENT',
  'RESULTS_MISSING',
];
const PAPER_FORMATS = ['a3', 'a4', 'letter', 'legal', 'fit_page', 'tabloid'] as const;
const REQUIRED = ['identifier', 'name', 'schedule', 'timezone', 'format', 'destinationType'] as const;

/** A destination as validated; email recipients are still addresses (resolved when saved). */
export type DestinationInput =
  | { type: 'email'; emails: string[]; subject: string | null; textBody: string | null }
  | { type: 'slack'; slackRecipientType: 'channel' | 'users'; recipients: string[]; textBody: string | null }
  | { type: 'webhook'; url: string }
  | { type: 'sftp'; address: string; port: number; username: string; path: string | null; password: string | null }
  | { type: 's3'; bucketName: string; region: string; roleArn: string; keyPrefix: string | null };

export type ValidSchedule = {
  identifier: string;
  name: string;
  schedule: string;
  timezone: string;
  format: Format;
  document: OmniDocument;
  destination: DestinationInput;
  options: ScheduleOptions;
  filterConfig: Record<string, unknown> | null;
  conditionType: ConditionType | null;
  conditionQueryMapKey: string | null;
  testNow: boolean;
};

export function validateSchedule(fields: ScheduleFields, state: SandboxState): ValidSchedule {
  for (const key of REQUIRED) {
    const value = fields[key];
    if (value === undefined || value === null || value.trim() === '') throw badRequest(`${key}: ${key} is required`);
  }
  const format = enumValue('format', fields.format, FORMATS);
  const destinationType = enumValue('destinationType', fields.destinationType, DESTINATION_TYPES);
  const conditionType = fields.conditionType ? enumValue('conditionType', fields.conditionType, CONDITION_TYPES) : null;
  const paperOrientation = fields.paperOrientation
    ? enumValue('paperOrientation', fields.paperOrientation, ['portrait', 'landscape'] as const)
    : null;
  const paperFormat = fields.paperFormat
    ? enumValue('paperFormat', fields.paperFormat.toLowerCase(), PAPER_FORMATS)
    : null;
  const schedule = fields.schedule as string;
  if (!isValidAwsCron(schedule)) throw badRequest('schedule: Schedule is an invalid cron expression');
  const timezone = fields.timezone as string;
  if (!isIanaTimezone(timezone)) throw badRequest('timezone: Time zone must be IANA valid.');

  const document = findSchedulableDocument(state, fields.identifier as string);
  checkFormatOptions(fields, format, paperFormat);
  const filterConfig = checkFilterConfig(fields.filterConfig ?? null, document);

  const conditionQueryMapKey = fields.conditionQueryMapKey || null;
  if (Boolean(conditionType) !== Boolean(conditionQueryMapKey)) {
    throw badRequest('Alert conditions require a condition type and a condition query map key');
  }
  const queryIdentifierMapKey = fields.queryIdentifierMapKey || null;
  for (const key of [queryIdentifierMapKey, conditionQueryMapKey]) {
    if (key !== null && !document.queries.some((q) => q.queryIdentifierMapKey === key)) {
      throw badRequest(`Couldn't find query presentation for key: ${key}`);
    }
  }
  const testNow = fields.testNow === true;
  if (testNow && conditionType === 'RESULTS_CHANGED') {
    throw badRequest('Test delivery not supported for condition type RESULTS_CHANGED');
  }
  if (format === 'link_only' && (destinationType === 'sftp' || destinationType === 's3')) {
    throw badRequest(`Format link_only is not supported for destination type ${destinationType}`);
  }
  const destination = readDestination(destinationType, fields);

  return {
    identifier: document.identifier,
    name: fields.name as string,
    schedule,
    timezone,
    format,
    document,
    destination,
    options: {
      queryIdentifierMapKey,
      hideTitle: fields.hideTitle ?? null,
      hideHiddenFields: fields.hideHiddenFields ?? null,
      enableFormatting: fields.enableFormatting ?? null,
      showContentLink: fields.showContentLink ?? null,
      showFilters: fields.showFilters ?? null,
      killJobsOnFailure: fields.killJobsOnFailure ?? false,
      fanOut: destinationType === 'email' ? (fields.fanOut ?? false) : false,
      paperFormat,
      paperOrientation,
      expandTablesToShowAllRows: fields.expandTablesToShowAllRows ?? null,
      singleColumnLayout: fields.singleColumnLayout ?? null,
      overrideRowLimit: fields.overrideRowLimit ?? null,
      maxRowLimit: fields.maxRowLimit ?? null,
    },
    filterConfig,
    conditionType,
    conditionQueryMapKey,
    testNow,
  };
}

/** 404 for an unknown identifier; 400 for an unsaved analysis or a document without a dashboard. */
export function findSchedulableDocument(state: SandboxState, identifier: string): OmniDocument {
  const document = state.documents.get(identifier);
  if (!document) throw notFound(`Document with identifier "${identifier}" not found`);
  if (!document.saved) throw badRequest('Analyses do not support dashboards.');
  if (!document.hasDashboard) throw badRequest('Document does not have a dashboard');
  return document;
}

function checkFormatOptions(fields: ScheduleFields, format: Format, paperFormat: string | null): void {
  const isImage = format === 'pdf' || format === 'png';
  if (fields.hideTitle === true && !isImage) throw badRequest('hideTitle can only be used with PDF or PNG formats');
  if (fields.hideHiddenFields === true && format !== 'csv' && format !== 'xlsx') {
    throw badRequest('hideHiddenFields can only be used with CSV or XLSX formats');
  }
  const pageOptions = paperFormat !== null || Boolean(fields.paperOrientation);
  const layoutOptions = fields.expandTablesToShowAllRows === true || fields.singleColumnLayout === true;
  if ((pageOptions && format !== 'pdf') || (layoutOptions && !isImage)) {
    throw badRequest('Print options are not supported for this format');
  }
  if (paperFormat === 'fit_page' && layoutOptions) {
    throw badRequest('Single column layout and table expansion options are not supported for FIT_PAGE format.');
  }
}

function checkFilterConfig(
  filterConfig: Record<string, unknown> | null,
  document: OmniDocument,
): Record<string, unknown> | null {
  if (filterConfig === null) return null;
  const available = Object.keys(document.filters);
  const invalid = Object.keys(filterConfig).filter((key) => !available.includes(key));
  if (invalid.length > 0) {
    throw badRequest(
      `Invalid filter keys found in schedule configuration: ${invalid.join(', ')}. ` +
        `Available dashboard filter keys are: ${available.join(', ')}.`,
    );
  }
  for (const [key, value] of Object.entries(filterConfig)) {
    if (!isObject(value)) throw badRequest(`filterConfig.${key}: Expected object, received ${typeof value}`);
  }
  return filterConfig;
}

function required<T>(field: string, value: T | null | undefined, destination: string): T {
  if (value === undefined || value === null || value === '') {
    throw badRequest(`${field}: ${field} is required for ${destination} destinations`);
  }
  return value;
}

function readDestination(type: DestinationType, fields: ScheduleFields): DestinationInput {
  switch (type) {
    case 'email': {
      const emails = readEmailRecipients(fields.recipients);
      if (emails.length === 0) throw badRequest('recipients: At least one recipient must be provided');
      for (const email of emails) if (!isEmail(email)) throw badRequest('recipients: Invalid email address');
      const unique = [...new Map((emails as string[]).map((e) => [e.toLowerCase(), e])).values()];
      return { type, emails: unique, subject: fields.subject ?? null, textBody: fields.textBody ?? null };
    }
    case 'slack': {
      const recipientType = enumValue(
        'slackRecipientType',
        required('slackRecipientType', fields.slackRecipientType, 'Slack'),
        ['channel', 'users'] as const,
      );
      const recipients = readSlackRecipients(fields.recipients);
      if (recipients.length === 0) throw badRequest('recipients: recipients is required for Slack destinations');
      if (recipientType === 'channel' && recipients.length > 1) {
        throw badRequest('recipients: Only one Slack channel can be specified');
      }
      const pattern = recipientType === 'channel' ? /^[CG][A-Z0-9]{2,}$/ : /^[UW][A-Z0-9]{2,}$/;
      const bad = recipients.find((id) => !pattern.test(id));
      if (bad !== undefined) {
        throw badRequest(`recipients: Invalid Slack ${recipientType === 'channel' ? 'channel' : 'user'} ID: ${bad}`);
      }
      return { type, slackRecipientType: recipientType, recipients, textBody: fields.textBody ?? null };
    }
    case 'webhook': {
      const url = required('url', fields.url, 'webhook');
      if (!isHttpUrl(url)) throw badRequest('url: Invalid url');
      return { type, url };
    }
    case 'sftp': {
      const address = required('address', fields.address, 'SFTP');
      const port = required('port', fields.port, 'SFTP');
      if (port < 1 || port > 65535) throw badRequest('port: Number must be between 1 and 65535');
      const username = required('username', fields.username, 'SFTP');
      const password = fields.passwordUnencrypted || null;
      if (password === null && !fields.keepsPassword) required('passwordUnencrypted', password, 'SFTP');
      return { type, address, port, username, path: fields.path ?? null, password };
    }
    case 's3': {
      const bucketName = required('bucketName', fields.bucketName, 'S3');
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucketName)) {
        throw badRequest('bucketName: Bucket name must be 3-63 characters, lowercase');
      }
      const region = required('region', fields.region, 'S3');
      const roleArn = required('roleArn', fields.roleArn, 'S3');
      if (!/^arn:aws:iam::\d{12}:role\/.+$/.test(roleArn)) throw badRequest('roleArn: Invalid role ARN');
      return { type, bucketName, region, roleArn, keyPrefix: fields.keyPrefix?.replace(/^\/+/, '') || null };
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
