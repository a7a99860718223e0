import { z } from 'zod';
import { unlessMissing } from '../validation.js';
import { EmailSchema, OmniIdSchema } from './common.js';
import {
  CONDITION_TYPES,
  DESTINATION_TYPES,
  PAPER_ORIENTATIONS,
  SCHEDULE_FORMATS,
  SLACK_RECIPIENT_TYPES,
} from './schedules.js';

/*
 * POST /api/v1/schedules body. Fields are sent as Omni's docs examples send them:
 * email `recipients` as strings, webhook `url`, `fanOut` a boolean, SFTP `port` an integer.
 * Variants are strict so a misspelt or wrong-destination field (`webhookUrl`, `url` on an email
 * schedule) is refused locally instead of silently ignored by Omni. Omni's own business rules
 * (hideTitle only with PDF/PNG, cron syntax, filter keys…) are left to Omni, which says which with
 * its exact `detail`.
 */

const nonEmpty = z.string({ error: unlessMissing('must be text') }).min(1, { error: 'must not be empty' });

/** Options every destination shares. */
const commonFields = {
  identifier: nonEmpty,
  name: nonEmpty,
  /** AWS cron, 6 fields, e.g. `0 9 ? * MON *` (checked by Omni and by src/schedules). */
  schedule: nonEmpty,
  /** IANA time zone, e.g. `America/New_York`. */
  timezone: nonEmpty,
  format: z.enum(SCHEDULE_FORMATS),
  /** Keyed by the dashboard's existing filter keys (exact case); values are filter objects. */
  filterConfig: z.record(z.string(), z.unknown()).optional(),
  conditionType: z.enum(CONDITION_TYPES).optional(),
  conditionQueryMapKey: nonEmpty.optional(),
  /** Deliver one tile (query) instead of the whole dashboard. */
  queryIdentifierMapKey: nonEmpty.optional(),
  overrideRowLimit: z.boolean().optional(),
  maxRowLimit: z.int().positive().optional(),
  /** Delivers for real, at once. */
  testNow: z.boolean().optional(),
  hideTitle: z.boolean().optional(),
  hideHiddenFields: z.boolean().optional(),
  enableFormatting: z.boolean().optional(),
  showContentLink: z.boolean().optional(),
  showFilters: z.boolean().optional(),
  killJobsOnFailure: z.boolean().optional(),
  /** PDF only; seen values `legal`, `letter`, `a4`, `fit_page`… (the full list is not documented). */
  paperFormat: nonEmpty.optional(),
  paperOrientation: z.enum(PAPER_ORIENTATIONS).optional(),
  expandTablesToShowAllRows: z.boolean().optional(),
};

const emailFields = {
  recipients: z.array(EmailSchema).min(1, { error: 'needs at least one email address' }),
  subject: z.string().optional(),
  textBody: z.string().optional(),
  /** A personalised email per recipient. */
  fanOut: z.boolean().optional(),
};

const slackFields = {
  slackRecipientType: z.enum(SLACK_RECIPIENT_TYPES),
  /** A channel id (`C…`), or user ids (`U…`) as one string or an array. */
  recipients: z.union([nonEmpty, z.array(nonEmpty).min(1, { error: 'needs at least one Slack id' })]),
  textBody: z.string().optional(),
};

const webhookFields = {
  url: z.url({ protocol: /^https?$/, error: unlessMissing('must be an http(s) URL') }),
};

const sftpFields = {
  address: nonEmpty,
  port: z.int().min(1).max(65535).optional(),
  username: nonEmpty,
  /** Omni encrypts it once stored; this app never keeps it. */
  passwordUnencrypted: z.string().optional(),
};

const s3Fields = {
  bucketName: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    error: unlessMissing('must be 3-63 lowercase letters, digits, dots or hyphens'),
  }),
  region: nonEmpty,
  roleArn: nonEmpty,
  keyPrefix: z.string().optional(),
};

