import { describe, expect, it } from 'vitest';
import {
  cheaperLookup,
  knownWorkspaceSize,
  type ListUsersPage,
  type PrefetchState,
  prefetchByUsersList,
} from '../../src/recipients/bulk-lookup.js';
import { cachedDirectory } from '../../src/recipients/cached-directory.js';
import { FakeDirectory } from './fake-directory.js';
import { MemoryCache } from './memory-cache.js';

describe('cheaperLookup', () => {
  it('asks person by person for a few people, and pages users.list for a large share of the workspace', () => {
    expect(cheaperLookup(10, 1_000)).toBe('users.info');
    expect(cheaperLookup(25, 1_000)).toBe('users.info'); // 5 pages at 20/min = 15 s; 25 look-ups at 100/min = 15 s
    expect(cheaperLookup(26, 1_000)).toBe('users.list');
    expect(cheaperLookup(1_000, 1_000)).toBe('users.list');
    expect(cheaperLookup(200, 50_000)).toBe('users.info'); // 250 pages: 12.5 min against 2 min
    expect(cheaperLookup(5_000, undefined)).toBe('users.list');
  });
});

/** A workspace of `size` people served as users.list pages of 200, counting pages asked for. */
function workspace(size: number, directory: FakeDirectory) {
  const ids = Array.from({ length: size }, (_, i) => directory.person(`U${String(i).padStart(5, '0')}`).id);
  const pagesAsked: Array<string | undefined> = [];
  const listPage: ListUsersPage = async (cursor) => {
    pagesAsked.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const users = ids
      .slice(start, start + 200)
      .map((id) => directory.users.get(id) as NonNullable<ReturnType<typeof directory.users.get>>);
    return { users, ...(start + 200 < size ? { nextCursor: String(start + 200) } : {}) };
  };
  return { ids, listPage, pagesAsked };
}

describe('prefetchByUsersList', () => {
  it('fills the cache that resolving reads, so 1,000 people cost 5 pages and no users.info', async () => {
    const directory = new FakeDirectory();
    const { ids, listPage, pagesAsked } = workspace(1_000, directory);
    const cache = new MemoryCache();
    const { missing } = await prefetchByUsersList(listPage, [...ids, 'U_GONE'], { cache, keyPrefix: 'team:T1' });
    expect(missing).toEqual(['U_GONE']);
    expect(pagesAsked).toHaveLength(5);
    expect(await knownWorkspaceSize(cache, 'team:T1')).toBe(1_000);
    const cached = cachedDirectory(directory, cache, 'team:T1');
    const people = await Promise.all(ids.map((id) => cached.userInfo(id)));
    expect(people.map((p) => p.id)).toEqual(ids);
    expect(directory.calls.filter((c) => c.startsWith('userInfo'))).toEqual([]);
  });

  it('stops paging once everyone wanted has been seen', async () => {
    const directory = new FakeDirectory();
    const { ids, listPage, pagesAsked } = workspace(1_000, directory);
    await prefetchByUsersList(listPage, ids.slice(0, 300), { cache: new MemoryCache(), keyPrefix: 'team:T1' });
    expect(pagesAsked).toEqual([undefined, '200']);
  });

  it('resumes at the page after the last checkpoint when a job restarts', async () => {
    const directory = new FakeDirectory();
    const { ids, listPage, pagesAsked } = workspace(1_000, directory);
    const cache = new MemoryCache();
    const checkpoints: PrefetchState[] = [];
    const dying: ListUsersPage = async (cursor) => {
      if (cursor === '600') throw new Error('killed');
      return listPage(cursor);
    };
    await expect(
      prefetchByUsersList(dying, ids, { cache, keyPrefix: 'team:T1', onPage: async (s) => void checkpoints.push(s) }),
    ).rejects.toThrow('killed');
    const last = checkpoints.at(-1);
    expect(last).toEqual({ cursor: '600', found: 600 });
    pagesAsked.length = 0;
    const { missing } = await prefetchByUsersList(listPage, ids, { cache, keyPrefix: 'team:T1', state: last });
    expect(missing).toEqual([]);
    expect(pagesAsked).toEqual(['600', '800']);
  });
});
