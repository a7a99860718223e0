import { z } from 'zod';
import { EmailSchema, nullableString, OmniIdSchema } from './common.js';

// PUT /api/v1/schedules/{id}/add-recipients and /remove-recipients (email destinations only).

export const RecipientChangeSchema = z
  .strictObject({
    emails: z.array(EmailSchema).optional(),
    /** Omni user UUIDs. */
    userIds: z.array(OmniIdSchema).optional(),
    /** User group UUIDs (in the spec only, not yet in the docs). */
    userGroupIds: z.array(OmniIdSchema).optional(),
  })
  .refine(
    (change) => (change.emails?.length ?? 0) + (change.userIds?.length ?? 0) + (change.userGroupIds?.length ?? 0) > 0,
    {
      error: 'at least one email, user id or user group id is needed',
    },
  );
export type RecipientChange = z.input<typeof RecipientChangeSchema>;

/** Group counts are in the spec but not in the docs' examples. */
export const AddRecipientsResultSchema = z.looseObject({
  success: z.boolean(),
  addedRecipientsCount: z.number(),
  addedGroupRecipientsCount: z.number().optional(),
});
export type AddRecipientsResult = z.infer<typeof AddRecipientsResultSchema>;

export const RemoveRecipientsResultSchema = z.looseObject({
  success: z.boolean(),
  removedRecipientsCount: z.number(),
  removedGroupRecipientsCount: z.number().optional(),
});
export type RemoveRecipientsResult = z.infer<typeof RemoveRecipientsResultSchema>;
export type RecipientChangeResult = AddRecipientsResult | RemoveRecipientsResult;

// GET /api/v1/schedules/{id}/recipients: one shape per destination type.

/** The spec requires `name`; the docs add `emailOnly`. A bare email string is read as `{ email }`. */
const EmailRecipientSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { email: value } : value),
  z.looseObject({
    email: z.string(),
    id: nullableString,
    name: nullableString,
    emailOnly: z.boolean().optional(),
  }),
);
export type EmailRecipient = z.infer<typeof EmailRecipientSchema>;

const UserGroupRecipientSchema = z.looseObject({
  id: z.string(),
  name: nullableString,
  recipients: z.array(EmailRecipientSchema).default([]),
});

const SlackRecipientSchema = z.looseObject({
  recipientType: z.string(),
  slackId: z.string(),
});
export type SlackRecipient = z.infer<typeof SlackRecipientSchema>;

const EmailRecipientsSchema = z.looseObject({
  type: z.literal('email'),
  recipients: z.array(EmailRecipientSchema).default([]),
  userGroupRecipients: z.array(UserGroupRecipientSchema).default([]),
});

const SlackRecipientsSchema = z.looseObject({
  type: z.literal('slack'),
  recipients: z.array(SlackRecipientSchema).default([]),
});

/** The docs say `url`; the create spec calls the same setting `webhookUrl`. Either reads as `url`. */
const WebhookRecipientsSchema = z
  .looseObject({ type: z.literal('webhook'), url: z.string().optional(), webhookUrl: z.string().optional() })
  .transform((value, ctx) => {
    const url = value.url ?? value.webhookUrl;
    if (url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required' });
      return z.NEVER;
    }
    return { ...value, url };
  });

const SftpRecipientsSchema = z.looseObject({
  type: z.literal('sftp'),
  address: z.string(),
  port: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  username: nullableString,
});

const OtherRecipientsSchema = z.looseObject({ type: z.enum(['s3', 'google_sheets']) });

export const ScheduleRecipientsSchema = z.discriminatedUnion('type', [
  EmailRecipientsSchema,
  SlackRecipientsSchema,
  WebhookRecipientsSchema,
  SftpRecipientsSchema,
  OtherRecipientsSchema,
]);
export type ScheduleRecipients = z.infer<typeof ScheduleRecipientsSchema>;
