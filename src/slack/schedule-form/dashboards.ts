// The org's dashboards (for the form's external select, which must answer within Slack's 3 s) and each
// dashboard's filters and tiles, cached per workspace. The list is read page by page from Omni's
// documents endpoint and refreshed in the background once it is a few minutes old.

import type { Logger } from '@slack/bolt';
import type { OmniClient } from '../../omni/index.js';
import { type DashboardDetails, loadDashboardDetails } from '../../schedules/dashboard-details.js';
import type { DashboardSummary } from '../../schedules/dashboard-search.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { errorMessage } from '../errors.js';
import { settledWithin } from '../time-limit.js';

/** How long a list is kept at all, and after how long an answer from it also starts a refresh. */
export const DASHBOARD_LIST_TTL_MS = 60 * 60_000;
export const DASHBOARD_LIST_FRESH_MS = 5 * 60_000;
export const DASHBOARD_DETAILS_TTL_MS = 10 * 60_000;
/** Omni's documents endpoint pages; at most this many pages (of 100) are read, to stay well within the rate limit. */
const MAX_PAGES = 10;

interface CachedList {
  fetchedAt: number;
  dashboards: DashboardSummary[];
}

type Deps = Pick<AppDeps, 'store' | 'omniFor' | 'now'>;

const listKey = (scope: WorkspaceScope) => workspaceKey(scope);
const detailsKey = (scope: WorkspaceScope, identifier: string) => `${workspaceKey(scope)}:${identifier}`;

const refreshing = new Map<string, Promise<DashboardSummary[]>>();

/** Every dashboard of the org (name order), read from Omni now and cached. One read per workspace at a time. */
export function refreshDashboards(deps: Deps, scope: WorkspaceScope): Promise<DashboardSummary[]> {
  const key = listKey(scope);
  const running = refreshing.get(key);
  if (running) return running;
  const promise = (async () => {
    const omni = await deps.omniFor(scope);
    const dashboards = await readAllDashboards(omni);
    const value: CachedList = { fetchedAt: deps.now().getTime(), dashboards };
    await deps.store.cache('dashboards').set(key, value, DASHBOARD_LIST_TTL_MS);
    return dashboards;
  })().finally(() => refreshing.delete(key));
  refreshing.set(key, promise);
  return promise;
}

async function readAllDashboards(omni: Pick<OmniClient, 'listDocuments'>): Promise<DashboardSummary[]> {
  const dashboards: DashboardSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await omni.listDocuments({ pageSize: 100, sortField: 'name', ...(cursor ? { cursor } : {}) });
    for (const doc of result.records) {
      if (doc.hasDashboard && doc.deleted !== true) dashboards.push({ identifier: doc.identifier, name: doc.name });
    }
    if (!result.pageInfo.hasNextPage || !result.pageInfo.nextCursor) break;
    cursor = result.pageInfo.nextCursor;
  }
  return dashboards;
}

/**
 * The cached list, for answering an options request at once. When there is none yet, waits for Omni up
 * to `waitMs` (the options request has 3 s in all) and otherwise answers empty while the read goes on.
 * A list older than a few minutes is served and refreshed in the background.
 */
export async function dashboardsForOptions(
  deps: Deps,
  scope: WorkspaceScope,
  logger: Pick<Logger, 'warn'>,
  waitMs = 2000,
): Promise<DashboardSummary[]> {
  const cached = await cachedList(deps, scope);
  const refresh = () =>
    refreshDashboards(deps, scope).catch((error: unknown) => {
      logger.warn(`Could not read the dashboards from Omni: ${errorMessage(error)}`);
      return undefined;
    });
  if (cached) {
    if (deps.now().getTime() - cached.fetchedAt > DASHBOARD_LIST_FRESH_MS) void refresh();
    return cached.dashboards;
  }
  const loaded = await settledWithin(refresh(), waitMs);
  return loaded ?? [];
}

/** The name of a dashboard from the cached list, if it is there. */
export async function cachedDashboardName(
  deps: Deps,
  scope: WorkspaceScope,
  identifier: string,
): Promise<string | undefined> {
  const cached = await cachedList(deps, scope);
  return cached?.dashboards.find((d) => d.identifier === identifier)?.name;
}

/** A dashboard's filters and tiles, from the cache or Omni (then cached). Throws Omni's error. */
export function dashboardDetails(deps: Deps, scope: WorkspaceScope, identifier: string): Promise<DashboardDetails> {
  return deps.store
    .cache('dashboard-details')
    .getOrLoad(detailsKey(scope, identifier), DASHBOARD_DETAILS_TTL_MS, async () =>
      loadDashboardDetails(await deps.omniFor(scope), identifier),
    );
}

/** Only what is cached (a view submission cannot wait for Omni before it is acked). */
export async function cachedDashboardDetails(
  deps: Deps,
  scope: WorkspaceScope,
  identifier: string,
): Promise<DashboardDetails | undefined> {
  if (!identifier) return undefined;
  // The store logs its own failures; without it the form goes on as if nothing were cached.
  return deps.store
    .cache('dashboard-details')
    .get<DashboardDetails>(detailsKey(scope, identifier))
    .catch(() => undefined);
}

/** The cached list, or undefined when there is none or the store cannot be read (it logs that itself). */
function cachedList(deps: Deps, scope: WorkspaceScope): Promise<CachedList | undefined> {
  return deps.store
    .cache('dashboards')
    .get<CachedList>(listKey(scope))
    .catch(() => undefined);
}

/** Deletes this many cached details at a time, so that a large org does not flood the store. */
const FORGET_BATCH = 50;

/**
 * Forgets a workspace's cached dashboards (the list, and the details of every dashboard on it) when it connects
 * to another Omni organization or disconnects, so that no form offers the previous org's dashboards. Details of a
 * dashboard that was not on the list (a pasted id) expire on their own within DASHBOARD_DETAILS_TTL_MS.
 */
export async function forgetDashboards(deps: Pick<AppDeps, 'store'>, scope: WorkspaceScope): Promise<void> {
  const lists = deps.store.cache('dashboards');
  const details = deps.store.cache('dashboard-details');
  const cached = await lists.get<CachedList>(listKey(scope));
  await lists.delete(listKey(scope));
  const identifiers = cached?.dashboards.map((d) => d.identifier) ?? [];
  for (let i = 0; i < identifiers.length; i += FORGET_BATCH) {
    await Promise.all(identifiers.slice(i, i + FORGET_BATCH).map((id) => details.delete(detailsKey(scope, id))));
  }
}
