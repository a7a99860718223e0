// Run, pause, resume and delete one schedule on a user's behalf, from a command, a card, a list row or
// App Home: the Omni call, the duplicate-run guard, the audit line, and the schedule read back afterwards.
import type { OmniClient } from '../../omni/index.js';
import { RunGuard } from '../../schedules/run-guard.js';
import { loadScheduleView } from '../../schedules/schedule-lookup.js';
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
  /**
   * Where the run was clicked (`channel:ts` of the message, or `home:<user>`): a second run from the same
   * place within a minute is refused. Typed commands have none.
   */
  container?: string;
  /** The viewer's zone, for the refusal's fallback time. */
  zone?: string;
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
    }
  /** Refused before Omni was asked (a duplicate run); `message` is for the user. */
  | { ok: false; message: string };

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

  const guard = op === 'run' && request.container ? new RunGuard(deps.store.cache('card-runs'), deps.now) : undefined;
  const guardKey = request.container ? RunGuard.key(workspace, scheduleId, request.container) : '';
  if (guard) {
    const claim = await guard.claim(guardKey, userId);
    if (!claim.ok) {
      audit('refused', `run from the same card within a minute (by ${claim.previous.userId} at ${claim.previous.at})`);
      const seconds = Math.max(1, Math.ceil(claim.retryInMs / 1000));
      const who = claim.previous.userId === userId ? 'You' : `<@${claim.previous.userId}>`;
      return {
        ok: false,
        message: `:hand: Not run again: ${who} started a run of this schedule from here ${slackDate(claim.previous.at, request.zone)}. To keep a double click from delivering twice, a card runs a schedule at most once a minute; try again in ${seconds} s if you really mean to.`,
      };
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
    if (guard) await guard.release(guardKey).catch(() => undefined); // nothing ran: let the user retry
    audit('failed', describeFailure(error));
    throw error;
  }
  audit('ok');
  // Resumed or deleted by hand: a snooze's wake-up must not act on it later.
  if (op === 'resume' || op === 'delete') await watchServices(deps).snooze.cancel(workspace, scheduleId);
  const at = deps.now();
  if (op === 'delete') return { ok: true, op, at, name };
  try {
    const view = await loadScheduleView(omni, scheduleId);
    return { ok: true, op, at, name: view.name, view };
  } catch {
    // The action itself succeeded; only showing the new state failed. Say what was done without it.
    return { ok: true, op, at, name };
  }
}

function describeFailure(error: unknown): string {
  const e = error as { status?: number; detail?: string; message?: string };
  if (typeof e.detail === 'string') return `${e.status ?? ''} ${e.detail}`.trim();
  return e.message ?? String(error);
}
