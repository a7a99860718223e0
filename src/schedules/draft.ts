// A schedule being authored (create, edit or duplicate), Slack-free. It says what the person chose;
// draft-rules.ts says what is wrong with it, draft-to-omni.ts turns it into Omni's create/update body
// and draft-from-omni.ts reads an existing schedule back into one.
import type { Preset } from './presets.js';

export const DESTINATION_KINDS = ['slack-channel', 'slack-dm', 'email', 'webhook', 'sftp', 's3'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** Omni's create `format` enum. */
export const DRAFT_FORMATS = ['pdf', 'png', 'csv', 'xlsx', 'link_only', 'json'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** `paperFormat` values; only `legal` and `fit_page` are first-party, the rest come from one third-party wrapper. */
export const PAPER_FORMATS = ['letter', 'legal', 'tabloid', 'a3', 'a4', 'fit_page'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

export const PAPER_ORIENTATIONS = ['portrait', 'landscape'] as const;
export type PaperOrientation = (typeof PAPER_ORIENTATIONS)[number];

/** Omni's `conditionType` enum. */
export const ALERT_CONDITIONS = ['RESULTS_PRESENT', 'RESULTS_MISSING', 'RESULTS_CHANGED', 'RESULTS_UNCHANGED'] as const;
export type AlertCondition = (typeof ALERT_CONDITIONS)[number];

export type DraftDestination =
  | { kind: 'slack-channel'; channelId: string; message: string }
  | { kind: 'slack-dm'; userIds: string[]; message: string }
  /**
   * Email, to whoever the form names: Slack people (`userIds`), every member of Slack channels
   * (`channelIds`), and typed `addresses`: email addresses or Slack user group handles (`@finance`).
   * The Slack layer turns them all into email addresses (withEmailRecipients) before the body is built.
   */
  | {
      kind: 'email';
      userIds: string[];
      channelIds: string[];
      addresses: string[];
      subject: string;
      body: string;
      fanOut: boolean;
    }
  | { kind: 'webhook'; url: string }
  /** The password is sent to Omni and kept nowhere by this app (never in private_metadata or the store). */
  | { kind: 'sftp'; address: string; port: number | undefined; username: string; password: string }
  | { kind: 's3'; bucketName: string; region: string; roleArn: string; keyPrefix: string };

export type DraftDestinationOf<K extends DestinationKind> = Extract<DraftDestination, { kind: K }>;

/**
 * Format options. Each is valid for some formats only (FORMAT_OPTIONS in draft-rules.ts); the body
 * carries only those of the chosen format. `undefined` paper settings mean "Omni's default".
 */
export interface DraftFormatOptions {
  hideTitle: boolean;
  paperFormat?: PaperFormat;
  paperOrientation?: PaperOrientation;
  expandTablesToShowAllRows: boolean;
  hideHiddenFields: boolean;
  enableFormatting: boolean;
  showFilters: boolean;
  showContentLink: boolean;
  killJobsOnFailure: boolean;
}

/** A filter value as Omni's dashboard filters endpoint returns it (`{ type, kind, values… }`), possibly modified. */
export type FilterValue = Record<string, unknown>;

export type DraftContent = { kind: 'dashboard' } | { kind: 'tile'; queryKey: string };

export type DraftAlert = { kind: 'none' } | { kind: 'condition'; condition: AlertCondition; queryKey: string };

export interface ScheduleDraft {
  /** The dashboard's identifier (`12db1a0a`), empty until chosen. */
  identifier: string;
  /** Shown in the modal and used for the default name; not sent to Omni. */
  dashboardName?: string;
  name: string;
  /** When it runs: a preset (which stands for a cron), or `{ kind: 'custom', cron }` typed by hand. */
  when: Preset;
  /** IANA zone, e.g. `America/New_York`. */
  timezone: string;
  destination: DraftDestination;
  format: DraftFormat;
  options: DraftFormatOptions;
  /** Per-schedule filter overrides, keyed by the dashboard's filter keys (exact case). */
  filters: Record<string, FilterValue>;
  content: DraftContent;
  /** Row limit for the delivered queries (`overrideRowLimit` + `maxRowLimit`); undefined: Omni's default. */
  rowLimit?: number;
  alert: DraftAlert;
  /** Deliver once right away (a real delivery), besides saving. */
  testNow: boolean;
  /**
   * The schedule's destinations after the first, which the form does not edit. Omni's update body
   * has no way to name them, so an edit leaves them as they are; a duplicate does not copy them.
   */
  otherDestinations?: OtherDestination[];
}

/** A destination the form shows but does not edit. */
export interface OtherDestination {
  /** `email`, `slack`, `webhook`, `sftp`, `s3`, or what Omni calls it. */
  type: string;
  format: string | null;
  lastStatus: string | null;
}

/** Every part of the form an error can point at. `filter:<key>` is one dashboard filter's value. */
export type DraftField =
  | 'dashboard'
  | 'name'
  | 'repeat'
  | 'when'
  | 'timezone'
  | 'destination'
  | 'slackChannel'
  | 'slackUsers'
  | 'slackMessage'
  | 'emailPeople'
  | 'emailChannels'
  | 'emailAddresses'
  | 'emailSubject'
  | 'emailBody'
  | 'emailFanOut'
  | 'webhookUrl'
  | 'sftpAddress'
  | 'sftpPort'
  | 'sftpUsername'
  | 'sftpPassword'
  | 's3Bucket'
  | 's3Region'
  | 's3RoleArn'
  | 's3KeyPrefix'
  | 'format'
  | 'formatOptions'
  | 'paperFormat'
  | 'paperOrientation'
  | 'filters'
  | `filter:${string}`
  | 'content'
  | 'rowLimit'
  | 'alert'
  | 'alertTile'
  | 'testNow';

export interface DraftError {
  field: DraftField;
  message: string;
}

export const DEFAULT_FORMAT_OPTIONS: DraftFormatOptions = {
  hideTitle: false,
  expandTablesToShowAllRows: false,
  hideHiddenFields: false,
  enableFormatting: false,
  // Omni's own defaults for these two are "on" (only a third-party wrapper says so; harmless either way).
  showFilters: true,
  showContentLink: true,
  killJobsOnFailure: false,
};

/** An empty destination of a kind, keeping what carries over (the Slack message, for Slack kinds). */
export function emptyDestination(kind: DestinationKind, from?: DraftDestination): DraftDestination {
  const message = from && 'message' in from ? from.message : '';
  switch (kind) {
    case 'slack-channel':
      return { kind, channelId: '', message };
    case 'slack-dm':
      return { kind, userIds: [], message };
    case 'email':
      return { kind, userIds: [], channelIds: [], addresses: [], subject: '', body: message, fanOut: false };
    case 'webhook':
      return { kind, url: '' };
    case 'sftp':
      return { kind, address: '', port: 22, username: '', password: '' };
    case 's3':
      return { kind, bucketName: '', region: '', roleArn: '', keyPrefix: '' };
  }
}

/**
 * The draft as it is sent: its email recipients replaced by the addresses they were resolved to (Slack
 * people, channel members and groups looked up by the Slack layer). Other destinations are unchanged.
 */
export function withEmailRecipients(draft: ScheduleDraft, emails: readonly string[]): ScheduleDraft {
  if (draft.destination.kind !== 'email') return draft;
  return { ...draft, destination: { ...draft.destination, userIds: [], channelIds: [], addresses: [...emails] } };
}
