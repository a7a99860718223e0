import { z } from 'zod';
import { EmailSchema, nullableString, PageInfoSchema, SortDirectionSchema } from './common.js';

// Email-only users.

/** Multi-value attributes take arrays; `null`, `""` or `[]` unset a value. */
const UserAttributeValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
]);
export type UserAttributeValue = z.infer<typeof UserAttributeValueSchema>;

export const EmailOnlyUserInputSchema = z.strictObject({
  email: EmailSchema,
  /** Keyed by user attribute reference; `omni_user_timezone` is the only system attribute accepted. */
  userAttributes: z.record(z.string().min(1), UserAttributeValueSchema).optional(),
});
export type EmailOnlyUserInput = z.input<typeof EmailOnlyUserInputSchema>;

export const EmailOnlyUserResultSchema = z.looseObject({
  email: z.string(),
  userId: z.string(),
});
export type EmailOnlyUserResult = z.infer<typeof EmailOnlyUserResultSchema>;

export const BulkEmailOnlyResultSchema = z.looseObject({
  results: z.array(EmailOnlyUserResultSchema),
});
export type BulkEmailOnlyResult = z.infer<typeof BulkEmailOnlyResultSchema>;

export const ListEmailOnlyUsersQuerySchema = z.strictObject({
  cursor: z.union([z.string().min(1), z.int().positive()]).optional(),
  email: z.string().min(1).optional(),
  pageSize: z.int().min(1).max(20).optional(),
  sortDirection: SortDirectionSchema.optional(),
});
export type ListEmailOnlyUsersQuery = z.input<typeof ListEmailOnlyUsersQuerySchema>;

/** This endpoint answers in snake_case. */
export const EmailOnlyUserRecordSchema = z.looseObject({
  email: z.string(),
  user_id: z.string(),
  user_attributes: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((value) => value ?? {}),
});
export type EmailOnlyUserRecord = z.infer<typeof EmailOnlyUserRecordSchema>;

export const EmailOnlyUserPageSchema = z.looseObject({
  pageInfo: PageInfoSchema,
  records: z.array(EmailOnlyUserRecordSchema),
});
export type EmailOnlyUserPage = z.infer<typeof EmailOnlyUserPageSchema>;

// GET /api/v1/user-attributes

export const UserAttributeSchema = z.looseObject({
  id: nullableString,
  /** The reference used as a key in `userAttributes`. */
  name: z.string(),
  label: nullableString,
  description: nullableString,
  /** `String` or `Number` per the spec. */
  type: z.string(),
  multiple_values: z.boolean(),
  system: z.boolean(),
  default_value: z.unknown().optional(),
});
export type UserAttribute = z.infer<typeof UserAttributeSchema>;

export const UserAttributeListSchema = z.looseObject({ records: z.array(UserAttributeSchema) });

// GET /api/scim/v2/Users: the organization's members (not email-only users), in order of creation.

/** Omni's default SCIM page. Omni documents no maximum, so the client never asks for more. */
export const SCIM_PAGE_SIZE = 100;

/** SCIM paging: `startIndex` is 1-based; `count` is how many members a page holds (at most `SCIM_PAGE_SIZE`). */
export const ListUsersQuerySchema = z.strictObject({
  startIndex: z.int().min(1).optional(),
  count: z.int().min(1).max(SCIM_PAGE_SIZE).optional(),
});
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>;

export const ScimUserSchema = z.looseObject({
  id: z.string(),
  /** The member's email. */
  userName: z.string(),
  displayName: nullableString,
  active: z.boolean().optional(),
  schemas: z.array(z.string()).optional(),
});
export type ScimUser = z.infer<typeof ScimUserSchema>;

export const ScimUserListSchema = z.looseObject({
  Resources: z.array(ScimUserSchema).default([]),
  totalResults: z.number(),
  startIndex: z.number().optional(),
  itemsPerPage: z.number().optional(),
});
export type ScimUserList = z.infer<typeof ScimUserListSchema>;
