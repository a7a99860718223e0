// Opening the schedule form: at once (a loading view, while the trigger_id is fresh), then filled from
// Omni with views.update: a new draft for create, the schedule read back for edit and duplicate.
import type { OmniClient } from '../../omni/index.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import { DEFAULT_FORMAT_OPTIONS, type ScheduleDraft } from '../../schedules/draft.js';
import { formatsFor } from '../../schedules/draft-formats.js';
import { DraftReadError, draftFromSchedule } from '../../schedules/draft-from-omni.js';
import { defaultScheduleName } from '../../schedules/draft-naming.js';
import { completeView } from '../../schedules/schedule-lookup.js';
import { isValidTimeZone } from '../../schedules/timezones.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { errorMessage, logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { openLoadingModal } from '../modals.js';
import { settledWithin } from '../time-limit.js';
import { buildScheduleForm, buildScheduleFormError, buildScheduleFormLoading } from '../ui/schedule-form.js';
import type { FormMetadata, FormMode } from '../ui/schedule-form-metadata.js';
import { cachedDashboardName, dashboardDetails, refreshDashboards } from './dashboards.js';
import { pickStore, withStoredPick } from './picks.js';

export interface OpenFormRequest {
  /** Who opens it; its trigger id opens the modal. */
  interaction: Interaction;
  mode: FormMode;
  /** Edit and duplicate: the schedule. */
  scheduleId?: string;
  /** Create: a dashboard to start from (from `/schedule create <id>` or a message's link). */
  identifier?: string;
  /** Where it was opened: the default Slack channel, and where the result is also posted. */
  channelId?: string;
  /** Shown above the form (e.g. "no dashboard link in that message"). */
  notice?: string;
  /** Clicked inside a modal (a card shown in one): stack the form on it, as Slack wants, instead of opening. */
  fromModal?: boolean;
}

export async function openScheduleForm(request: OpenFormRequest): Promise<void> {
  const { mode } = request;
  const { deps, client, logger, scope } = request.interaction;
  const metadata: FormMetadata = {
    mode,
    ...(request.scheduleId ? { scheduleId: request.scheduleId } : {}),
    ...(request.channelId ? { channelId: request.channelId } : {}),
  };
  const loadingText = mode === 'create' ? 'Opening the form…' : 'Reading the schedule from Omni…';
  const viewId = await openLoadingModal(request.interaction, buildScheduleFormLoading(metadata, loadingText), {
    push: request.fromModal === true,
  });
  if (!viewId) throw new Error('Slack opened the form without giving its view id');
  try {
    const actor = await request.interaction.requireAccess('member');
    const omni = await request.interaction.omni();
    const zone = actor.tz && isValidTimeZone(actor.tz) ? actor.tz : 'UTC';
    let draft =
      mode === 'create' ? await newDraft(request, zone) : await existingDraft(omni, request.scheduleId ?? '', mode);
    if (mode !== 'create') {
      const picked = await storedPick(deps, scope, request.scheduleId ?? '', draft, logger);
      draft = picked.draft;
      if (picked.outdated) metadata.pickOutdated = true;
    }
    if (mode === 'edit' && draft.destination.kind === 'sftp') metadata.passwordOnFile = true;
    if (mode === 'edit' && !formatsFor(draft.destination.kind).includes(draft.format)) {
      metadata.keptFormat = { kind: draft.destination.kind, format: draft.format };
    }
    if (mode === 'create') {
      draft.name = defaultScheduleName(draft.dashboardName, draft.when);
      metadata.autoName = draft.name;
    }
    if (draft.identifier) metadata.identifier = draft.identifier;
    if (draft.dashboardName) metadata.dashboardName = draft.dashboardName;
    const { dashboard, dashboardStatus } = await detailsFor(deps, scope, draft.identifier);
    const view = buildScheduleForm(draft, {
      metadata,
      ...(dashboard ? { dashboard } : {}),
      ...(dashboardStatus ? { dashboardStatus } : {}),
      ...(request.notice ? { notice: request.notice } : {}),
      now: deps.now(),
    });
    await client.views.update({ view_id: viewId, view });
  } catch (error) {
    logFailure(logger, `opening the ${mode} form`, error);
    const message = error instanceof DraftReadError ? error.message : userMessageForError(error);
    await client.views
      .update({ view_id: viewId, view: buildScheduleFormError(metadata, message) })
      .catch((e: unknown) => logFailure(logger, 'showing why the form could not open', e));
  }
}

