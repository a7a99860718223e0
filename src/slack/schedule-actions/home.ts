// Publishes a user's App Home: connection state, counts by state (failing first) and the first schedules.
// Counting needs every schedule, so the summary is cached per workspace for a minute and dropped after
// any change made through the app.
import type { OmniClient } from '../../omni/index.js';
import { countSchedules, failingFirst, isFailing } from '../../schedules/schedule-state.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { accessRefusal } from '../permissions.js';
import { buildHomeView, HOME_ROWS, type HomeModel, type HomeSchedules } from '../ui/home.js';

/** Counting stops here: ten pages of 100, so that opening Home never costs more than ten Omni calls. */
export const HOME_COUNT_LIMIT = 1000;
export const HOME_CACHE_TTL_MS = 60_000;
const CACHE = 'home-schedules';

export interface HomeRequest {
  /** Whose Home: the person of this request. */
  interaction: Interaction;
  notice?: string;
  /** Skip the cached summary (the Refresh button). */
  fresh?: boolean;
}

export async function publishHome(request: HomeRequest): Promise<void> {
  const view = buildHomeView(await homeModel(request));
  await request.interaction.client.views.publish({ user_id: request.interaction.userId, view });
}

/** Drops the cached summary, after a change, so the next Home shows it. */
export async function forgetHomeSummary(deps: Pick<AppDeps, 'store'>, scope: WorkspaceScope): Promise<void> {
  // A failed delete is logged by the store; the summary then expires within HOME_CACHE_TTL_MS.
  await deps.store
    .cache(CACHE)
    .delete(workspaceKey(scope))
    .catch(() => undefined);
}

async function homeModel(request: HomeRequest): Promise<HomeModel> {
  const { interaction } = request;
  const { deps, scope, logger } = interaction;
  const updatedAt = deps.now();
  const actor = await interaction.actor();
  const zone = actor.tz;
  const base = { updatedAt, ...(zone ? { zone } : {}), ...(request.notice ? { notice: request.notice } : {}) };
  const refusal = accessRefusal(actor, 'member');
  if (refusal) return { ...base, connection: { connected: false, canConnect: false }, refusal };

  const connection = await interaction.connection();
  if (!connection) return { ...base, connection: { connected: false, canConnect: actor.isAdmin || actor.isOwner } };
  const connected: HomeModel['connection'] = {
    connected: true,
    baseUrl: connection.baseUrl,
    ...(connection.source === 'workspace'
      ? { connectedBy: connection.connectedBy, connectedAt: connection.connectedAt }
      : {}),
  };
  try {
    const omni = await interaction.omni();
    const key = workspaceKey(scope);
    const cache = deps.store.cache(CACHE);
    const schedules = request.fresh
      ? await summarise(omni)
      : await cache.getOrLoad(key, HOME_CACHE_TTL_MS, () => summarise(omni));
    if (request.fresh) await cache.set(key, schedules, HOME_CACHE_TTL_MS).catch(() => undefined);
    return { ...base, connection: connected, schedules };
  } catch (error) {
    logFailure(logger, 'App Home', error);
    return { ...base, connection: connected, error: `Could not load the schedules. ${userMessageForError(error)}` };
  }
}

/** Counts every schedule (up to HOME_COUNT_LIMIT) and keeps the first HOME_ROWS, failing first. */
async function summarise(omni: Pick<OmniClient, 'iterateSchedules'>): Promise<HomeSchedules> {
  const all: ScheduleView[] = [];
  let more = false;
  for await (const record of omni.iterateSchedules({ pageSize: 100 })) {
    if (all.length === HOME_COUNT_LIMIT) {
      more = true;
      break;
    }
    all.push(record);
  }
  const failing = all.filter(isFailing);
  // Failing ones first, then the rest as Omni sorts them; only what App Home shows is kept.
  const rows = failingFirst([
    ...failing.slice(0, HOME_ROWS),
    ...all.filter((s) => !isFailing(s)).slice(0, HOME_ROWS),
  ]).slice(0, HOME_ROWS);
  return { counts: countSchedules(all), rows, ...(more ? { countedUpTo: HOME_COUNT_LIMIT } : {}) };
}
