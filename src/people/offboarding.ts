// Offboarding: someone left (Slack deactivated them, or an admin named them). What they receive comes from
// the recipient index; what they own from the index's catalogue (the list's `ownerId`) and their Omni
// user id. Removing them everywhere and handing their schedules over run as one durable job, one schedule
// at a time, checkpointed after each, so a restart never repeats a schedule already done.
import type { JobContext, Jobs } from '../jobs/types.js';
import { OmniApiError } from '../omni/index.js';
import { emailKey } from '../recipients/types.js';
import { RecipientIndexStore } from './recipient-index.js';
import type { PeopleDeps } from './types.js';

export const OFFBOARD_JOB = 'people-offboard';

export interface ScheduleRef {
  id: string;
  name: string;
}

/** What the admin message and `/schedule who` / `remove-everywhere` show. */
export interface OffboardingReport {
  email: string;
  /** The person's Omni user id; null when no Omni user has this email (they may still receive as email-only). */
  omniUserId: string | null;
  receives: ScheduleRef[];
  owns: ScheduleRef[];
  /** The index's freshness: when it was last brought up to date, and whether it had read every schedule. */
  asOf: string | null;
  complete: boolean;
}

export async function offboardingReport(
  deps: PeopleDeps,
  workspace: string,
  email: string,
): Promise<OffboardingReport> {
  const store = new RecipientIndexStore(deps.cache);
  const omni = await deps.omniFor(workspace);
  const found = await store.deliveringTo(workspace, email);
  await deps.pace?.();
  const user = await omni.findUserByEmail(email);
  const owns = user ? await store.ownedBy(workspace, user.id) : [];
  return {
    email: emailKey(email),
    omniUserId: user?.id ?? null,
    receives: found.schedules.map(({ id, name }) => ({ id, name })),
    owns,
    asOf: found.asOf,
    complete: found.complete,
  };
}

export type OffboardStep = { scheduleId: string; name: string } & (
  | { action: 'remove' }
  | { action: 'transfer'; toUserId: string }
);

export interface OffboardData {
  workspace: string;
  email: string;
  steps: OffboardStep[];
  /**
   * Where the job's own progress message is (a Slack channel and ts, opaque here): the job tells it how it
   * goes through `PeopleDeps.offboardingUpdate`, from whichever process runs it, to the summary.
   */
  message?: { channel: string; ts: string };
}

/** What the job tells its progress message: half-way, then the summary or why it stopped. */
export type OffboardEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: OffboardSummary }
  | { type: 'stopped'; error: string };

export type StepOutcome = 'removed' | 'not-there' | 'transferred' | 'gone' | 'failed';

export interface StepResult {
  scheduleId: string;
  name: string;
  action: OffboardStep['action'];
  outcome: StepOutcome;
  /** Omni's own words when it refused. */
  message?: string;
}

export type OffboardState = { next: number; results: StepResult[] };

export interface OffboardSummary {
  email: string;
  removed: number;
  notThere: number;
  transferred: number;
  gone: number;
  failed: StepResult[];
  results: StepResult[];
}

export function offboardKey(workspace: string, email: string): string {
  return `people-offboard:${workspace}:${emailKey(email)}`;
}

/** "Remove from all": one step per schedule the report says they receive. */
export function removeEverywhereSteps(report: OffboardingReport): OffboardStep[] {
  return report.receives.map(({ id, name }) => ({ scheduleId: id, name, action: 'remove' }));
}

/** "Transfer ownership" of every schedule they own to `toUserId` (an Omni user id). */
export function transferSteps(report: OffboardingReport, toUserId: string): OffboardStep[] {
  return report.owns.map(({ id, name }) => ({ scheduleId: id, name, action: 'transfer', toUserId }));
}

export function enqueueOffboarding(jobs: Jobs, data: OffboardData) {
  if (data.steps.length === 0) throw new Error('Nothing to do: no schedule was named');
  const email = emailKey(data.email);
  return jobs.enqueue(
    OFFBOARD_JOB,
    { ...data, email },
    {
      key: offboardKey(data.workspace, data.email),
      // The same change asked twice joins, wherever each asker's message is.
      identity: { workspace: data.workspace, email, steps: data.steps },
    },
  );
}

export function offboardHandler(deps: PeopleDeps) {
  const store = new RecipientIndexStore(deps.cache);
  return async (job: JobContext<OffboardData, OffboardState>): Promise<OffboardSummary> => {
    // Telling the message is best effort: the implementer logs its failures, and the job goes on.
    const tell = async (event: OffboardEvent) => {
      await deps.offboardingUpdate?.(job.data, event).catch(() => undefined);
    };
    try {
      const summary = await runSteps(deps, store, job, tell);
      await tell({ type: 'done', summary });
      return summary;
    } catch (error) {
      await tell({ type: 'stopped', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
}

/** The steps from the last checkpoint on, one schedule at a time. */
async function runSteps(
  deps: PeopleDeps,
  store: RecipientIndexStore,
  job: JobContext<OffboardData, OffboardState>,
  tell: (event: OffboardEvent) => Promise<void>,
): Promise<OffboardSummary> {
  const { workspace, email, steps } = job.data;
  const omni = await deps.omniFor(workspace);
  const results = [...(job.state?.results ?? [])];
  for (let i = job.state?.next ?? 0; i < steps.length; i++) {
    const step = steps[i] as OffboardStep;
    const base = { scheduleId: step.scheduleId, name: step.name, action: step.action };
    await deps.pace?.();
    try {
      if (step.action === 'remove') {
        const { removedRecipientsCount } = await omni.removeRecipients(step.scheduleId, { emails: [email] });
        results.push({ ...base, outcome: removedRecipientsCount > 0 ? 'removed' : 'not-there' });
        await store.applyChange(workspace, step.scheduleId, { removed: [email] });
      } else {
        await omni.transferOwnership(step.scheduleId, step.toUserId);
        results.push({ ...base, outcome: 'transferred' });
      }
    } catch (error) {
      // One schedule Omni refuses (deleted meanwhile, Slack destination now) must not stop the others.
      if (!(error instanceof OmniApiError) || error.status === 429 || error.status >= 500) throw error;
      results.push({ ...base, outcome: error.status === 404 ? 'gone' : 'failed', message: error.detail });
    }
    await job.checkpoint({ next: i + 1, results });
    await job.progress({ done: i + 1, total: steps.length, phase: 'changing schedules' });
    // One update half-way (from 4 schedules on); the summary follows.
    const half = steps.length / 2;
    if (steps.length >= 4 && i < half && i + 1 >= half && i + 1 < steps.length) {
      await tell({ type: 'progress', done: i + 1, total: steps.length });
    }
  }
  return summarize(email, results);
}

export function summarize(email: string, results: StepResult[]): OffboardSummary {
  const count = (outcome: StepOutcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    email,
    removed: count('removed'),
    notThere: count('not-there'),
    transferred: count('transferred'),
    gone: count('gone'),
    failed: results.filter((r) => r.outcome === 'failed'),
    results,
  };
}

/** The Omni user who takes over schedules, by the email Slack shows for them; a clear error when there is none. */
export async function transferTarget(deps: PeopleDeps, workspace: string, email: string): Promise<string> {
  const omni = await deps.omniFor(workspace);
  await deps.pace?.();
  const user = await omni.findUserByEmail(email);
  if (!user) throw new Error(`No Omni user has the email ${email}: schedules can only be handed to an Omni user`);
  return user.id;
}
