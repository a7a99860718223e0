// Every rule Omni's own docs or spec state for a new or changed schedule (its documented errors,
// enums and field notes), plus what the form itself needs, checked before anything is sent. Each
// error names the form field it belongs to. Rules no first-party source states (a third-party
// wrapper's, or none at all) are hints instead (draft-hints.ts): they never stop a schedule.
import { z } from 'zod';
import type { HostPolicy } from '../net/host-policy.js';
import { frequencyWarning } from './cron-frequency.js';
import { parseCron } from './cron-parse.js';
import type { DraftDestination, DraftError, DraftField, ScheduleDraft } from './draft.js';
import { ALERT_CONDITIONS, DRAFT_FORMATS, PAPER_FORMATS, PAPER_ORIENTATIONS } from './draft.js';
import { FORMAT_LABELS, formatsFor, type KeptFormat, OPTION_FORMATS } from './draft-formats.js';
import { presetToCron } from './presets.js';
import { isValidTimeZone } from './timezones.js';
import { webhookUrlProblem } from './webhook-url.js';

/** What is known about the chosen dashboard; rules that need it are skipped when it is not known. */
export interface RuleContext {
  /** The dashboard's filter keys (Omni's filters endpoint). */
  filterKeys?: readonly string[];
  /** The dashboard's query keys (`queryIdentifierMapKey` of Omni's document queries endpoint). */
  queryKeys?: readonly string[];
  /**
   * Editing an SFTP schedule: Omni already holds a password (and never returns it), so an empty one
   * keeps it. A new schedule, or a switch to SFTP, needs one.
   */
  passwordOnFile?: boolean;
  /** Editing: the schedule's own format, kept available even where the app would not offer it. */
  keptFormat?: KeptFormat;
  /** OMNI_ALLOWED_HOSTS and NODE_ENV, for webhook URLs (config `omniHosts`); default: loopback only outside production. */
  hosts?: HostPolicy;
}

const emailSchema = z.email();
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
// AWS's bucket naming rules: 3–63 characters, lowercase letters, digits, dots and hyphens,
// starting and ending with a letter or digit, no two dots in a row, not shaped like an IP address.
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export const isEmailAddress = (value: string): boolean => emailSchema.safeParse(value).success;

/** A Slack user group as typed (`@finance-team`) or as Slack writes it (`<!subteam^S0123|@finance-team>`). */
const USERGROUP_REF = /^(@[a-z0-9][\w.-]*|<!subteam\^S[A-Z0-9]+(\|[^>]*)?>)$/i;
export const isUsergroupRef = (value: string): boolean => USERGROUP_REF.test(value);

/** The draft's cron: the preset's, or the custom one as typed (trimmed). Throws RangeError for a bad preset. */
export function draftCron(draft: Pick<ScheduleDraft, 'when'>): string {
  return presetToCron(draft.when);
}

/** All that is wrong with a draft, each on its field, in form order. Empty: Omni should accept it. */
export function validateDraft(draft: ScheduleDraft, context: RuleContext = {}): DraftError[] {
  const errors: DraftError[] = [];
  const add = (field: DraftField, message: string) => errors.push({ field, message });

  if (draft.identifier.trim() === '') add('dashboard', 'Choose a dashboard, or paste its id or URL.');
  if (draft.name.trim() === '') add('name', 'Give the schedule a name.');
  checkWhen(draft, add);
  if (draft.timezone.trim() === '') add('timezone', 'Choose a time zone.');
  else if (!isValidTimeZone(draft.timezone)) {
    add('timezone', `"${draft.timezone}" is not an IANA time zone (e.g. America/New_York). Omni needs one.`);
  }
  checkDestination(draft.destination, context, add);
  checkFormat(draft, context, add);
  checkFilters(draft, context, add);
  checkContent(draft, context, add);
  checkAlert(draft, context, add);
  return errors;
}

type Add = (field: DraftField, message: string) => void;

/** One message per field (Slack shows one under each input): several faults on a field are joined. */
export function errorsByField(errors: readonly DraftError[]): Map<DraftField, string> {
  const byField = new Map<DraftField, string>();
  for (const { field, message } of errors) {
    const before = byField.get(field);
    byField.set(field, before === undefined ? message : `${before} ${message}`);
  }
  return byField;
}

