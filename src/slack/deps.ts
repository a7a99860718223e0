import type { WebClient } from '@slack/web-api';
import type { AppConfig } from '../config.js';
import type { SlackBudget } from '../coordination/slack-budget.js';
import type { Jobs } from '../jobs/types.js';
import type { OmniClient } from '../omni/index.js';
import type { AppStore, WorkspaceScope } from '../store/index.js';
import type { AuditLog } from './audit.js';
import type { ActiveConnection } from './connection.js';
import type { PeopleServices } from './people/services.js';
import type { RunWatches } from './schedule-actions/run-watch.js';

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
  /** Runs started with Run now that a card is following until Omni records their outcome. */
  runWatches?: RunWatches;
  /** Background jobs (recipient changes, users sync): BullMQ with REDIS_URL, else in this process. */
  jobs: Jobs;
  /** Slack's rate tiers per workspace and method, shared by the replicas with REDIS_URL. */
  slackBudget: SlackBudget;
  /**
   * A Web API client with the workspace's bot token, for work outside a request (a job), built so that a 429
   * reaches `slackBudget` (which waits and retries) instead of the client's own retries.
   */
  slackClientFor(scope: WorkspaceScope): Promise<WebClient>;
  /** Who receives what, offboarding and follows; set by startBackgroundWork once the job runner is open. */
  people?: PeopleServices;
}
