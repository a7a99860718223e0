// Run, pause, resume and delete one schedule on a user's behalf, from a command, a card, a list row or
// App Home: the Omni call, the duplicate-run guard, the audit line, and the schedule read back afterwards.
import { OmniNetworkError, OmniTimeoutError } from '../../omni/errors.js';
import type { OmniClient } from '../../omni/index.js';
import { RunGuard } from '../../schedules/run-guard.js';
import { alreadyInState, loadScheduleView } from '../../schedules/schedule-lookup.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { slackDate } from '../ui/format.js';
import { watchServices } from '../watch-services.js';

export type ScheduleOp = 'run' | 'pause' | 'resume' | 'delete';

export const OP_VERBS = { run: 'ran', pause: 'paused', resume: 'resumed', delete: 'deleted' } as const;

export interface OpRequest {
  deps: AppDeps;
  scope: WorkspaceScope;
  userId: string;
  omni: OmniClient;
  op: ScheduleOp;
  scheduleId: string;
  /** Where the run was clicked (`channel:ts` of the message, or `home:<user>`), for the audit line. */
  container?: string;
  /** The person confirmed running again within the guard's minute (the Run again button). */
  force?: boolean;
  /** The viewer's zone, for the refusal's fallback time. */
  zone?: string;
  /**
   * What to read back after the change: the whole schedule for a card (default), or only its name
   * (one GET) where the place redraws from its own read (a list page, App Home).
   */
  readBack?: 'view' | 'name';
  /** The schedule's name when the caller knows it (a name search): the read-back is one list search then. */
  knownName?: string;
}

export type OpOutcome =
  | {
      ok: true;
      op: ScheduleOp;
      at: Date;
      /** The schedule's name (read before deleting). */
      name: string;
      /** The schedule as Omni has it now; absent after a delete, or when reading it back failed. */
      view?: ScheduleView;
      /** Omni found the schedule already paused (or resumed): nothing was changed, the card says so. */
      already?: 'paused' | 'resumed';
    }
  /**
   * Not done, or not known to be done: a run held back (someone ran it within the last minute) or a run
   * whose answer was lost. `message` is for the user; `runAgain` offers the Run again button.
   */
  | { ok: false; message: string; runAgain?: boolean };

/** Omni's refusals are thrown (after the audit line), for the caller to show with Omni's `detail`. */
export async function performScheduleOp(request: OpRequest): Promise<OpOutcome> {
  const { deps, scope, userId, omni, op, scheduleId } = request;
  const workspace = workspaceKey(scope);
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail?: string) =>
    deps.audit.record({
      workspace,
      user: userId,
      action: op,
      schedule: scheduleId,
      outcome,
      ...(detail && { detail }),
    });

  const guard = op === 'run' ? new RunGuard(deps.store.cache('card-runs'), deps.now) : undefined;
  const guardKey = RunGuard.key(workspace, scheduleId);
  const startedAt = deps.now();
  if (guard && request.force) await guard.takeOver(guardKey, userId);
  else if (guard) {
    const claim = await guard.claim(guardKey, userId);
    if (!claim.ok) {
      const where = request.container ? ` (from ${request.container})` : '';
      audit('refused', `run within a minute of ${claim.previous.userId}'s at ${claim.previous.at}${where}`);
      const ago = Math.max(1, Math.round((startedAt.getTime() - Date.parse(claim.previous.at)) / 1000));
      const who = claim.previous.userId === userId ? 'you' : `<@${claim.previous.userId}>`;
      return { ok: false, runAgain: true, message: `:hand: It was run ${ago} s ago by ${who}: run again?` };
    }
  }

  let name = '';
  try {
    if (op === 'delete') name = (await omni.getSchedule(scheduleId)).name;
    if (op === 'run') await omni.triggerSchedule(scheduleId);
    else if (op === 'pause') await omni.pauseSchedule(scheduleId);
    else if (op === 'resume') await omni.resumeSchedule(scheduleId);
    else await omni.deleteSchedule(scheduleId);
  } catch (error) {
    if (guard && answerLost(error)) {
      // Omni may have started the run and only its answer was lost: keep the guard (a blind retry could
      // deliver twice) and look at what Omni says happened before offering to run it again.
      audit('failed', `answer lost, outcome unknown: ${describeFailure(error)}`);
      return unknownRunOutcome(omni, scheduleId, startedAt, request.zone);
    }
    if (guard) await guard.release(guardKey).catch(() => undefined); // nothing ran: let the user retry
    audit('failed', describeFailure(error));
    const already = alreadyInState(error);
    if (!already) throw error;
    // Nothing needed doing: the answer is the schedule as it is, saying so (not an error).
    const view = await loadScheduleView(omni, scheduleId);
    return { ok: true, op, at: deps.now(), name: view.name, view, already };
  }
  audit('ok');
  // Resumed or deleted by hand: a snooze's wake-up must not act on it later.
  if (op === 'resume' || op === 'delete') await watchServices(deps).snooze.cancel(workspace, scheduleId);
  const at = deps.now();
  if (op === 'delete') return { ok: true, op, at, name };
  if (request.readBack === 'name') {
    if (request.knownName) return { ok: true, op, at, name: request.knownName };
    // The change is made; a failed read only costs the notice its name.
    const read = await omni.getSchedule(scheduleId).catch(() => undefined);
    return { ok: true, op, at, name: read?.name ?? '' };
  }
  try {
    const view = await readBackView(omni, scheduleId, request.knownName);
    return { ok: true, op, at, name: view.name, view };
  } catch {
    // The action itself succeeded; only showing the new state failed. Say what was done without it.
    return { ok: true, op, at, name };
  }
}

