// Builds AppDeps once at start-up: the store, the audit log, the clock, and omniFor(scope), which hands each
// workspace its own OmniClient and nobody else's.
import type { Logger } from '@slack/bolt';
import type { AppConfig } from '../config.js';
import { guardedFetch } from '../net/guarded-fetch.js';
import type { OmniClientInternals } from '../omni/client.js';
import { OmniClient } from '../omni/index.js';
import { type AppStore, type WorkspaceScope, workspaceKey } from '../store/index.js';
import { AuditLog } from './audit.js';
import { type ActiveConnection, activeConnection } from './connection.js';
import type { AppDeps } from './deps.js';
import { NotConnectedError } from './errors.js';

export interface DepsOptions {
  logger?: Pick<Logger, 'info'>;
  audit?: AuditLog;
  now?: () => Date;
  /** Passed to every OmniClient (tests shorten time-outs or retries). */
  omniClientOptions?: { timeoutMs?: number; maxRetries?: number; fetch?: typeof fetch };
  /** Tests: the clients' clock and pacers, so that pacing and retries can run on virtual time. */
  omniClientInternals?: OmniClientInternals;
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

function fingerprintOf(connection: ActiveConnection): string {
  const when = connection.source === 'workspace' ? connection.connectedAt : 'configured';
  return [connection.source, connection.baseUrl, when, connection.rateLimitPerMinute].join('|');
}
