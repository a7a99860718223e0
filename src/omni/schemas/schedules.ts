import { z } from 'zod';
import { nullableString, OmniIdSchema, PageInfoSchema, SortDirectionSchema } from './common.js';

// Enums. Request enums are closed; response fields stay plain strings so that a value
// Omni adds later is shown rather than refused.

export const SCHEDULE_FORMATS = ['link_only', 'pdf', 'png', 'csv', 'xlsx', 'json'] as const;
export const DESTINATION_TYPES = ['email', 'webhook', 'sftp', 'slack', 's3'] as const;
export const LIST_DESTINATIONS = ['email', 'google_sheets', 's3', 'sftp', 'slack', 'webhook'] as const;
export const CONDITION_TYPES = ['RESULTS_PRESENT', 'RESULTS_CHANGED', 'RESULTS_MISSING', 'RESULTS_UNCHANGED'] as const;
export const SLACK_RECIPIENT_TYPES = ['channel', 'users'] as const;
export const PAPER_ORIENTATIONS = ['portrait', 'landscape'] as const;
export const LIST_STATUSES = ['success', 'error', 'canceled', 'none'] as const;
export const SCHEDULE_TYPES = ['alert', 'schedule'] as const;
export const CONTENT_TYPES = ['dashboard', 'single tile'] as const;
export const SORT_FIELDS = ['scheduleName', 'dashboardName', 'ownerName', 'lastRun', 'lastRunStatus'] as const;
export const LAST_STATUSES = ['COMPLETE', 'ERROR', 'ERROR_DELIVERED', 'KILLED', 'CONDITION_UNMET'] as const;
export const SYSTEM_DISABLED_REASONS = ['missingQuery', 'noAccess', 'orphanedFilterConfigKeys'] as const;

export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];
export type DestinationType = (typeof DESTINATION_TYPES)[number];
export type ConditionType = (typeof CONDITION_TYPES)[number];
export type LastStatus = (typeof LAST_STATUSES)[number];
export type SystemDisabledReason = (typeof SYSTEM_DISABLED_REASONS)[number];

// GET /api/v1/schedules

export const ListSchedulesQuerySchema = z.strictObject({
  q: z.string().optional(),
  status: z.enum(LIST_STATUSES).optional(),
  destination: z.enum(LIST_DESTINATIONS).optional(),
  scheduleType: z.enum(SCHEDULE_TYPES).optional(),
  contentType: z.enum(CONTENT_TYPES).optional(),
  identifier: z.string().min(1).optional(),
  ownerId: OmniIdSchema.optional(),
  embedEntity: z.string().min(1).optional(),
  sortField: z.enum(SORT_FIELDS).optional(),
  sortDirection: SortDirectionSchema.optional(),
  /** A page number, as `pageInfo.nextCursor` gives it. */
  cursor: z.union([z.string().min(1), z.int().positive()]).optional(),
  pageSize: z.int().min(1).max(100).optional(),
});
export type ListSchedulesQuery = z.input<typeof ListSchedulesQuerySchema>;

/** `alert` is absent (docs examples), null, or an object (spec) — all read as `ScheduleAlert | null`. */
export const ScheduleAlertSchema = z.looseObject({
  conditionQueryName: nullableString,
  conditionType: z.string(),
});
export type ScheduleAlert = z.infer<typeof ScheduleAlertSchema>;

/** One record of the list. `ownerId` and `format` are in the spec but not in the docs' examples. */
export const ScheduleRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  schedule: z.string(),
  timezone: z.string(),
  identifier: z.string(),
  dashboardName: z.string(),
  /** Null or absent when the organization owns the schedule (created by an org key without `userId`). */
  ownerId: nullableString,
  ownerName: nullableString,
  destinationType: z.string(),
  format: nullableString,
  content: z.string(),
  /** -1 for destinations other than email. */
  recipientCount: z.number(),
  slackRecipientType: nullableString,
  /** Non-null means paused. */
  disabledAt: nullableString,
  systemDisabledAt: nullableString,
  systemDisabledReason: nullableString,
  lastCompletedAt: nullableString,
  lastStatus: nullableString,
  alert: ScheduleAlertSchema.nullish().transform((value) => value ?? null),
});
export type ScheduleRecord = z.infer<typeof ScheduleRecordSchema>;

export const SchedulePageSchema = z.looseObject({
  pageInfo: PageInfoSchema,
  records: z.array(ScheduleRecordSchema),
});
export type SchedulePage = z.infer<typeof SchedulePageSchema>;

// GET /api/v1/schedules/{scheduleId}

const MemberRecipientSchema = z.looseObject({
  id: z.string(),
  membershipId: nullableString,
  membership: z
    .looseObject({
      user: z.looseObject({ email: z.string(), name: nullableString }),
    })
    .nullish(),
});

export const ScheduleDestinationSchema = z.looseObject({
  id: z.string(),
  format: nullableString,
  lastStatus: nullableString,
  lastCompletedAt: nullableString,
  /** Destination settings: `type`, recipients, address, url… (shape not documented beyond `type`). */
  metadata: z.unknown().optional(),
  recipients: z.array(MemberRecipientSchema).default([]),
  userGroupRecipients: z.array(z.unknown()).default([]),
});
export type ScheduleDestination = z.infer<typeof ScheduleDestinationSchema>;

export const ScheduleDetailSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  schedule: z.string(),
  timezone: z.string(),
  organizationId: nullableString,
  entityId: nullableString,
  ownerId: nullableString,
  owner: z.looseObject({ name: nullableString }).nullish(),
  fanOut: z.boolean().nullish(),
  killJobsOnFailure: z.boolean().nullish(),
  filterConfig: z.unknown().optional(),
  metadata: z.unknown().optional(),
  conditionType: nullableString,
  conditionQueryMapKey: nullableString,
  disabledAt: nullableString,
  systemDisabledAt: nullableString,
  systemDisabledReason: nullableString,
  createdAt: nullableString,
  updatedAt: nullableString,
  destinations: z.array(ScheduleDestinationSchema),
});
export type ScheduleDetail = z.infer<typeof ScheduleDetailSchema>;
