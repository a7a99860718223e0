// After Run now: Omni answers the trigger at once and records the outcome later, so the card that was clicked
// follows the run in the background (checks spaced to stay inside the key's budget, see run-progress.ts) and
// is redrawn in place with what Omni recorded, or with a polite note when the app stops checking.
import type { ScheduleDetail } from '../../omni/index.js';
import { RUN_WATCH_BOUND_MS, runCheckDelays, runProgress } from '../../schedules/run-progress.js';
import { describeSystemDisabledReason } from '../../schedules/schedule-state.js';
import { type ScheduleView, viewFromDetail } from '../../schedules/schedule-view.js';
import { workspaceKey } from '../../store/index.js';
import { errorMessage } from '../errors.js';
import { type RunStarted, type RunStatus, runStatusText, withRunStatus } from '../ui/run-status.js';
import { buildScheduleCard } from '../ui/schedule-card.js';
import { buildScheduleCardModal } from '../ui/schedule-card-modal.js';
import type { ActRequest } from './act.js';
import { cardOptions, type Display, stateLines } from './display.js';
import { noteToUser, type Replier, replaceOriginMessage } from './origin.js';

export interface RunWatchOptions {
  /** How the watcher waits between checks (tests pass a controllable one). Default: real time. */
  sleep?: (ms: number) => Promise<void>;
  boundMs?: number;
  /** Runs followed at once per workspace; beyond it a card keeps its "started" line only. Default 5. */
  maxPerWorkspace?: number;
}

/** Thrown out of a wait when the app stops following runs (shutdown, a test's end). */
class StoppedFollowing extends Error {}

/** The runs being followed, per workspace. One per app. */
export class RunWatches {
  readonly #active = new Map<string, number>();
  readonly #tasks = new Set<Promise<void>>();
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #stop = new AbortController();
  readonly boundMs: number;
  readonly #max: number;

  constructor(options: RunWatchOptions = {}) {
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.boundMs = options.boundMs ?? RUN_WATCH_BOUND_MS;
    this.#max = options.maxPerWorkspace ?? 5;
  }

  /** Waits `ms`; throws StoppedFollowing when stop() is called meanwhile. */
  async wait(ms: number): Promise<void> {
    const signal = this.#stop.signal;
    if (signal.aborted) throw new StoppedFollowing();
    let onAbort = () => {};
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => reject(new StoppedFollowing());
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.#sleep(ms), stopped]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Starts `task` in the background; false when the workspace already has as many runs followed as allowed. */
  start(workspace: string, task: () => Promise<void>): boolean {
    if (this.#stop.signal.aborted) return false;
    const count = this.#active.get(workspace) ?? 0;
    if (count >= this.#max) return false;
    this.#active.set(workspace, count + 1);
    const running = task().finally(() => {
      const left = (this.#active.get(workspace) ?? 1) - 1;
      if (left <= 0) this.#active.delete(workspace);
      else this.#active.set(workspace, left);
      this.#tasks.delete(running);
    });
    this.#tasks.add(running);
    return true;
  }

  /** Resolves when every run followed now has been shown or given up. */
  async settled(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
  }

  /** Stops following every run (their cards keep the "started" line) and waits for them to let go. */
  async stop(): Promise<void> {
    this.#stop.abort();
    await this.settled();
  }

  get following(): number {
    return this.#tasks.size;
  }
}

type RunOutcome = { at: Date; view?: ScheduleView };

/**
 * Follows the run `request` started, when it was started from a card (a message or the card's modal), and
 * redraws that card with the outcome. Returns at once; failures are logged, never thrown.
 */
export function followRunOnCard(request: ActRequest, outcome: RunOutcome, display: Display): void {
  const { origin, interaction } = request;
  const watches = interaction.deps.runWatches;
  if (!watches || !origin || origin.kind === 'home' || (origin.kind === 'message' && origin.shows !== 'card')) return;
  const started: RunStarted = { userId: interaction.userId, at: outcome.at };
  const workspace = workspaceKey(interaction.scope);
  const accepted = watches.start(workspace, async () => {
    try {
      await followRun(request, watches, started, outcome.view?.dashboardName, display);
    } catch (error) {
      if (error instanceof StoppedFollowing) return;
      interaction.logger.warn(`Following the run of schedule ${request.scheduleId}: ${errorMessage(error)}`);
    }
  });
  if (!accepted) interaction.logger.info(`Not following the run of ${request.scheduleId}: too many runs followed`);
}

/** Consecutive failed checks after which the app stops (Omni or the network is down; the card says so). */
const MAX_FAILED_CHECKS = 3;

async function followRun(
  request: ActRequest,
  watches: RunWatches,
  started: RunStarted,
  dashboardName: string | undefined,
  display: Display,
): Promise<void> {
  const { interaction, scheduleId } = request;
  const omni = await interaction.omni();
  const connection = await interaction.connection();
  let detail: ScheduleDetail | undefined;
  let failures = 0;
  // The first check waits too: Omni records a run some seconds after accepting it.
  for (const delay of runCheckDelays(connection?.rateLimitPerMinute ?? 60, watches.boundMs)) {
    await watches.wait(delay);
    try {
      detail = await omni.getSchedule(scheduleId);
      failures = 0;
    } catch (error) {
      failures += 1;
      interaction.logger.info(`Checking the run of ${scheduleId} failed: ${errorMessage(error)}`);
      if (failures >= MAX_FAILED_CHECKS) break;
      continue;
    }
    const progress = runProgress(detail.destinations, started.at);
    if (progress.kind === 'ended') {
      const reason = detail.systemDisabledReason
        ? describeSystemDisabledReason(detail.systemDisabledReason)
        : undefined;
      await showOnCard(
        request,
        detail,
        dashboardName,
        display,
        runStatusText(
          started,
          {
            kind: 'ended',
            progress,
            ...(reason ? { systemDisabledReason: reason } : {}),
          },
          display.zone,
        ),
      );
      return;
    }
  }
  const status: RunStatus = detail
    ? { kind: 'gave_up', why: 'unfinished', afterMs: watches.boundMs, scheduleId }
    : { kind: 'gave_up', why: 'unreachable', afterMs: watches.boundMs, scheduleId };
  const line = runStatusText(started, status, display.zone);
  if (detail) await showOnCard(request, detail, dashboardName, display, line);
  else await noteToUser(replierOf(request), request.origin, line);
}

function replierOf(request: ActRequest): Replier {
  const { interaction } = request;
  return {
    client: interaction.client,
    logger: interaction.logger,
    userId: interaction.userId,
    ...(request.respond ? { respond: request.respond } : {}),
  };
}

async function showOnCard(
  request: ActRequest,
  detail: ScheduleDetail,
  dashboardName: string | undefined,
  display: Display,
  line: string,
): Promise<void> {
  const { origin, interaction } = request;
  // The GET-one answer already read has all the card shows but the dashboard's name, which the click's read had.
  const view = viewFromDetail(detail, dashboardName);
  const lines = await stateLines(interaction, view.id, display);
  const card = withRunStatus(buildScheduleCard(view, cardOptions(display, view, lines)), line);
  if (origin?.kind === 'modal') {
    await interaction.client.views.update({
      view_id: origin.viewId,
      view: buildScheduleCardModal(card, origin.metadata),
    });
    return;
  }
  if (origin?.kind === 'message') await replaceOriginMessage(replierOf(request), origin, card);
}
