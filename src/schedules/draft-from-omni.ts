// An existing schedule (Omni's GET one) read back into a draft, to edit or duplicate.
// Omni documents `metadata` only as "format options and delivery settings"; the keys are read by the
// names create takes, from the schedule's metadata and then its destination's.

import type { ScheduleDetail, ScheduleRecipients } from '../omni/index.js';
import { slackIds } from './destination-summary.js';
import {
  ALERT_CONDITIONS,
  type AlertCondition,
  DEFAULT_FORMAT_OPTIONS,
  DRAFT_FORMATS,
  type DraftDestination,
  type DraftFormat,
  type DraftFormatOptions,
  type FilterValue,
  type OtherDestination,
  PAPER_FORMATS,
  PAPER_ORIENTATIONS,
  type PaperFormat,
  type PaperOrientation,
  type ScheduleDraft,
} from './draft.js';
import { BOOLEAN_OPTIONS } from './draft-formats.js';
import { cronToPreset } from './presets.js';

/** A schedule the modal cannot represent (e.g. a Google Sheets destination); the message says why. */
export class DraftReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftReadError';
  }
}

export interface DraftSource {
  /** The dashboard's identifier; GET one gives only `entityId` (Omni's internal id), the list record gives this. */
  identifier?: string;
  dashboardName?: string;
  /** GET …/recipients, for destination settings missing from `metadata`. */
  recipients?: ScheduleRecipients;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The draft for editing (`edit`) or for a new copy (`duplicate`: named "Copy of …"). */
export function draftFromSchedule(
  detail: ScheduleDetail,
  mode: 'edit' | 'duplicate',
  source: DraftSource = {},
): ScheduleDraft {
  const destination = detail.destinations[0];
  if (!destination)
    throw new DraftReadError('Omni returned this schedule without a destination, so it can’t be edited here.');
  const scheduleMeta = isObject(detail.metadata) ? detail.metadata : {};
  const destinationMeta = isObject(destination.metadata) ? destination.metadata : {};
  const meta: Loose = { ...destinationMeta, ...scheduleMeta };
  const looseDetail = detail as unknown as Loose;
  const format = readFormat(destination.format);
  const queryKey = text(meta.queryIdentifierMapKey);
  const maxRowLimit = typeof meta.maxRowLimit === 'number' ? meta.maxRowLimit : undefined;
  const identifier = source.identifier ?? (text(looseDetail.identifier) || detail.entityId || '');
  const dashboardName = source.dashboardName ?? (text(looseDetail.dashboardName) || undefined);

  return {
    identifier,
    ...(dashboardName ? { dashboardName } : {}),
    name: mode === 'duplicate' ? `Copy of ${detail.name}` : detail.name,
    when: cronToPreset(detail.schedule),
    timezone: detail.timezone,
    destination: readDestination(detail, destinationMeta, source.recipients),
    format,
    options: readOptions(meta, detail.killJobsOnFailure),
    filters: readFilters(detail.filterConfig),
    content: queryKey ? { kind: 'tile', queryKey } : { kind: 'dashboard' },
    ...(meta.overrideRowLimit && maxRowLimit !== undefined ? { rowLimit: maxRowLimit } : {}),
    alert: readAlert(detail),
    testNow: false,
    ...(detail.destinations.length > 1
      ? { otherDestinations: detail.destinations.slice(1).map(otherDestination) }
      : {}),
  };
}

function otherDestination(destination: ScheduleDetail['destinations'][number]): OtherDestination {
  const meta = isObject(destination.metadata) ? destination.metadata : {};
  return { type: text(meta.type) || 'unknown', format: destination.format, lastStatus: destination.lastStatus };
}

function readFormat(value: string | null): DraftFormat {
  const format = (value ?? '').toLowerCase();
  if ((DRAFT_FORMATS as readonly string[]).includes(format)) return format as DraftFormat;
  throw new DraftReadError(
    `This schedule's format "${value ?? 'none'}" isn't one the app knows, so it can’t be edited here.`,
  );
}

function readOptions(meta: Loose, killJobsOnFailure: boolean | null | undefined): DraftFormatOptions {
  const options: DraftFormatOptions = { ...DEFAULT_FORMAT_OPTIONS };
  for (const option of BOOLEAN_OPTIONS) {
    if (typeof meta[option] === 'boolean') options[option] = meta[option];
  }
  if (typeof killJobsOnFailure === 'boolean') options.killJobsOnFailure = killJobsOnFailure;
  const paper = text(meta.paperFormat).toLowerCase();
  if ((PAPER_FORMATS as readonly string[]).includes(paper)) options.paperFormat = paper as PaperFormat;
  const orientation = text(meta.paperOrientation).toLowerCase();
  if ((PAPER_ORIENTATIONS as readonly string[]).includes(orientation)) {
    options.paperOrientation = orientation as PaperOrientation;
  }
  return options;
}

function readFilters(filterConfig: unknown): Record<string, FilterValue> {
  if (!isObject(filterConfig)) return {};
  const filters: Record<string, FilterValue> = {};
  for (const [key, value] of Object.entries(filterConfig)) if (isObject(value)) filters[key] = structuredClone(value);
  return filters;
}

function readAlert(detail: ScheduleDetail): ScheduleDraft['alert'] {
  const condition = detail.conditionType;
  if (!condition || !(ALERT_CONDITIONS as readonly string[]).includes(condition)) return { kind: 'none' };
  return { kind: 'condition', condition: condition as AlertCondition, queryKey: detail.conditionQueryMapKey ?? '' };
}

function readDestination(detail: ScheduleDetail, meta: Loose, recipients?: ScheduleRecipients): DraftDestination {
  const type = text(meta.type) || recipients?.type || '';
  switch (type) {
    case 'email': {
      const fromDetail = (detail.destinations[0]?.recipients ?? []).flatMap((r) =>
        r.membership ? [r.membership.user.email] : [],
      );
      const fromList = recipients?.type === 'email' ? recipients.recipients.map((r) => r.email) : [];
      const addresses = [...new Set([...fromDetail, ...fromList].filter(Boolean))];
      return {
        kind: 'email',
        userIds: [],
        channelIds: [],
        addresses,
        subject: text(meta.subject),
        body: text(meta.textBody),
        fanOut: detail.fanOut === true,
      };
    }
    case 'slack': {
      const listed = recipients?.type === 'slack' ? recipients.recipients : [];
      const recipientType = text(meta.slackRecipientType) || listed[0]?.recipientType || '';
      const ids = slackIds(meta.recipients) ?? listed.map((r) => r.slackId);
      const message = text(meta.textBody);
      if (recipientType === 'channel') return { kind: 'slack-channel', channelId: ids[0] ?? '', message };
      if (recipientType === 'users') return { kind: 'slack-dm', userIds: ids, message };
      throw new DraftReadError(
        'Omni did not say whether this Slack schedule goes to a channel or to people, so it can’t be edited here.',
      );
    }
    case 'webhook':
      return {
        kind: 'webhook',
        url: text(meta.url) || text(meta.webhookUrl) || (recipients?.type === 'webhook' ? recipients.url : ''),
      };
    case 'sftp': {
      const listed = recipients?.type === 'sftp' ? recipients : undefined;
      const port = typeof meta.port === 'number' ? meta.port : Number(meta.port ?? listed?.port ?? 22);
      return {
        kind: 'sftp',
        address: text(meta.address) || listed?.address || '',
        port: Number.isInteger(port) ? port : undefined,
        username: text(meta.username) || listed?.username || '',
        // Omni encrypts it and never returns it; empty keeps Omni's on update.
        password: '',
      };
    }
    case 's3':
      return {
        kind: 's3',
        bucketName: text(meta.bucketName),
        region: text(meta.region),
        roleArn: text(meta.roleArn),
        keyPrefix: text(meta.keyPrefix),
      };
    default:
      throw new DraftReadError(
        type
          ? `Schedules delivering to ${type} can't be edited from Slack yet; edit it in Omni.`
          : 'Omni did not say where this schedule delivers, so it can’t be edited here.',
      );
  }
}
