import { describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../src/config.js';
import { DEVELOPMENT_HOST_POLICY } from '../../src/net/host-policy.js';
import { OmniClient } from '../../src/omni/index.js';
import { PacerRegistry } from '../../src/omni/pacing.js';
import { createDeps } from '../../src/slack/deps-factory.js';
import { NotConnectedError } from '../../src/slack/errors.js';
import { type AppStore, type OmniConnection, type WorkspaceScope, workspaceKey } from '../../src/store/index.js';

function fakeStore(connections: Map<string, OmniConnection>): AppStore {
  return {
    connections: {
      get: async (scope: WorkspaceScope) => connections.get(workspaceKey(scope)),
    },
  } as unknown as AppStore;
}

const conn = (o: Partial<OmniConnection> = {}): OmniConnection => ({
  baseUrl: 'https://a.omniapp.co',
  apiKey: 'key-a',
  connectedBy: 'U1',
  connectedAt: '2026-01-01T00:00:00.000Z',
  rateLimitPerMinute: 60,
  ...o,
});
const config = (o: Partial<AppConfig> = {}) =>
  ({ install: 'oauth', omniHosts: DEVELOPMENT_HOST_POLICY, ...o }) as AppConfig;
const quiet = { info: () => {} };

describe('createDeps().omniFor', () => {
  it('gives each workspace a client for its own connection, reused until it reconnects', async () => {
    const connections = new Map([
      ['team:T1', conn()],
      ['team:T2', conn({ baseUrl: 'https://b.omniapp.co', apiKey: 'key-b' })],
    ]);
    const deps = createDeps(config(), fakeStore(connections), { logger: quiet });
    const first = await deps.omniFor({ teamId: 'T1' });
    expect(first).toBeInstanceOf(OmniClient);
    expect(await deps.omniFor({ teamId: 'T1' })).toBe(first);
    const other = await deps.omniFor({ teamId: 'T2' });
    expect(other).not.toBe(first);
    expect(other.baseUrl).toBe('https://b.omniapp.co');

    connections.set('team:T1', conn({ apiKey: 'key-a2', connectedAt: '2026-02-01T00:00:00.000Z' }));
    expect(await deps.omniFor({ teamId: 'T1' })).not.toBe(first);
  });

  it('builds its clients on the clock and pacers it was given (tests run pacing on virtual time)', async () => {
    const clock = { now: () => 0, sleep: async () => {} };
    const pacers = new PacerRegistry();
    const pacerFor = vi.spyOn(pacers, 'pacerFor');
    const deps = createDeps(config(), fakeStore(new Map([['team:T1', conn()]])), {
      logger: quiet,
      omniClientInternals: { clock, pacers },
    });
    await deps.omniFor({ teamId: 'T1' });
    expect(pacerFor).toHaveBeenCalledWith('https://a.omniapp.co', 'key-a', clock);
  });

  it('throws NotConnectedError for a workspace without a connection', async () => {
    const deps = createDeps(config(), fakeStore(new Map()), { logger: quiet });
    await expect(deps.omniFor({ teamId: 'T9' })).rejects.toBeInstanceOf(NotConnectedError);
  });

  it('falls back to OMNI_BASE_URL only for a single-workspace install', async () => {
    const defaultOmni = { baseUrl: 'https://default.omniapp.co', apiKey: 'k' };
    const single = createDeps(config({ install: 'single', defaultOmni }), fakeStore(new Map()), { logger: quiet });
    expect((await single.omniFor({ teamId: 'T1' })).baseUrl).toBe('https://default.omniapp.co');
    const oauth = createDeps(config({ install: 'oauth', defaultOmni }), fakeStore(new Map()), { logger: quiet });
    await expect(oauth.omniFor({ teamId: 'T1' })).rejects.toBeInstanceOf(NotConnectedError);
  });

  it("prefers the workspace's own connection to the configured default", async () => {
    const defaultOmni = { baseUrl: 'https://default.omniapp.co', apiKey: 'k' };
    const deps = createDeps(config({ install: 'single', defaultOmni }), fakeStore(new Map([['team:T1', conn()]])), {
      logger: quiet,
    });
    expect((await deps.omniFor({ teamId: 'T1' })).baseUrl).toBe('https://a.omniapp.co');
  });
});
