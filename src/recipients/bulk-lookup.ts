// Looking up many people at once, the cheaper way. Per-person users.info is Tier 4 (about 100 a minute);
// users.list is Tier 2 (about 20 pages a minute) but returns 200 people a page. For a channel that is a
// large share of the workspace, paging through everyone costs fewer minutes than asking one by one. Both
// ways fill the same cache entries as cachedDirectory, so resolving afterwards asks Slack nothing more.
import type { TtlCache } from '../store/index.js';
import { DEFAULT_DIRECTORY_TTLS, directoryCacheKey } from './cached-directory.js';
import type { SlackUser } from './types.js';

export const USERS_LIST_PAGE_SIZE = 200;
const USERS_INFO_PER_MINUTE = 100;
const USERS_LIST_PAGES_PER_MINUTE = 20;

/** users.list, one page of up to 200 people (the Slack layer implements it over the Web API). */
export type ListUsersPage = (cursor: string | undefined) => Promise<{ users: SlackUser[]; nextCursor?: string }>;

export type LookupWay = 'users.info' | 'users.list';

/**
 * Which way costs fewer minutes of Slack's budget for `wanted` people among `workspaceSize` (unknown: assume
 * the channel is the workspace, so paging wins once it saves time even then).
 */
export function cheaperLookup(wanted: number, workspaceSize: number | undefined): LookupWay {
  const size = Math.max(workspaceSize ?? wanted, wanted);
  const infoMinutes = wanted / USERS_INFO_PER_MINUTE;
  const listMinutes = Math.ceil(size / USERS_LIST_PAGE_SIZE) / USERS_LIST_PAGES_PER_MINUTE;
  return listMinutes < infoMinutes ? 'users.list' : 'users.info';
}

export interface PrefetchState {
  /** The next users.list page; absent before the first. */
  cursor?: string;
  /** Wanted people found so far. */
  found: number;
}

export interface PrefetchOptions {
  cache: TtlCache;
  /** Names the workspace, as for cachedDirectory (e.g. `team:T123`). */
  keyPrefix: string;
  ttlMs?: number;
  /** Where a resumed job left off. */
  state?: PrefetchState;
  /** After each page is cached: a job checkpoints here, so a restart continues at the next page. */
  onPage?: (state: PrefetchState) => Promise<void>;
}

/**
 * Pages through users.list, caching every person it sees (they are all worth having), until every one of
 * `ids` has been seen or the pages run out. Returns the ids not found (left to users.info, which says
 * why: deactivated, from another workspace). Also records the workspace's size for `cheaperLookup`.
 */
export async function prefetchByUsersList(
  listPage: ListUsersPage,
  ids: readonly string[],
  options: PrefetchOptions,
): Promise<{ missing: string[] }> {
  const ttl = options.ttlMs ?? DEFAULT_DIRECTORY_TTLS.peopleMs;
  const wanted = new Set(ids);
  const state: PrefetchState = { ...(options.state ?? { found: 0 }) };
  const cached = async (id: string) =>
    (await options.cache.get(directoryCacheKey(options.keyPrefix, 'user', id))) !== undefined;
  // A resumed job already cached the earlier pages.
  for (const id of [...wanted]) if (await cached(id)) wanted.delete(id);
  let seen = 0;
  let complete = false;
  while (wanted.size > 0) {
    const page = await listPage(state.cursor);
    for (const user of page.users) {
      await options.cache.set(directoryCacheKey(options.keyPrefix, 'user', user.id), user, ttl);
      if (wanted.delete(user.id)) state.found += 1;
    }
    seen += page.users.length;
    if (page.nextCursor) state.cursor = page.nextCursor;
    else {
      complete = true;
      delete state.cursor;
    }
    await options.onPage?.({ ...state });
    if (complete) break;
  }
  if (complete && options.state?.cursor === undefined) {
    await options.cache.set(
      directoryCacheKey(options.keyPrefix, 'workspace-size'),
      seen,
      DEFAULT_DIRECTORY_TTLS.workspaceMs,
    );
  }
  return { missing: [...wanted] };
}

/** The workspace's size as last counted by a full users.list, if any. */
export function knownWorkspaceSize(cache: TtlCache, keyPrefix: string): Promise<number | undefined> {
  return cache.get<number>(directoryCacheKey(keyPrefix, 'workspace-size'));
}
