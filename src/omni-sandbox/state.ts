// The in-memory Omni organization the sandbox serves. Plain data, so tests can inspect it.

export type Member = {
  /** User ID (what list records call `ownerId`, what add-recipients calls `userIds`). */
  id: string;
  /** Membership ID (what create's `userId` query parameter takes); the sandbox accepts either. */
  membershipId: string;
  name: string;
  email: string;
};

export type UserAttributeType = 'String' | 'Number';

export type UserAttribute = {
  /** Empty string for system attributes, as Omni does. */
  id: string;
  name: string;
  label: string;
  type: UserAttributeType;
  multipleValues: boolean;
  system: boolean;
  defaultValue: string | number | (string | number)[] | null;
  description: string | null;
};

export type AttributeValue = string | number | boolean | null | (string | number | boolean)[];

export type EmailOnlyUser = {
  userId: string;
  email: string;
  userAttributes: Record<string, AttributeValue>;
  createdAt: string;
};

export type DashboardFilter = Record<string, unknown> & { type: string; kind: string; label: string };

export type DocumentQuery = { id: string; name: string; queryIdentifierMapKey: string };

export type OmniDocument = {
  /** Internal UUID (the schedule detail's `entityId`). */
  id: string;
  identifier: string;
  name: string;
  /** false for an analysis never saved as a document ("Analyses do not support dashboards."). */
  saved: boolean;
  hasDashboard: boolean;
  ownerId: string;
  folder: { id: string; name: string; path: string; scope: 'restricted' | 'organization' } | null;
  labels: string[];
  updatedAt: string;
  favorites: number;
  views: number;
  filters: Record<string, DashboardFilter>;
  filterOrder: string[];
  queries: DocumentQuery[];
};

export type Format = 'link_only' | 'pdf' | 'png' | 'csv' | 'xlsx' | 'json';
export type DestinationType = 'email' | 'webhook' | 'sftp' | 'slack' | 's3';
export type ConditionType = 'RESULTS_CHANGED' | 'RESULTS_UNCHANGED' | 'RESULTS_PRESENT' | 'RESULTS_MISSING';
export type LastStatus = 'COMPLETE' | 'ERROR' | 'ERROR_DELIVERED' | 'KILLED' | 'CONDITION_UNMET';
export type SystemDisabledReason = 'missingQuery' | 'noAccess' | 'orphanedFilterConfigKeys';

/** An email recipient is always a member or an email-only user (Omni creates the latter on demand). */
export type EmailRecipient = { userId: string; emailOnly: boolean };

export type Destination =
  | { type: 'email'; recipients: EmailRecipient[]; subject: string | null; textBody: string | null }
  | { type: 'slack'; slackRecipientType: 'channel' | 'users'; recipients: string[]; textBody: string | null }
  | { type: 'webhook'; url: string }
  | { type: 'sftp'; address: string; port: number; username: string; path: string | null; hasPassword: boolean }
  | { type: 's3'; bucketName: string; region: string; roleArn: string; keyPrefix: string | null };

/** Format and delivery options; `null`/absent means "not set". */
export type ScheduleOptions = {
  queryIdentifierMapKey: string | null;
  hideTitle: boolean | null;
  hideHiddenFields: boolean | null;
  enableFormatting: boolean | null;
  showContentLink: boolean | null;
  showFilters: boolean | null;
  killJobsOnFailure: boolean;
  fanOut: boolean;
  paperFormat: string | null;
  paperOrientation: 'portrait' | 'landscape' | null;
  expandTablesToShowAllRows: boolean | null;
  singleColumnLayout: boolean | null;
  overrideRowLimit: boolean | null;
  maxRowLimit: number | null;
};

/** A destination beyond a schedule's first (Omni's schedules carry `destinations: [...]`). */
export type ExtraDestination = {
  id: string;
  destination: Destination;
  lastStatus: LastStatus | null;
  lastCompletedAt: string | null;
};

