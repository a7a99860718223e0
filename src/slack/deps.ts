import type { AppConfig } from '../config.js';
import type { OmniClient } from '../omni/index.js';
import type { AppStore, WorkspaceScope } from '../store/index.js';
import type { AuditLog } from './audit.js';
import type { ActiveConnection } from './connection.js';
import type { PeopleServices } from './people/services.js';

/** What every listener may use; built once in main.ts and handed to each `register(app, deps)`. */
export interface AppDeps {
  config: AppConfig;
  store: AppStore;
  /**
   * The workspace's own Omni client; throws NotConnectedError when the workspace has no connection. Pass the
   * connection when the request already read it (see Interaction), so it is not read and decrypted again.
   */
  omniFor(scope: WorkspaceScope, connection?: ActiveConnection): Promise<OmniClient>;
  audit: AuditLog;
  now(): Date;
  /** Who receives what, offboarding and follows; set by startBackgroundWork once the job runner is open. */
  people?: PeopleServices;
}
