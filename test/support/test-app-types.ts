// The shapes of test-app.ts: what startTestApp takes, the TestApp it returns, and what its requests answer.
import type { App } from '@slack/bolt';
import type { AppConfig } from '../../src/config.js';
import type { FakeSlack, FakeUser, StoredView, UserInput } from '../../src/fake-slack/fake-slack.js';
import type { StoredMessage } from '../../src/fake-slack/fake-slack-model.js';
import type {
  BlockActionInput,
  BlockSuggestionInput,
  EnvelopeOptions,
  UserRef,
  ViewSubmissionInput,
} from '../../src/fake-slack/payloads.js';
import type { SignedPostOptions, SlackAppResponse } from '../../src/fake-slack/signing.js';
import type { JobRecord, Jobs } from '../../src/jobs/types.js';
import type { OmniClientInternals } from '../../src/omni/client.js';
import type { OmniSandbox, OmniSandboxOptions } from '../../src/omni-sandbox/index.js';
import type { AuditLine } from '../../src/slack/audit.js';
import type { BackgroundWork } from '../../src/slack/background.js';
import type { AppDeps } from '../../src/slack/deps.js';
import type { RunWatchOptions } from '../../src/slack/schedule-actions/run-watch.js';
import type { AppStore, WorkspaceScope } from '../../src/store/index.js';
import type { MessageShortcutInput } from './test-app-payloads.js';

export interface TestWorkspaceInput {
  teamId: string;
  /** Bot token in the fake Slack (default `xoxb-<teamId>`). */
  token?: string;
  teamName?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  /** Connect it to the main sandbox (default false; use `t.connect()` with another sandbox for isolation tests). */
  connect?: boolean;
}

export interface StartTestAppOptions {
  /** Options for the sandbox (default: seeded, rate limit off). */
  sandbox?: Partial<OmniSandboxOptions>;
  /** Connect the default workspace to the sandbox before the first request (default true). */
  connect?: boolean;
  /** More workspaces; each gets its own bot token in the fake Slack and an installation in the store. */
  workspaces?: TestWorkspaceInput[];
  /** `single` (SLACK_BOT_TOKEN) by default with one workspace, `oauth` (installation store) with several. */
  install?: 'single' | 'oauth';
  /** Extra environment for loadConfig (e.g. OMNI_BASE_URL); overrides the test defaults. */
  env?: Record<string, string>;
  now?: () => Date;
  /**
   * How the app's Omni clients keep time and pace calls, e.g. a virtual clock so that pacing under a low rate
   * limit runs in real seconds (default: the system clock, with pacers of this app alone).
   */
  omniClientInternals?: OmniClientInternals;
  /**
   * How runs started from a card are followed. Default: their waits never pass, so no test sees a card
   * redrawn (or an Omni call made) behind its back; a test that follows runs passes a `sleep` it controls.
   */
  runWatch?: RunWatchOptions;
  /** Print the app's log lines to stderr as they happen (also: env OMNI_SLACK_TEST_LOGS=1). */
  printLogs?: boolean;
  /** The fake Slack enforces Slack's rate tiers (429 with Retry-After), as a real workspace would. */
  slackRateTiers?: boolean;
  /** Redis key prefix when `env.REDIS_URL` is set (default: a fresh one per app). */
  redisPrefix?: string;
  /**
   * Replicas: run this app against another app's fake Slack, Omni sandbox and signing secret (not closed
   * with this app), as a second process behind one URL would be.
   */
  replicaOf?: Pick<TestApp, 'slack' | 'sandbox' | 'signingSecret'>;
}

export interface RequestOptions {
  /** A Slack user id or a FakeUser (default: `users.member`). */
  user?: UserRef;
  /** Default: the user's team, else the default team. */
  team?: string;
  channel?: string;
  /** Forged or stale signatures etc. */
  signing?: SignedPostOptions;
}

export interface CommandResult extends SlackAppResponse {
  /** What the app posted to this command's response_url, oldest first. */
  responses: Record<string, unknown>[];
  /** Shortcut: the text of every response, in order. */
  texts: string[];
  responseUrl: string;
  triggerId: string;
}

