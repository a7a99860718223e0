// A sandbox-backed RecipientsContext for flow tests: the real OmniClient against the Omni sandbox, and an
// in-memory Slack directory.
import { OmniClient } from '../../src/omni/index.js';
import { type OmniSandbox, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { type RecipientsContext, resolveRecipients } from '../../src/recipients/index.js';
import { DEFAULT_WORKSPACE_SETTINGS, type WorkspaceSettings } from '../../src/store/index.js';
import { FakeDirectory } from './fake-directory.js';
import { MemoryCache } from './memory-cache.js';

export async function startFlowSandbox(): Promise<OmniSandbox> {
  return startOmniSandbox({ apiKey: 'flow-test-key', rateLimitPerMinute: 0 });
}

export function flowContext(
  sandbox: OmniSandbox,
  settings: Partial<WorkspaceSettings> = {},
  directory = new FakeDirectory(),
): RecipientsContext & { directory: FakeDirectory; cache: MemoryCache; progress: unknown[] } {
  const omni = new OmniClient({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    rateLimitPerMinute: Number.POSITIVE_INFINITY,
  });
  const full: WorkspaceSettings = { ...DEFAULT_WORKSPACE_SETTINGS, attributeMappings: {}, ...settings };
  const progress: unknown[] = [];
  return {
    omni,
    settings: full,
    directory,
    cache: new MemoryCache(),
    cacheKey: 'team:T1',
    progress,
    onProgress: (p) => {
      progress.push(p);
    },
    resolve: (inputs, purpose) =>
      resolveRecipients(inputs, { directory, settings: full, purpose, home: { teamId: 'T1' } }),
  };
}

/** Omni requests of the sandbox, as `METHOD path`. */
export function requests(sandbox: OmniSandbox): string[] {
  return sandbox.state.requests.map((r) => `${r.method} ${r.path}`);
}
