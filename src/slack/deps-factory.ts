// Builds AppDeps once at start-up: the store, the audit log, the clock, and omniFor(scope), which hands each
// workspace its own OmniClient and nobody else's.
import type { Logger } from '@slack/bolt';
import { LogLevel, WebClient } from '@slack/web-api';
import type { AppConfig } from '../config.js';
import { MemoryRateBudget, type RateBudget } from '../coordination/rate-budget.js';
import { SlackBudget } from '../coordination/slack-budget.js';
import { StoreJobs } from '../jobs/store-jobs.js';
import type { Jobs } from '../jobs/types.js';
import { guardedFetch } from '../net/guarded-fetch.js';
import type { OmniClientInternals } from '../omni/client.js';
import { type DialectMemory, inMemoryDialect, OmniClient } from '../omni/index.js';
import { type AppStore, type WorkspaceScope, workspaceKey } from '../store/index.js';
import { AuditLog } from './audit.js';
import { type ActiveConnection, activeConnection } from './connection.js';
import type { AppDeps } from './deps.js';
import { NotConnectedError } from './errors.js';
import { announcePacingWait, announceRateLimitWait } from './rate-limit-notice.js';
import { RunWatches, type RunWatchOptions } from './schedule-actions/run-watch.js';

export interface DepsOptions {
  logger?: Pick<Logger, 'info'>;
  audit?: AuditLog;
  now?: () => Date;
  /** Passed to every OmniClient (tests shorten time-outs or retries). */
  omniClientOptions?: { timeoutMs?: number; maxRetries?: number; fetch?: typeof fetch };
  /** Tests: the clients' clock and pacers, so that pacing and retries can run on virtual time. */
  omniClientInternals?: OmniClientInternals;
  /** How runs started from a card are followed (tests control the waits). */
  runWatch?: RunWatchOptions;
  /**
   * From openCoordination (start-up registers the job handlers on it, then starts it). Without it, jobs live
   * in the store and nothing runs them until someone registers handlers and calls `start()`.
   */
  jobs?: Jobs;
  /** From openCoordination: Slack's budgets are shared with the other replicas through it. */
  rateBudget?: RateBudget;
  /** A Slack answer 429 to a paced call (metrics). */
  onSlackRateLimited?: (method: string) => void;
}

interface CachedClient {
  /** What the client was built from (never the key itself): a new connection gets a new client. */
  fingerprint: string;
  client: OmniClient;
}

export function createDeps(config: AppConfig, store: AppStore, options: DepsOptions = {}): AppDeps {
  const now = options.now ?? (() => new Date());
  const audit = options.audit ?? new AuditLog(options.logger ?? console, now);
  // One client per workspace: it paces calls for that connection's key. Replaced when the workspace
  // reconnects (connectedAt changes) or switches between its own connection and the configured default.
  const clients = new Map<string, CachedClient>();

  let defaultJobs: Jobs | undefined;
  const deps: AppDeps = {
    config,
    store,
    audit,
    now,
    runWatches: new RunWatches(options.runWatch),
    // Built on first use: unit tests give a store with no caches and never touch jobs.
    get jobs(): Jobs {
      defaultJobs ??= options.jobs ?? new StoreJobs({ cache: store.cache('jobs') });
      return defaultJobs;
    },
    slackBudget: new SlackBudget(options.rateBudget ?? new MemoryRateBudget(), undefined, options.onSlackRateLimited),
    async slackClientFor(scope: WorkspaceScope): Promise<WebClient> {
      const token = await botTokenFor(config, store, scope);
      return new WebClient(token, {
        slackApiUrl: config.slack.apiUrl,
        // 429s go to SlackBudget, which blocks the method for every replica and retries; never dropped.
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
        timeout: 10_000,
        logLevel: LogLevel.WARN,
      });
    },
    async omniFor(scope: WorkspaceScope, known?: ActiveConnection): Promise<OmniClient> {
      const key = workspaceKey(scope);
      const connection = known ?? (await activeConnection(deps, scope));
      if (!connection) {
        clients.delete(key);
        throw new NotConnectedError();
      }
      const fingerprint = fingerprintOf(connection);
      const cached = clients.get(key);
      if (cached?.fingerprint === fingerprint) return cached.client;
      const client = new OmniClient(
        {
          baseUrl: connection.baseUrl,
          apiKey: connection.apiKey,
          rateLimitPerMinute: connection.rateLimitPerMinute,
          dialectMemory: dialectMemoryFor(store, scope, connection),
          onRateLimitWait: announceRateLimitWait,
          onPacingWait: announcePacingWait,
          // Stored connections and OMNI_BASE_URL obey the connect form's host rules on every call: a name
          // that later resolves to a private address is refused at connection time (DNS rebinding).
          fetch: guardedFetch({ policy: config.omniHosts }),
          ...options.omniClientOptions,
        },
        options.omniClientInternals,
      );
      clients.set(key, { fingerprint, client });
      return client;
    },
  };
  return deps;
}

/**
 * Where the client keeps the reading Omni accepted: with the workspace's stored connection, so a restart
 * starts with it; in the client alone for the configured default, which has no record of its own.
 */
function dialectMemoryFor(store: AppStore, scope: WorkspaceScope, connection: ActiveConnection): DialectMemory {
  if (connection.source === 'config') return inMemoryDialect();
  const learnt = inMemoryDialect(connection.dialect);
  return {
    get: learnt.get,
    async set(dialect) {
      await learnt.set(dialect);
      await store.connections.rememberDialect(scope, connection.connectedAt, dialect);
    },
  };
}

/** The bot token Bolt would use for this workspace: the configured one, or the stored installation's. */
async function botTokenFor(config: AppConfig, store: AppStore, scope: WorkspaceScope): Promise<string> {
  if (config.install === 'single') {
    if (!config.slack.botToken) throw new Error('SLACK_BOT_TOKEN is not set');
    return config.slack.botToken;
  }
  const installation = await store.installations.fetchInstallation({
    teamId: scope.teamId,
    enterpriseId: scope.enterpriseId,
    isEnterpriseInstall: scope.isEnterpriseInstall === true,
  });
  const token = installation.bot?.token;
  if (!token) throw new Error(`The app's installation in ${workspaceKey(scope)} has no bot token; reinstall the app`);
  return token;
}

function fingerprintOf(connection: ActiveConnection): string {
  const when = connection.source === 'workspace' ? connection.connectedAt : 'configured';
  return [connection.source, connection.baseUrl, when, connection.rateLimitPerMinute].join('|');
}