function checkWhen(draft: ScheduleDraft, add: Add): void {
  let cron: string;
  try {
    cron = draftCron(draft);
  } catch (error) {
    add('when', error instanceof Error ? error.message : String(error));
    return;
  }
  if (cron === '') {
    add('when', 'Type a cron expression, e.g. 0 9 ? * MON-FRI * (six fields: minute hour day month weekday year).');
    return;
  }
  const parsed = parseCron(cron);
  if (!parsed.ok) {
    add('when', parsed.message);
    return;
  }
  const tooOften = frequencyWarning(parsed.cron);
  if (tooOften) add('when', tooOften);
}

function checkDestination(destination: DraftDestination, context: RuleContext, add: Add): void {
  switch (destination.kind) {
    case 'slack-channel':
      if (destination.channelId === '') add('slackChannel', 'Choose the channel to deliver to.');
      else if (!SLACK_CHANNEL_ID.test(destination.channelId)) {
        add('slackChannel', `${destination.channelId} is not a Slack channel id (C… or G…).`);
      }
      return;
    case 'slack-dm': {
      if (destination.userIds.length === 0) add('slackUsers', 'Choose at least one person to message.');
      const bad = destination.userIds.filter((id) => !SLACK_USER_ID.test(id));
      if (bad.length > 0) add('slackUsers', `Not Slack user ids: ${bad.join(', ')}.`);
      return;
    }
    case 'email': {
      const { userIds, channelIds, addresses } = destination;
      if (userIds.length === 0 && channelIds.length === 0 && addresses.length === 0) {
        add('emailPeople', 'Choose at least one person or channel, or type an email address below.');
      }
      const bad = userIds.filter((id) => !SLACK_USER_ID.test(id));
      if (bad.length > 0) add('emailPeople', `Not Slack user ids: ${bad.join(', ')}.`);
      const badChannels = channelIds.filter((id) => !SLACK_CHANNEL_ID.test(id));
      if (badChannels.length > 0) add('emailChannels', `Not Slack channel ids: ${badChannels.join(', ')}.`);
      const invalid = addresses.filter((entry) => !isEmailAddress(entry) && !isUsergroupRef(entry));
      if (invalid.length > 0) {
        add(
          'emailAddresses',
          `Not email addresses or @group handles: ${invalid.join(', ')}. Separate them with commas.`,
        );
      }
      return;
    }
    case 'webhook':
      checkWebhookUrl(destination.url, context, add);
      return;
    case 'sftp':
      if (destination.address.trim() === '') add('sftpAddress', 'Type the SFTP server, e.g. sftp.example.com.');
      else if (/[/:\s@]/.test(destination.address.trim())) {
        add(
          'sftpAddress',
          'Type the host name only (e.g. sftp.example.com), without sftp://, a port, a user or a path.',
        );
      }
      if (destination.port === undefined) add('sftpPort', 'Type the port (usually 22).');
      else if (!Number.isInteger(destination.port) || destination.port < 1 || destination.port > 65535) {
        add('sftpPort', 'The port must be a whole number from 1 to 65535.');
      }
      if (destination.username.trim() === '') add('sftpUsername', 'Type the user name to log in with.');
      if (destination.password === '' && !context.passwordOnFile) add('sftpPassword', 'Type the password.');
      return;
    case 's3':
      checkBucket(destination.bucketName, add);
      if (destination.region.trim() === '') add('s3Region', "Type the bucket's AWS region, e.g. us-east-1.");
      else if (!S3_REGION.test(destination.region.trim())) {
        add('s3Region', `"${destination.region}" is not an AWS region name (e.g. us-east-1, eu-west-2).`);
      }
      if (destination.roleArn.trim() === '') add('s3RoleArn', 'Type the ARN of the IAM role Omni assumes to write.');
      else if (!IAM_ROLE_ARN.test(destination.roleArn.trim())) {
        add('s3RoleArn', 'That is not an IAM role ARN (e.g. arn:aws:iam::123456789012:role/OmniS3DeliveryRole).');
      }
      return;
  }
}

function checkWebhookUrl(raw: string, context: RuleContext, add: Add): void {
  const problem = webhookUrlProblem(raw, context.hosts);
  if (problem) add('webhookUrl', problem);
}

function checkBucket(raw: string, add: Add): void {
  const bucket = raw.trim();
  if (bucket === '') add('s3Bucket', 'Type the S3 bucket name.');
  else if (bucket.length < 3 || bucket.length > 63) add('s3Bucket', 'A bucket name is 3 to 63 characters long.');
  else if (!S3_BUCKET.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    add(
      's3Bucket',
      'A bucket name has only lowercase letters, digits, dots and hyphens, and starts and ends with a letter or digit.',
    );
  }
}

