export { isValidAwsCron } from './cron-check.js';
export { DIALECTS, type Dialect } from './dialect.js';
export {
  BLOB_ROSS_ID,
  BLOBBY_HILL_ID,
  defaultSeed,
  emptySeed,
  extendedSeed,
  MISSING_QUERY_SCHEDULE_ID,
  ORDERS_EVERYWHERE_ID,
  ORGANIZATION_ID,
  SEEDED_SCHEDULE_IDS,
} from './seed.js';
export { type OmniSandbox, type OmniSandboxOptions, startOmniSandbox } from './server.js';
export type {
  Delivery,
  EmailOnlyUser,
  Member,
  OmniDocument,
  OrgSeed,
  RequestLogEntry,
  SandboxState,
  Schedule,
} from './state.js';
