// Large recipient changes (a channel's or group's people, many people, `users sync`) run as a durable job:
// the request posts a progress message in the person's DM with the app, queues the job on the schedule (or
// the workspace, for users sync) and answers at once; the job, on whichever replica takes it, pages through
// Slack within its rate tiers, does the change, and updates that same message in place to the summary.
//
// Resuming after a crash: Slack look-ups done before it are in the directory cache (users.list pages are
// checkpointed), so they are not asked again, and so are Omni's member answers. Email-only users are
// checkpointed after each Omni batch (recipients/sent-ledger.ts, as `users sync` does): a resumed job sends
// only who is left, so at most the batch in flight at the crash goes twice, which Omni's upsert makes harmless.
// Recipients are added (or removed) in chunks, each checkpointed too: a resumed job sends only the rest, and
// its summary still counts those done before the crash.
import type { WebClient } from '@slack/web-api';
import type { JobContext, JobProgress } from '../../jobs/types.js';
import {
  cheaperLookup,
  knownWorkspaceSize,
  type PrefetchState,
  prefetchByUsersList,
} from '../../recipients/bulk-lookup.js';
import {
  type EmailOnlySent,
  type Progress,
  type RecipientsChanged,
  type RecipientsContext,
  RecipientsRefusal,
} from '../../recipients/index.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { errorMessage, userMessageForError } from '../errors.js';
import { budgetTeamOf } from '../slack-pacing.js';
import type { RecipientsMetadata } from '../ui/recipients-modal.js';
import { refusalMessage } from '../ui/recipients-summary.js';
import {
  auditOf,
  type ChangeResult,
  performChange,
  type RecipientChangeSpec,
  type ShownMessage,
} from './change-spec.js';
import { RECIPIENTS_CACHE, recipientsContextFor } from './context.js';
import type { DirectoryPacing } from './directory.js';
import { usersListPager } from './directory.js';
import { progressText } from './progress.js';
import { redrawRecipientsModal } from './recipients-view.js';

export const RECIPIENT_CHANGE_JOB = 'recipient-change';

export interface RecipientChangeJobData {
  scope: WorkspaceScope;
  /** Who asked (audit). */
  userId: string;
  spec: RecipientChangeSpec;
  /** The progress message: the job updates it in place, to the end. */
  message: { channel: string; ts: string };
  /** Epoch ms when it was queued (queue-wait metric). */
  queuedAt: number;
  /** Started from the Recipients modal's Add: that modal, redrawn with the new list and the summary at the end. */
  view?: { id: string; metadata: Omit<RecipientsMetadata, 'scheduleId'> };
}

export interface RecipientChangeJobState {
  /** Where paging through users.list got to. */
  prefetch?: PrefetchState;
  phase: 'looking up' | 'changing';
  /** Email-only users sent so far (the policy's step before adding), by batch. */
  emailOnly?: EmailOnlySent;
  /** Recipients added or removed so far, by chunk. */
  recipients?: RecipientsChanged;
}

export interface RecipientJobMetrics {
  queueWait: { observe(seconds: number): void };
  jobs: { set(state: 'active' | 'completed' | 'failed', count: number): void };
}

/** Start-up (and the test harness): the handlers for recipient jobs, before `deps.jobs.start()`. */
export function registerRecipientJobs(
  deps: AppDeps,
  log: { warn(message: string): void },
  metrics?: RecipientJobMetrics,
): void {
  const handler = recipientChangeHandler(deps, log, metrics);
  // Counted in this process; each replica reports its own.
  const counts = { active: 0, completed: 0, failed: 0 };
  const set = (state: keyof typeof counts, change: number) => {
    counts[state] += change;
    metrics?.jobs.set(state, counts[state]);
  };
  deps.jobs.register<RecipientChangeJobData, RecipientChangeJobState>(RECIPIENT_CHANGE_JOB, async (job) => {
    set('active', 1);
    try {
      const result = await handler(job);
      set('completed', 1);
      return result;
    } catch (error) {
      set('failed', 1);
      throw error;
    } finally {
      set('active', -1);
    }
  });
}

/** The job key: one change at a time per schedule; `users` changes one at a time per workspace. */
export function jobKeyOf(scope: WorkspaceScope, spec: RecipientChangeSpec): string {
  const ws = workspaceKey(scope);
  return spec.op === 'users' ? `users-sync:${ws}` : `schedule:${ws}:${spec.scheduleId}`;
}

/** Updates the progress message in place, paced by chat.update's tier. */
async function updateMessage(
  deps: Pick<AppDeps, 'slackBudget'>,
  client: WebClient,
  teamId: string,
  where: { channel: string; ts: string },
  message: ShownMessage,
): Promise<void> {
  await deps.slackBudget.call(teamId, 'chat.update', () =>
    client.chat.update({
      channel: where.channel,
      ts: where.ts,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : { blocks: [] }),
    }),
  );
}

const LOOKING_UP =
  ':hourglass_flowing_sand: Looking up the people you named in Slack… this message shows the progress.';
/** Progress updates at most this often (chat.update is Tier 3; the summary is never held back). */
const UPDATE_EVERY_MS = 3_000;

