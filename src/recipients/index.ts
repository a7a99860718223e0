// Slack people, channels, user groups and emails → Omni recipients and email-only users. Slack-free: the
// Slack layer supplies a SlackDirectory; everything Omni goes through OmniClient.
export {
  type AttributeAssignment,
  type AttributeValue,
  attributeValueFromText,
  checkAssignments,
  findAttribute,
  isIanaTimeZone,
  TIMEZONE_ATTRIBUTE,
  unknownAttributeMessage,
  unsettableReason,
} from './attributes.js';
export {
  cheaperLookup,
  knownWorkspaceSize,
  type ListUsersPage,
  type LookupWay,
  type PrefetchState,
  prefetchByUsersList,
  USERS_LIST_PAGE_SIZE,
} from './bulk-lookup.js';
export {
  cachedDirectory,
  DEFAULT_DIRECTORY_TTLS,
  type DirectoryCacheTtls,
  directoryCacheKey,
} from './cached-directory.js';
export { mapWithConcurrency } from './concurrency.js';
export {
  ensureEmailOnlyUsers,
  loadAttributes,
  type Progress,
  type RecipientsContext,
  type RecipientsOmni,
  RecipientsRefusal,
} from './context.js';
export {
  DirectoryError,
  type EmailScope,
  type ProfileFieldDefinition,
  type SlackDirectory,
} from './directory.js';
export {
  type EmailOnlyOutcome,
  type EmailOnlyPlan,
  mappingProblems,
  PRECISE_SUMMARY_MAX,
  planEmailOnlyUsers,
  type Refusal,
  upsertEmailOnly,
} from './email-only.js';
export {
  EMAIL_ONLY_SYNC_JOB,
  type EmailOnlySyncData,
  type EmailOnlySyncResult,
  type EmailOnlySyncState,
  emailOnlySyncHandler,
} from './email-only-job.js';
export { type ManageMode, type ManageOutcome, manageEmailOnlyUsers } from './manage-users.js';
export { findOmniMembers, type Membership } from './membership.js';
export { isEmailAddress, parseRecipientText, parseRecipientToken, parseRecipientTokens } from './mentions.js';
export { applyNonMemberPolicy, type NonMemberOutcome } from './non-members.js';
export { type PickedRecipients, pickedInputs } from './picker.js';
export {
  findProfileField,
  type ProfileFieldRef,
  profileFieldValue,
  STANDARD_PROFILE_FIELDS,
  storedFieldName,
} from './profile-fields.js';
export { DEFAULT_LOOKUP_CONCURRENCY, dedupe, isExternal, type ResolveOptions, resolveRecipients } from './resolve.js';
export {
  type AddOutcome,
  addToSchedule,
  type NotEmail,
  RECIPIENT_CHANGE_CHUNK,
  type RemoveOutcome,
  removeFromSchedule,
} from './schedule-recipients.js';
export {
  type ChangeLedger,
  type EmailOnlySent,
  type JobLedger,
  type RecipientsChanged,
  type SentLedger,
  settledEmails,
  upsertRecorded,
} from './sent-ledger.js';
export * from './types.js';