function checkFormat(draft: ScheduleDraft, context: RuleContext, add: Add): void {
  const { format, options, destination } = draft;
  if (!DRAFT_FORMATS.includes(format)) {
    add('format', `Unknown format "${format}".`);
    return;
  }
  const allowed = formatsFor(destination.kind, context.keptFormat);
  if (!allowed.includes(format)) {
    add(
      'format',
      `${FORMAT_LABELS[format]} can't be delivered ${destinationPhrase(destination)}. Choose ${listNames(
        allowed.map((f) => FORMAT_LABELS[f]),
        'or',
      )}.`,
    );
  }
  const isImage = OPTION_FORMATS.hideTitle.includes(format);
  if (options.hideTitle && !isImage) add('formatOptions', 'Hiding the title works only for PDF or PNG.');
  if (options.expandTablesToShowAllRows && !isImage)
    add('formatOptions', 'Expanding tables works only for PDF or PNG.');
  if (options.hideHiddenFields && !OPTION_FORMATS.hideHiddenFields.includes(format)) {
    add('formatOptions', 'Leaving out hidden fields works only for CSV or XLSX.');
  }
  if (options.paperFormat !== undefined) {
    if (format !== 'pdf') add('paperFormat', 'Paper size applies only to PDF.');
    else if (!PAPER_FORMATS.includes(options.paperFormat))
      add('paperFormat', `Unknown paper size "${options.paperFormat}".`);
  }
  if (options.paperOrientation !== undefined) {
    if (format !== 'pdf') add('paperOrientation', 'Orientation applies only to PDF.');
    else if (!PAPER_ORIENTATIONS.includes(options.paperOrientation)) {
      add('paperOrientation', `Unknown orientation "${options.paperOrientation}".`);
    }
  }
  if (format === 'pdf' && options.paperFormat === 'fit_page' && options.expandTablesToShowAllRows) {
    add(
      'formatOptions',
      'Tables can\'t be expanded with the "Fit to page" paper size. Choose another size, or untick it.',
    );
  }
}

function checkFilters(draft: ScheduleDraft, context: RuleContext, add: Add): void {
  const keys = Object.keys(draft.filters);
  if (keys.length === 0 || context.filterKeys === undefined) return;
  const unknown = keys.filter((key) => !context.filterKeys?.includes(key));
  if (unknown.length === 0) return;
  add(
    'filters',
    context.filterKeys.length === 0
      ? `This dashboard has no filters, so ${listNames(unknown)} can't be set.`
      : `The dashboard has no filter ${listNames(unknown, 'or')}. Its filters are ${listNames([...context.filterKeys])}.`,
  );
}

function checkContent(draft: ScheduleDraft, context: RuleContext, add: Add): void {
  if (draft.content.kind === 'tile') {
    if (draft.content.queryKey === '') add('content', 'Choose the tile to deliver.');
    else if (context.queryKeys && !context.queryKeys.includes(draft.content.queryKey)) {
      add('content', `The dashboard has no tile with key ${draft.content.queryKey}. Choose one from the list.`);
    }
  }
  if (draft.rowLimit !== undefined && (!Number.isInteger(draft.rowLimit) || draft.rowLimit < 1)) {
    add('rowLimit', "The row limit must be a whole number of at least 1 (or empty for Omni's default).");
  }
}

function checkAlert(draft: ScheduleDraft, context: RuleContext, add: Add): void {
  const { alert } = draft;
  if (alert.kind === 'none') return;
  if (!ALERT_CONDITIONS.includes(alert.condition)) add('alert', `Unknown alert condition "${alert.condition}".`);
  if (alert.queryKey === '') add('alertTile', 'Choose the tile whose results the alert watches.');
  else if (context.queryKeys && !context.queryKeys.includes(alert.queryKey)) {
    add('alertTile', `The dashboard has no tile with key ${alert.queryKey}. Choose one from the list.`);
  }
  if (draft.testNow && alert.condition === 'RESULTS_CHANGED') {
    add(
      'testNow',
      'Omni can\'t send a test of a "results changed" alert: there is nothing to compare with yet. Untick the test.',
    );
  }
}

export function destinationPhrase(destination: DraftDestination): string {
  switch (destination.kind) {
    case 'slack-channel':
    case 'slack-dm':
      return 'to Slack';
    case 'email':
      return 'by email';
    case 'webhook':
      return 'to a webhook';
    case 'sftp':
      return 'to an SFTP server';
    case 's3':
      return 'to S3';
  }
}

/** "a", "a and b", "a, b and c" (or "or"). */
export function listNames(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