/** The people, channels and groups picked when the schedule was saved here, when they still hold (picks.ts). */
async function storedPick(
  deps: AppDeps,
  scope: WorkspaceScope,
  scheduleId: string,
  draft: ScheduleDraft,
  logger: Interaction['logger'],
): Promise<{ draft: ScheduleDraft; outdated: boolean }> {
  try {
    return await withStoredPick(pickStore(deps), workspaceKey(scope), scheduleId, draft);
  } catch (error) {
    // A pick is a convenience: without the store the form shows Omni's addresses.
    logger.warn(`No stored pick for schedule ${scheduleId}: ${errorMessage(error)}`);
    return { draft, outdated: false };
  }
}

/** A new schedule: the dashboard if one was given, weekdays at 09:00 in the person's zone, to this channel. */
async function newDraft(request: OpenFormRequest, zone: string): Promise<ScheduleDraft> {
  const identifier = request.identifier ?? '';
  const dashboardName = identifier ? await dashboardNameFor(request, identifier) : undefined;
  return {
    identifier,
    ...(dashboardName ? { dashboardName } : {}),
    name: '',
    when: { kind: 'weekdays', hour: 9, minute: 0 },
    timezone: zone,
    destination: request.channelId
      ? { kind: 'slack-channel', channelId: request.channelId, message: '' }
      : { kind: 'slack-dm', userIds: [request.interaction.userId], message: '' },
    format: 'pdf',
    options: { ...DEFAULT_FORMAT_OPTIONS },
    filters: {},
    content: { kind: 'dashboard' },
    alert: { kind: 'none' },
    testNow: false,
  };
}

/** The dashboard's name: from the cached list, else from a fresh read of it if that is quick. */
async function dashboardNameFor(request: OpenFormRequest, identifier: string): Promise<string | undefined> {
  const { deps, scope, logger } = request.interaction;
  const cached = await cachedDashboardName(deps, scope, identifier);
  if (cached) return cached;
  const fresh = refreshDashboards(deps, scope)
    .then((list) => list.find((d) => d.identifier === identifier)?.name)
    .catch((error: unknown) => {
      // The form opens without the name; reading the dashboard's details will say what is wrong.
      logger.debug(`No name for dashboard ${identifier}: ${errorMessage(error)}`);
      return undefined;
    });
  return settledWithin(fresh, NAME_WAIT_MS);
}

/** How long the form waits for the dashboards list to name a dashboard given by id (it opens without the name after). */
const NAME_WAIT_MS = 1500;

/**
 * The schedule as a draft. GET one lacks the dashboard's id and name, so its list record supplies them,
 * unless the caller already knows them (saving an edit: the form holds its dashboard, which an edit keeps),
 * which saves that call.
 */
export async function existingDraft(
  omni: Pick<OmniClient, 'getSchedule' | 'listSchedules' | 'listRecipients'>,
  scheduleId: string,
  mode: 'edit' | 'duplicate',
  dashboard?: { identifier: string; dashboardName?: string },
): Promise<ScheduleDraft> {
  const detail = await omni.getSchedule(scheduleId);
  const view = dashboard ? undefined : await completeView(omni, detail);
  const source = dashboard ?? { identifier: view?.identifier, dashboardName: view?.dashboardName };
  let draft: ScheduleDraft;
  try {
    draft = draftFromSchedule(detail, mode, source);
  } catch (error) {
    if (!(error instanceof DraftReadError)) throw error;
    // Destination settings missing from `metadata`: Omni's recipients endpoint has them.
    draft = draftFromSchedule(detail, mode, { ...source, recipients: await omni.listRecipients(scheduleId) });
  }
  if (needsRecipients(draft)) {
    draft = draftFromSchedule(detail, mode, { ...source, recipients: await omni.listRecipients(scheduleId) });
  }
  return draft;
}

function needsRecipients(draft: ScheduleDraft): boolean {
  const { destination } = draft;
  switch (destination.kind) {
    case 'slack-channel':
      return destination.channelId === '';
    case 'slack-dm':
      return destination.userIds.length === 0;
    case 'webhook':
      return destination.url === '';
    case 'sftp':
      return destination.address === '';
    default:
      return false;
  }
}

/** The dashboard's filters and tiles, or why they could not be read (the form still opens). */
export async function detailsFor(
  deps: AppDeps,
  scope: WorkspaceScope,
  identifier: string,
): Promise<{ dashboard?: DashboardDetails; dashboardStatus?: { error: string } }> {
  if (!identifier) return {};
  try {
    return { dashboard: await dashboardDetails(deps, scope, identifier) };
  } catch (error) {
    return {
      dashboardStatus: { error: `Could not read this dashboard's filters and tiles: ${userMessageForError(error)}` },
    };
  }
}
