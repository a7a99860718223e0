// Builds AppDeps once at start-up: the store, the audit log, the clock, and omniFor(scope), which hands each
// workspace its own OmniClient and nobody else's.
import type { Logger } from '@slack/bolt';
import type { AppConfig } from '../config.js';
import type { OmniClientInternals } from '../omni/client.js';
import { type DialectMemory, inMemoryDialect, OmniClient } from '../omni/index.js';
import { type AppStore, type WorkspaceScope, workspaceKey } from '../store/index.js';
import { AuditLog } from './audit.js';
import { type ActiveConnection, activeConnection } from './connection.js';
import type { AppDeps } from './deps.js';
import { NotConnectedError } from './errors.js';
import { announceRateLimitWait } from './rate-limit-notice.js';
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

  const deps: AppDeps = {
    config,
    store,
    audit,
    now,
    runWatches: new RunWatches(options.runWatch),
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

function fingerprintOf(connection: ActiveConnection): string {
  const when = connection.source === 'workspace' ? connection.connectedAt : 'configured';
  return [connection.source, connection.baseUrl, when, connection.rateLimitPerMinute].join('|');
}