export type Schedule = {
  id: string;
  name: string;
  identifier: string;
  schedule: string;
  timezone: string;
  /** null: owned by the organization (Omni's docs: an org key creating without `userId`). */
  ownerId: string | null;
  format: Format;
  destinationId: string;
  destination: Destination;
  /** Further destinations, same format; the API creates and edits the first only. */
  moreDestinations?: ExtraDestination[];
  options: ScheduleOptions;
  filterConfig: Record<string, unknown> | null;
  conditionType: ConditionType | null;
  conditionQueryMapKey: string | null;
  disabledAt: string | null;
  systemDisabledAt: string | null;
  systemDisabledReason: SystemDisabledReason | null;
  lastStatus: LastStatus | null;
  lastCompletedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Delivery = {
  id: string;
  /** The schedule run (a create with `testNow` saves the schedule first, then runs it). */
  scheduleId: string;
  scheduleName: string;
  identifier: string;
  at: string;
  kind: 'trigger' | 'test';
  destinationType: DestinationType;
  format: Format;
  status: 'COMPLETE' | 'ERROR';
  /** Who or where it went: emails, Slack IDs, the webhook URL, `sftp://host:port`, `s3://bucket/prefix`. */
  recipients: string[];
  /** For webhooks: what was sent and how the receiver answered. */
  webhook?: { url: string; contentType: string; body: unknown; sent: boolean; responseStatus?: number };
  error?: string;
  /** Why nothing went over the network although the run counts as delivered. */
  note?: string;
};

export type RequestLogEntry = {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body with `passwordUnencrypted` redacted; undefined when there was none. */
  body?: unknown;
  status: number;
};

export type OrgSeed = {
  organizationId: string;
  keyOwnerId: string;
  members: Member[];
  userAttributes: UserAttribute[];
  documents: OmniDocument[];
  emailOnlyUsers: EmailOnlyUser[];
  schedules: Schedule[];
};

export class SandboxState {
  organizationId = '';
  /** The member the API key belongs to: owner of schedules created without `userId`. */
  keyOwnerId = '';
  /** In order of creation, the order SCIM lists them in. */
  readonly members = new Map<string, Member>();
  readonly userAttributes: UserAttribute[] = [];
  readonly documents = new Map<string, OmniDocument>();
  /** Keyed by lower-cased email. */
  readonly emailOnlyUsers = new Map<string, EmailOnlyUser>();
  readonly schedules = new Map<string, Schedule>();
  readonly deliveries: Delivery[] = [];
  readonly requests: RequestLogEntry[] = [];
  /** Schedules with a delivery in flight (a second trigger meanwhile gets 409). */
  readonly running = new Set<string>();

  constructor(seed: OrgSeed) {
    this.load(seed);
  }

  /** Replaces everything with a deep copy of `seed` (used by reset()). */
  load(seed: OrgSeed): void {
    const copy = structuredClone(seed);
    this.organizationId = copy.organizationId;
    this.keyOwnerId = copy.keyOwnerId;
    this.members.clear();
    for (const m of copy.members) this.members.set(m.id, m);
    this.userAttributes.splice(0, this.userAttributes.length, ...copy.userAttributes);
    this.documents.clear();
    for (const d of copy.documents) this.documents.set(d.identifier, d);
    this.emailOnlyUsers.clear();
    for (const u of copy.emailOnlyUsers) this.emailOnlyUsers.set(u.email.toLowerCase(), u);
    this.schedules.clear();
    for (const s of copy.schedules) this.schedules.set(s.id, s);
    this.deliveries.length = 0;
    this.requests.length = 0;
    this.running.clear();
  }

  /** A member by user ID or membership ID. */
  findMember(id: string): Member | undefined {
    const key = id.toLowerCase();
    for (const m of this.members.values()) if (m.id === key || m.membershipId === key) return m;
    return undefined;
  }

  findMemberByEmail(email: string): Member | undefined {
    const key = email.toLowerCase();
    for (const m of this.members.values()) if (m.email.toLowerCase() === key) return m;
    return undefined;
  }

  findEmailOnlyUserById(userId: string): EmailOnlyUser | undefined {
    const key = userId.toLowerCase();
    for (const u of this.emailOnlyUsers.values()) if (u.userId === key) return u;
    return undefined;
  }

  /** Marks a schedule as disabled by Omni itself (e.g. its alert query was deleted). */
  systemDisable(scheduleId: string, reason: SystemDisabledReason, at = new Date().toISOString()): void {
    const schedule = this.schedules.get(scheduleId);
    if (!schedule) throw new Error(`No sandbox schedule ${scheduleId}`);
    schedule.systemDisabledAt = at;
    schedule.systemDisabledReason = reason;
  }
}
