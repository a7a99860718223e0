import { z } from 'zod';
import { unlessMissing } from '../validation.js';

/**
 * Omni validates ids with zod's lenient uuid check ("Invalid uuid"): 8-4-4-4-12 hex digits, any version.
 * `z.guid()` is the same rule; `z.uuid()` would also demand RFC variant bits that Omni does not.
 */
export const OmniIdSchema = z.guid({ error: unlessMissing('must be a UUID (8-4-4-4-12 hex digits)') });

/** Omni's email rule ("Invalid email address"); zod's default email pattern is the one Omni's messages come from. */
export const EmailSchema = z.email({ error: unlessMissing('must be an email address') });

/** A value that is null, absent or a string reads as `string | null`: sources disagree on which fields may be absent. */
export const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** Omni's cursors are page numbers; accept them as strings or numbers and always hand back a string. */
const CursorSchema = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : String(value)));

export const PageInfoSchema = z.looseObject({
  hasNextPage: z.boolean(),
  nextCursor: CursorSchema,
  pageSize: z.number(),
  totalRecords: z.number(),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** `{ "success": true }`, the answer of delete, pause, resume, trigger and transfer-ownership. */
export const SuccessSchema = z.looseObject({ success: z.boolean() });
export type SuccessResult = z.infer<typeof SuccessSchema>;

export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

/** A query value as it goes on the wire; `undefined` is left out. */
export type QueryValue = string | number | boolean | undefined;