export function recipientChangeHandler(
  deps: AppDeps,
  log: { warn(message: string): void },
  metrics?: RecipientJobMetrics,
): (job: JobContext<RecipientChangeJobData, RecipientChangeJobState>) => Promise<unknown> {
  return async (job) => {
    const { scope, spec, message: where, userId } = job.data;
    if (job.state === undefined) metrics?.queueWait.observe(Math.max(0, (Date.now() - job.data.queuedAt) / 1000));
    const client = await deps.slackClientFor(scope);
    const teamId = budgetTeamOf(scope);
    const pacing: DirectoryPacing = { budget: deps.slackBudget, teamId };
    const show = (message: ShownMessage) => updateMessage(deps, client, teamId, where, message);
    let lastUpdate = 0;
    const report = async (progress: JobProgress, text: string) => {
      await job.progress(progress);
      const now = deps.now().getTime();
      if (now - lastUpdate < UPDATE_EVERY_MS) return;
      lastUpdate = now;
      try {
        await show({ text });
      } catch (error) {
        // A progress line that does not show is not worth failing the change for; the summary is retried below.
        log.warn(`recipient job ${job.id}: progress update failed: ${errorMessage(error)}`);
      }
    };
    const record = (outcome: ChangeResult['outcome'], detail: string) =>
      deps.audit.record({ workspace: workspaceKey(scope), user: userId, ...auditOf(spec), outcome, detail });

    // One checkpoint holds every step's progress: each save keeps the others'.
    let state: RecipientChangeJobState = job.state ?? { phase: 'looking up' };
    const checkpoint = async (patch: Partial<RecipientChangeJobState>) => {
      state = { ...state, ...patch };
      await job.checkpoint(state);
    };
    let result: ChangeResult;
    try {
      await show({ text: LOOKING_UP });
      const rc = await recipientsContextFor({
        deps,
        client,
        scope,
        pacing,
        onProgress: (event: Progress) =>
          report({ done: event.done, total: event.total, phase: event.stage }, progressText(event)),
        sentLedger: { earlier: state.emailOnly, save: (emailOnly) => checkpoint({ emailOnly }) },
        changeLedger: { earlier: state.recipients, save: (recipients) => checkpoint({ recipients }) },
      });
      if (state.phase !== 'changing') {
        await prefetchPeople(deps, rc, client, pacing, job, report, (prefetch) => checkpoint({ prefetch }));
        await checkpoint({ phase: 'changing', prefetch: undefined });
      }
      result = await performChange(rc, spec);
    } catch (error) {
      if (error instanceof RecipientsRefusal) {
        result = { message: refusalMessage(error.problems), outcome: 'refused', detail: error.problems.join('; ') };
      } else {
        log.warn(`recipient job ${job.id} failed: ${errorMessage(error)}`);
        const text = userMessageForError(error);
        result = { message: { text: `:warning: ${text}` }, outcome: 'failed', detail: text };
      }
    }
    record(result.outcome, truncateDetail(result.detail));
    await show(result.message);
    if (job.data.view && spec.op !== 'users') {
      await redrawRecipientsModal(deps, client, scope, spec.scheduleId, job.data.view, result).catch((error) =>
        // Closed since, most likely; the DM message has the summary.
        log.warn(`recipient job ${job.id}: the Recipients modal was not redrawn: ${errorMessage(error)}`),
      );
    }
    return { outcome: result.outcome, detail: result.detail };
  };
}

/**
 * Before resolving a channel's or group's people one by one (users.info, Tier 4), pages through users.list
 * instead (Tier 2, 200 a page) when that costs fewer minutes; both fill the directory cache the resolver reads.
 */
async function prefetchPeople(
  deps: Pick<AppDeps, 'store'>,
  rc: RecipientsContext,
  client: WebClient,
  pacing: DirectoryPacing,
  job: JobContext<RecipientChangeJobData, RecipientChangeJobState>,
  report: (progress: JobProgress, text: string) => Promise<void>,
  checkpoint: (prefetch: PrefetchState) => Promise<void>,
): Promise<void> {
  const ids = new Set<string>();
  const cache = deps.store.cache(RECIPIENTS_CACHE);
  const keyPrefix = workspaceKey(job.data.scope);
  for (const input of job.data.spec.inputs) {
    try {
      if (input.kind === 'channel') for (const id of await rc.directory.channelMembers(input.id)) ids.add(id);
      if (input.kind === 'usergroup') for (const id of await rc.directory.usergroupUsers(input.id)) ids.add(id);
    } catch {
      // The resolver asks again and says why the channel or group could not be read.
    }
  }
  if (ids.size === 0) return;
  const size = await knownWorkspaceSize(cache, keyPrefix);
  if (cheaperLookup(ids.size, size) !== 'users.list') return;
  const total = ids.size;
  await prefetchByUsersList(usersListPager(client, pacing), [...ids], {
    cache,
    keyPrefix,
    ...(job.state?.prefetch ? { state: job.state.prefetch } : {}),
    onPage: async (prefetch) => {
      await checkpoint(prefetch);
      await report(
        { done: prefetch.found, total, phase: 'looking up' },
        `:hourglass_flowing_sand: Found ${prefetch.found.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} people in Slack’s directory… the summary replaces this message.`,
      );
    },
  });
}

function truncateDetail(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
