// Forgetting a workspace's cached Omni data when its connection changes: every cache of that workspace, none
// of another's, and a store failure never undoes the change (it is logged).
import { describe, expect, it, vi } from 'vitest';
import { forgetOrganizationCaches } from '../../src/slack/connection-change.js';
import type { AppDeps } from '../../src/slack/deps.js';
import type { TtlCache } from '../../src/store/index.js';

function memoryStore(failing?: string) {
  const caches = new Map<string, Map<string, unknown>>();
  const cache = (name: string): TtlCache => {
    const entries = caches.get(name) ?? new Map<string, unknown>();
    caches.set(name, entries);
    const fail = async () => {
      if (name === failing) throw new Error(`store: could not reach ${name}`);
    };
    return {
      get: async <T>(key: string) => {
        await fail();
        return entries.get(key) as T | undefined;
      },
      set: async (key, value) => void entries.set(key, value),
      delete: async (key) => {
        await fail();
        return entries.delete(key);
      },
      getOrLoad: async () => {
        throw new Error('not used');
      },
    };
  };
  return { caches, store: { cache } as unknown as AppDeps['store'] };
}

const mine = { teamId: 'T1' };

function warm(caches: Map<string, Map<string, unknown>>) {
  const list = {
    fetchedAt: 0,
    dashboards: [
      { identifier: 'd1', name: 'One' },
      { identifier: 'd2', name: 'Two' },
    ],
  };
  caches.set(
    'dashboards',
    new Map<string, unknown>([
      ['team:T1', list],
      ['team:T2', list],
    ]),
  );
  caches.set(
    'dashboard-details',
    new Map<string, unknown>([
      ['team:T1:d1', {}],
      ['team:T1:d2', {}],
      ['team:T2:d1', {}],
    ]),
  );
  caches.set(
    'home-listing',
    new Map<string, unknown>([
      ['team:T1', {}],
      ['team:T2', {}],
    ]),
  );
}

describe('forgetOrganizationCaches', () => {
  it('forgets the workspace’s dashboards, their details and its App Home summary, and nobody else’s', async () => {
    const { caches, store } = memoryStore();
    warm(caches);
    const logger = { warn: vi.fn() };
    await forgetOrganizationCaches({ store }, mine, logger);
    expect([...(caches.get('dashboards')?.keys() ?? [])]).toEqual(['team:T2']);
    expect([...(caches.get('dashboard-details')?.keys() ?? [])]).toEqual(['team:T2:d1']);
    expect([...(caches.get('home-listing')?.keys() ?? [])]).toEqual(['team:T2']);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('does not throw when the store fails; says what may stay stale', async () => {
    const { caches, store } = memoryStore('dashboards');
    warm(caches);
    const logger = { warn: vi.fn() };
    await expect(forgetOrganizationCaches({ store }, mine, logger)).resolves.toBeUndefined();
    expect(caches.get('home-listing')?.has('team:T1')).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Could not forget the cached dashboards .*: store: could not reach dashboards$/),
    );
  });
});
