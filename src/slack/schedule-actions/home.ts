// Publishes a user's App Home: connection state, the failure-alerts setting, counts by state, and the viewer's
// sections (yours, you receive, failing). Counting needs every schedule, so the listing is cached per
// workspace for a minute and dropped after any change made through the app; each viewer's sections are
// picked from it, so opening Home costs at most HOME_COUNT_LIMIT / 100 list calls plus one user look-up.
import type { OmniClient, ScheduleRecord } from '../../omni/index.js';
import type { ListViewer } from '../../schedules/list-plan.js';
import { countSchedules, isFailing } from '../../schedules/schedule-state.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import { alertsStatus, turnAlertsOff, turnAlertsOn } from '../alerts-setting.js';
import type { AppDeps } from '../deps.js';
import { AccessDeniedError, logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { recipientIndexFor } from '../people/recipient-index.js';
import { accessRefusal } from '../permissions.js';
import { buildHomeView, type HomeAlerts, type HomeModel, type HomeSchedules, type HomeSection } from '../ui/home.js';
import { listViewerFor } from './list-viewer.js';

/** Counting stops here: ten pages of 100, so that opening Home never costs more than ten Omni calls. */
export const HOME_COUNT_LIMIT = 1000;
export const HOME_CACHE_TTL_MS = 60_000;
// Named for its shape: the summary an earlier version cached under 'home-schedules' is never read as this one.
const CACHE = 'home-listing';

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

/**
 * Home's alerts controls (admins and owners): on in `channelId`, or off, through the same functions as
 * `/schedule alerts on|off`; then Home is published again with what happened (or why not) on top.
 */
export async function changeAlertsFromHome(
  interaction: Interaction,
  change: { on: string } | { off: true },
): Promise<void> {
  let notice: string;
  try {
    notice = 'on' in change ? await turnAlertsOn(interaction, change.on) : await turnAlertsOff(interaction);
  } catch (error) {
    logFailure(interaction.logger, 'App Home alerts', error);
    notice = `${error instanceof AccessDeniedError ? ':lock:' : ':warning:'} ${userMessageForError(error)}`;
  }
  await publishHome({ interaction, notice });
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
  const alerts = await homeAlerts(interaction, accessRefusal(actor, 'admin') === undefined);
  const withAlerts = { ...base, connection: connected, ...(alerts ? { alerts } : {}) };
  try {
    const omni = await interaction.omni();
    const key = workspaceKey(scope);
    const cache = deps.store.cache(CACHE);
    const load = () => listAll(omni);
    const listing = request.fresh ? await load() : await cache.getOrLoad(key, HOME_CACHE_TTL_MS, load);
    if (request.fresh) await cache.set(key, listing, HOME_CACHE_TTL_MS).catch(() => undefined);
    return { ...withAlerts, schedules: await personalise(interaction, listing) };
  } catch (error) {
    logFailure(logger, 'App Home', error);
    return { ...withAlerts, error: `Could not load the schedules. ${userMessageForError(error)}` };
  }
}

/** The alerts line; left out (and logged) when the store cannot be read, rather than failing Home. */
async function homeAlerts(interaction: Interaction, canChange: boolean): Promise<HomeAlerts | undefined> {
  try {
    const status = await alertsStatus(interaction);
    return {
      enabled: status.enabled,
      ...(status.channelId ? { channelId: status.channelId } : {}),
      ...(status.lastCheck ? { lastCheck: status.lastCheck } : {}),
      canChange,
    };
  } catch (error) {
    logFailure(interaction.logger, 'App Home alerts line', error);
    return undefined;
  }
}

/** The organization's schedules, each once, as Omni lists them (up to HOME_COUNT_LIMIT). */
interface HomeListing {
  schedules: ScheduleRecord[];
  countedUpTo?: number;
}

async function listAll(omni: Pick<OmniClient, 'iterateSchedules'>): Promise<HomeListing> {
  const all: ScheduleRecord[] = [];
  let more = false;
  for await (const record of omni.iterateSchedules({ pageSize: 100 })) {
    if (all.length === HOME_COUNT_LIMIT) {
      more = true;
      break;
    }
    all.push(record);
  }
  return { schedules: all, ...(more ? { countedUpTo: HOME_COUNT_LIMIT } : {}) };
}

/**
 * The viewer's sections from the listing: owned (Omni's ownerId is the Omni user with their Slack email, as
 * `list mine` finds it), received (the recipient index, as `list receiving` reads it) and failing. The viewer
 * look-ups are cached by listViewerFor; nothing here reads a schedule on its own.
 */
async function personalise(interaction: Interaction, listing: HomeListing): Promise<HomeSchedules> {
  const all = listing.schedules;
  const base = {
    counts: countSchedules(all),
    failing: { schedules: all.filter(isFailing) },
    ...(listing.countedUpTo ? { countedUpTo: listing.countedUpTo } : {}),
  };
  let viewer: ListViewer | undefined;
  try {
    viewer = await listViewerFor(interaction, { mine: true, receiving: true });
  } catch (error) {
    logFailure(interaction.logger, 'App Home: who is looking', error);
    const note = `Could not look up your email or Omni account: ${userMessageForError(error)}`;
    return { ...base, yours: { schedules: [], note }, receiving: { schedules: [], note } };
  }
  return { ...base, yours: owned(all, viewer), receiving: await received(interaction, all, viewer) };
}

function owned(all: readonly ScheduleRecord[], viewer: ListViewer | undefined): HomeSection {
  const id = viewer?.omniUserId;
  if (!viewer?.email)
    return { schedules: [], note: 'Slack shows no email for you, so your schedules cannot be found.' };
  if (!id) return { schedules: [], note: `No Omni user has your email (${viewer.email}).` };
  return { schedules: all.filter((s) => s.ownerId === id) };
}

async function received(
  interaction: Interaction,
  all: readonly ScheduleRecord[],
  viewer: ListViewer | undefined,
): Promise<HomeSection> {
  const email = viewer?.email;
  if (!email) return { schedules: [], note: 'Slack shows no email for you, so what you receive cannot be found.' };
  const index = recipientIndexFor(interaction.deps, interaction.scope);
  if (!index)
    return {
      schedules: [],
      note: 'The app has not started reading who receives what yet (it does once start-up is done): open Home again in a minute.',
    };
  try {
    const known = await index.schedulesDeliveringTo(email);
    const schedules = all.filter((s) => known.scheduleIds.has(s.id));
    if (known.complete) return { schedules };
    // Omni cannot search by recipient: say that the app's own index is not complete yet, as `list receiving` does.
    const note = /^\d{4}-/.test(known.asOf)
      ? `The app has not read every schedule's recipients since ${known.asOf}, so some may be missing here.`
      : 'The app has not yet read every schedule’s recipients (it does so hourly), so some may be missing here.';
    return { schedules, note };
  } catch (error) {
    logFailure(interaction.logger, 'App Home: what the viewer receives', error);
    return { schedules: [], note: `Could not read what you receive: ${userMessageForError(error)}` };
  }
}
