// Which Omni organization a workspace talks to: its own stored connection (made with `/schedule connect`),
// else — for a single-workspace install only — the server's OMNI_BASE_URL/OMNI_API_KEY.
import type { OmniConnection, WorkspaceScope } from '../store/index.js';
import type { AppDeps } from './deps.js';

/** Omni's documented default limit; used for the configured default connection. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;

export type ActiveConnection =
  | ({ source: 'workspace' } & OmniConnection)
  | { source: 'config'; baseUrl: string; apiKey: string; rateLimitPerMinute: number };

export async function storedConnection(
  deps: Pick<AppDeps, 'store'>,
  scope: WorkspaceScope,
): Promise<OmniConnection | undefined> {
  return deps.store.connections.get(scope);
}

export async function activeConnection(
  deps: Pick<AppDeps, 'store' | 'config'>,
  scope: WorkspaceScope,
): Promise<ActiveConnection | undefined> {
  const stored = await storedConnection(deps, scope);
  if (stored) return { source: 'workspace', ...stored };
  const fallback = deps.config.install === 'single' ? deps.config.defaultOmni : undefined;
  if (fallback) return { source: 'config', ...fallback, rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE };
  return undefined;
}