export interface ActionResult extends SlackAppResponse {
  responses: Record<string, unknown>[];
  responseUrl: string;
}

export interface ViewSubmitResult extends SlackAppResponse {
  /** The modal as the fake shows it after applying the ack (undefined when it closed). */
  view: ReturnType<FakeSlack['applyViewResponse']>;
}

export interface TestApp {
  /** http://127.0.0.1:PORT — the Slack endpoint is `${url}/slack/events`. */
  url: string;
  signingSecret: string;
  slack: FakeSlack;
  sandbox: OmniSandbox;
  store: AppStore;
  /** The SQLite file, e.g. to check that a secret is not in it in plain text. */
  storePath: string;
  deps: AppDeps;
  config: AppConfig;
  app: App;
  /** The people features' services and tick (no timer: call `background.tick()`). */
  background: BackgroundWork;
  /** The app's job runner (in-process, on the store). */
  jobs: Jobs;
  /** Every audit line written so far, parsed. */
  audit: AuditLine[];
  /** Every log line written so far. */
  logs: string[];
  /** The default workspace's scope (team T00000001). */
  scope: WorkspaceScope;
  /** Users of the default workspace created at start: a member, an admin, an owner and a guest. */
  users: { member: FakeUser; admin: FakeUser; owner: FakeUser; guest: FakeUser };
  command(text: string, opts?: RequestOptions): Promise<CommandResult>;
  action(input: Partial<BlockActionInput> & { actionId: string }, opts?: RequestOptions): Promise<ActionResult>;
  submitView(
    input: Omit<ViewSubmissionInput, 'user'> & { user?: UserRef },
    opts?: RequestOptions,
  ): Promise<ViewSubmitResult>;
  options(
    input: Omit<BlockSuggestionInput, 'user'> & { user?: UserRef },
    opts?: RequestOptions,
  ): Promise<SlackAppResponse>;
  event(
    event: Record<string, unknown> & { type: string },
    opts?: EnvelopeOptions & RequestOptions,
  ): Promise<SlackAppResponse>;
  messageShortcut(input: Partial<MessageShortcutInput>, opts?: RequestOptions): Promise<ActionResult>;
  /**
   * The user closes a modal (Cancel or ×): the fake marks it closed and, when the app asked with
   * `notify_on_close`, the app gets view_closed (its response is returned; undefined when it was not asked).
   */
  closeView(view: StoredView, opts?: RequestOptions): Promise<SlackAppResponse | undefined>;
  addMember(input?: UserInput): FakeUser;
  addAdmin(input?: UserInput): FakeUser;
  addOwner(input?: UserInput): FakeUser;
  /** A multi-channel guest (`ultra: true`: single-channel). */
  addGuest(input?: UserInput & { ultra?: boolean }): FakeUser;
  /**
   * Saves a connection for a workspace (default: the default workspace, to the main sandbox, allowing
   * TEST_RATE_LIMIT calls a minute) and forgets what it cached from its previous one, as `/schedule connect` does.
   */
  connect(opts?: {
    teamId?: string;
    sandbox?: OmniSandbox;
    apiKey?: string;
    connectedBy?: string;
    rateLimitPerMinute?: number;
  }): Promise<void>;
  /** Deletes a workspace's connection and what it cached, as Disconnect does. */
  disconnect(teamId?: string): Promise<void>;
  /** Another sandbox (e.g. for a second workspace); closed with the app. */
  startSandbox(opts?: Partial<OmniSandboxOptions>): Promise<OmniSandbox>;
  scopeOf(teamId: string): WorkspaceScope;
  /**
   * A command whose work runs as a job (a channel's people, `users sync`): sends it, waits for the jobs, and
   * adds the progress message as it ended (in the person's DM with the app) and every text it showed.
   */
  commandJob(
    text: string,
    opts?: RequestOptions,
  ): Promise<CommandResult & { message: StoredMessage | undefined; shown: string[] }>;
  /** Waits until every job this app queued so far has finished; returns the background ones' records (typed commands' jobs are waited for, not returned). */
  settleJobs(): Promise<JobRecord[]>;
  close(): Promise<void>;
}
