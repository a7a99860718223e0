// The store: keyv on SQLite, Redis or PostgreSQL; Omni connections (API key encrypted), Slack installations
// (tokens encrypted), workspace settings and TTL caches, all keyed by workspace.
export type { BackendKind } from './backends.js';
export type { TtlCache } from './cache.js';
export {
  type ConnectionDialect,
  type ConnectionStore,
  type OmniConnection,
  OmniConnectionSchema,
} from './connections.js';
export {
  decryptSecret,
  encryptSecret,
  loadOrCreateDevKey,
  parseEncryptionKeys,
  SecretDecryptionError,
} from './crypto.js';
export {
  InstallationNotFoundError,
  StoreConfigError,
  StoreUnavailableError,
  StoreValidationError,
} from './errors.js';
export type { KeyvInstallationStore } from './installations.js';
export type { StoreLogger } from './logger.js';
export { type AppStore, type OpenStoreOptions, openStore } from './open.js';
export { type WorkspaceScope, workspaceKey } from './scope.js';
export {
  DEFAULT_WORKSPACE_SETTINGS,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
  WorkspaceSettingsSchema,
  type WorkspaceSettingsStore,
} from './settings.js';
