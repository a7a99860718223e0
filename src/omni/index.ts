export { OmniClient, type OmniClientOptions, type PacingWait, type RateLimitWait } from './client.js';
export { type DialectMemory, FIRST_DIALECT, inMemoryDialect, type OmniDialect } from './dialect.js';
export {
  type BatchProgress,
  EMAIL_ONLY_BATCH_SIZE,
  type EmailOnlyFailure,
  type UpsertEmailOnlyUsersOptions,
  type UpsertEmailOnlyUsersOutcome,
} from './email-only-batches.js';
export {
  OmniApiError,
  OmniConfigError,
  OmniError,
  type OmniIssue,
  OmniNetworkError,
  OmniRequestValidationError,
  OmniResponseError,
  OmniTimeoutError,
} from './errors.js';
export { RATE_LIMIT_WINDOW_WAIT_MS } from './http.js';
export { type ListedDestination, listedDestinations, mergeListRows, type ScheduleListEntry } from './list-rows.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_TIMEOUT_MS } from './options.js';
export { type CreatedOwner, createOwnedSchedule, MemberLookup, type OmniMember } from './schedule-owner.js';
export * from './schemas/common.js';
export * from './schemas/documents.js';
export * from './schemas/recipients.js';
export * from './schemas/schedule-body.js';
export * from './schemas/schedules.js';
export * from './schemas/users.js';
export type { FindUsersByEmailsOptions } from './scim-members.js';
