// A draft as Omni's create and update bodies, in the shapes Omni's docs examples use: email
// `recipients` as strings, webhook `url`, `fanOut` a boolean, SFTP `port` an integer, `filterConfig`
// holding the filter objects Omni's dashboard filters endpoint returned.
import type { CreateScheduleBody, UpdateScheduleBody } from '../omni/index.js';
import type { DraftDestination, DraftFormatOptions, ScheduleDraft } from './draft.js';
import { BOOLEAN_OPTIONS, optionAppliesTo } from './draft-formats.js';
import { draftCron, isEmailAddress } from './draft-rules.js';

type Body = Record<string, unknown>;

/**
 * The body of POST /api/v1/schedules. Call it on a draft that validateDraft() passed and whose email
 * recipients are addresses (withEmailRecipients); throws Error otherwise rather than send a half body.
 */
export function draftToCreateBody(draft: ScheduleDraft): CreateScheduleBody {
  const body: Body = {
    identifier: draft.identifier.trim(),
    name: draft.name.trim(),
    schedule: draftCron(draft),
    timezone: draft.timezone,
    format: draft.format,
    ...destinationFields(draft.destination),
    ...optionFields(draft.format, draft.options),
  };
  if (Object.keys(draft.filters).length > 0) body.filterConfig = draft.filters;
  if (draft.content.kind === 'tile') body.queryIdentifierMapKey = draft.content.queryKey;
  if (draft.rowLimit !== undefined) {
    body.overrideRowLimit = true;
    body.maxRowLimit = draft.rowLimit;
  }
  if (draft.alert.kind === 'condition') {
    body.conditionType = draft.alert.condition;
    body.conditionQueryMapKey = draft.alert.queryKey;
  }
  if (draft.testNow) body.testNow = true;
  return body as CreateScheduleBody;
}

/**
 * An update body with every clear spelled out: `null` for what `previous` (the schedule as read
 * from Omni) had and the draft no longer has. Omni's docs say omitted properties keep their values,
 * its own agent guidance says they are reset; sending the whole configuration plus explicit clears
 * is right under both. An SFTP password left empty keeps the one Omni holds (it is never returned).
 */
export function draftToUpdateBody(draft: ScheduleDraft, previous: ScheduleDraft): UpdateScheduleBody {
  const { testNow: _test, ...body } = draftToCreateBody({ ...draft, testNow: false }) as Body;
  if (draft.testNow) body.testNow = true;
  if (draft.destination.kind === 'sftp' && draft.destination.password === '') delete body.passwordUnencrypted;
  const before = draftToCreateBody({ ...previous, testNow: false }) as Body;
  for (const key of CLEARABLE) {
    if (before[key] !== undefined && body[key] === undefined) body[key] = null;
  }
  // Clearing every override: an empty object is unambiguous where null might not be.
  if (before.filterConfig !== undefined && body.filterConfig === undefined) body.filterConfig = {};
  return body as UpdateScheduleBody;
}

/** Optional fields that can go from set to unset; everything else is either always sent or required. */
const CLEARABLE = [
  'conditionType',
  'conditionQueryMapKey',
  'queryIdentifierMapKey',
  'overrideRowLimit',
  'maxRowLimit',
  'paperFormat',
  'paperOrientation',
  'hideTitle',
  'expandTablesToShowAllRows',
  'hideHiddenFields',
  'enableFormatting',
  'textBody',
  'subject',
  'keyPrefix',
] as const;

function destinationFields(destination: DraftDestination): Body {
  switch (destination.kind) {
    case 'slack-channel':
      return withText(
        { destinationType: 'slack', slackRecipientType: 'channel', recipients: destination.channelId },
        destination.message,
      );
    case 'slack-dm':
      return withText(
        { destinationType: 'slack', slackRecipientType: 'users', recipients: [...destination.userIds] },
        destination.message,
      );
    case 'email': {
      const unresolved = [...destination.userIds, ...destination.channelIds, ...destination.addresses.filter(notEmail)];
      if (unresolved.length > 0) {
        throw new Error(`Email recipients not resolved to addresses (withEmailRecipients): ${unresolved.join(', ')}`);
      }
      const unique = new Map<string, string>();
      for (const email of destination.addresses) {
        if (!unique.has(email.trim().toLowerCase())) unique.set(email.trim().toLowerCase(), email.trim());
      }
      const body: Body = {
        destinationType: 'email',
        recipients: [...unique.values()],
        subject: destination.subject.trim(),
      };
      if (destination.body.trim() !== '') body.textBody = destination.body;
      body.fanOut = destination.fanOut;
      return body;
    }
    case 'webhook':
      return { destinationType: 'webhook', url: destination.url.trim() };
    case 'sftp':
      return {
        destinationType: 'sftp',
        address: destination.address.trim(),
        port: destination.port,
        username: destination.username.trim(),
        passwordUnencrypted: destination.password,
      };
    case 's3': {
      const body: Body = {
        destinationType: 's3',
        bucketName: destination.bucketName.trim(),
        region: destination.region.trim(),
        roleArn: destination.roleArn.trim(),
      };
      if (destination.keyPrefix.trim() !== '') body.keyPrefix = destination.keyPrefix.trim();
      return body;
    }
  }
}

const notEmail = (address: string) => !isEmailAddress(address.trim());

function withText(body: Body, text: string): Body {
  return text.trim() === '' ? body : { ...body, textBody: text };
}

/** The format's own options, booleans spelled out (so an edit turns one off), paper settings only when chosen. */
function optionFields(format: ScheduleDraft['format'], options: DraftFormatOptions): Body {
  const body: Body = {};
  for (const option of BOOLEAN_OPTIONS) if (optionAppliesTo(option, format)) body[option] = options[option];
  if (format === 'pdf') {
    if (options.paperFormat !== undefined) body.paperFormat = options.paperFormat;
    if (options.paperOrientation !== undefined) body.paperOrientation = options.paperOrientation;
  }
  return body;
}