export const CreateScheduleBodySchema = z.discriminatedUnion('destinationType', [
  z.strictObject({ destinationType: z.literal('email'), ...commonFields, ...emailFields }),
  z.strictObject({ destinationType: z.literal('slack'), ...commonFields, ...slackFields }),
  z.strictObject({ destinationType: z.literal('webhook'), ...commonFields, ...webhookFields }),
  z.strictObject({ destinationType: z.literal('sftp'), ...commonFields, ...sftpFields }),
  z.strictObject({ destinationType: z.literal('s3'), ...commonFields, ...s3Fields }),
]);
export type CreateScheduleBody = z.input<typeof CreateScheduleBodySchema>;
export type EmailScheduleBody = Extract<CreateScheduleBody, { destinationType: 'email' }>;
export type SlackScheduleBody = Extract<CreateScheduleBody, { destinationType: 'slack' }>;
export type WebhookScheduleBody = Extract<CreateScheduleBody, { destinationType: 'webhook' }>;
export type SftpScheduleBody = Extract<CreateScheduleBody, { destinationType: 'sftp' }>;
export type S3ScheduleBody = Extract<CreateScheduleBody, { destinationType: 's3' }>;

export const CreateScheduleOptionsSchema = z.strictObject({
  /** Membership id of the owner (organization keys only). */
  userId: OmniIdSchema.optional(),
});
export type CreateScheduleOptions = z.input<typeof CreateScheduleOptionsSchema>;

/**
 * `message` is documented as always present, but a create that Omni accepted must never look failed
 * (the user would create it twice), so nothing here is required. `id` is absent for `testNow` runs.
 */
export const CreateScheduleResultSchema = z.looseObject({
  id: z.string().optional(),
  message: z.string().optional(),
  /** S3 only: put these in the IAM role's trust policy. */
  delivererRoleArn: z.string().optional(),
  externalId: z.string().optional(),
});
export type CreateScheduleResult = z.infer<typeof CreateScheduleResultSchema>;

const { identifier, name, schedule, timezone, format, ...optionalCommonFields } = commonFields;

/**
 * PUT /api/v1/schedules/{id}: the create properties, all optional. The docs say omitted properties keep
 * their values, Omni's agent guidance says they are reset, so callers should send the full configuration,
 * and `null` for an optional property they mean to clear (a PDF's paper size when it becomes a CSV, an
 * alert condition, a tile): otherwise, under the docs' reading, the old value stays and Omni refuses the
 * new combination. Properties a destination requires can be replaced, not cleared.
 */
export const UpdateScheduleBodySchema = z
  .strictObject({
    destinationType: z.enum(DESTINATION_TYPES).optional(),
    ...partial({ identifier, name, schedule, timezone, format }),
    ...clearable(optionalCommonFields),
    ...partial({
      slackRecipientType: slackFields.slackRecipientType,
      url: webhookFields.url,
      address: sftpFields.address,
      username: sftpFields.username,
      bucketName: s3Fields.bucketName,
      region: s3Fields.region,
      roleArn: s3Fields.roleArn,
    }),
    ...clearable({
      subject: emailFields.subject,
      textBody: emailFields.textBody,
      fanOut: emailFields.fanOut,
      port: sftpFields.port,
      passwordUnencrypted: sftpFields.passwordUnencrypted,
      keyPrefix: s3Fields.keyPrefix,
    }),
    recipients: z.union([nonEmpty, z.array(nonEmpty)]).optional(),
  })
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0) ctx.addIssue({ code: 'custom', message: 'names nothing to update' });
    if (body.destinationType === 'email' && body.recipients !== undefined) {
      const recipients = Array.isArray(body.recipients) ? body.recipients : [body.recipients];
      if (!Array.isArray(body.recipients)) {
        ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'must be a list of email addresses' });
      }
      recipients.forEach((recipient, index) => {
        if (!EmailSchema.safeParse(recipient).success) {
          ctx.addIssue({ code: 'custom', path: ['recipients', index], message: 'must be an email address' });
        }
      });
    }
  });
export type UpdateScheduleBody = z.input<typeof UpdateScheduleBodySchema>;

/** The spec documents no body; the docs show `{ success, scheduledTaskId }`. Both read as this. */
export const UpdateScheduleResultSchema = z
  .looseObject({ success: z.boolean().optional(), scheduledTaskId: z.string().optional() })
  .optional()
  .transform((value) => value ?? {});
export type UpdateScheduleResult = z.infer<typeof UpdateScheduleResultSchema>;

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

/** Optional, and `null` to clear. */
function clearable<T extends Record<string, z.ZodType>>(
  shape: T,
): { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> } {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.nullable().optional()])) as {
    [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>>;
  };
}