/** The schedule as it is now: with its name known, one list search finds its record; else GET-one and the list. */
async function readBackView(omni: OmniClient, scheduleId: string, knownName?: string): Promise<ScheduleView> {
  if (knownName) {
    const page = await omni.listSchedules({ q: knownName, pageSize: 100 });
    const record = page.records.find((r) => r.id === scheduleId);
    if (record) return record;
  }
  return loadScheduleView(omni, scheduleId);
}

function describeFailure(error: unknown): string {
  const e = error as { status?: number; detail?: string; message?: string };
  if (typeof e.detail === 'string') return `${e.status ?? ''} ${e.detail}`.trim();
  return e.message ?? String(error);
}

/**
 * Errors after which the trigger may have reached Omni: a time-out, or a connection that failed once the
 * request could have been sent. Refused connections, unknown names and refused hosts sent nothing.
 */
const NOTHING_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_HOST_REFUSED',
]);

export function answerLost(error: unknown): boolean {
  if (error instanceof OmniTimeoutError) return true;
  return error instanceof OmniNetworkError && !NOTHING_SENT.has(error.code ?? '');
}

/** Omni's lastCompletedAt after `startedAt` means the run happened; otherwise nobody knows yet. */
async function unknownRunOutcome(
  omni: OmniClient,
  scheduleId: string,
  startedAt: Date,
  zone: string | undefined,
): Promise<OpOutcome> {
  let view: ScheduleView | undefined;
  try {
    view = await loadScheduleView(omni, scheduleId);
  } catch {
    view = undefined;
  }
  const last = view?.lastCompletedAt ? Date.parse(view.lastCompletedAt) : Number.NaN;
  if (view && last >= startedAt.getTime()) return { ok: true, op: 'run', at: startedAt, name: view.name, view };
  const lastLine = view
    ? view.lastCompletedAt
      ? `Its last completed delivery was ${slackDate(view.lastCompletedAt, zone)}.`
      : 'Omni shows no completed delivery of it yet.'
    : 'Omni could not be asked for its last delivery either.';
  return {
    ok: false,
    runAgain: true,
    message: `:grey_question: Omni did not answer whether it started the run, so it may be delivering now; the app did not try again. ${lastLine} Check with the recipients before running it again.`,
  };
}
