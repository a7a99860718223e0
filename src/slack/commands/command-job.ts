// A typed `/schedule` runs as a durable job, so that it outlives the replica that acknowledged it: Slack
// does not retry a slash command (https://api.slack.com/interactivity/slash-commands#responding_to_commands),
// so a command held only in the memory of a replica killed before it answered would be lost. The listener
// records the command (who, where, what, its response_url) as a job before it acks; the job runs the usual
// dispatcher with an Interaction built from those facts and answers through the stored response_url. The
// acking replica's own worker normally takes the job at once; after a SIGKILL another replica takes it over
// once its lock lapses (BullMQ's stalled-job check), or, without Redis, the next start resumes it.
//
// A command run twice (its replica died after acting, before the job was marked done) does not deliver
// twice: `run` takes the schedule's one-run-a-minute claim atomically (src/schedules/run-guard.ts,
// taken in src/slack/schedule-actions/operate.ts),
// and pause, resume and delete leave Omni in the same state when repeated.
import type { Logger } from '@slack/bolt';
import type { JobHandler } from '../../jobs/types.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { errorMessage, logFailure, userMessageForError } from '../errors.js';
import { createInteraction, type Interaction } from '../interaction.js';
import { respondTo } from '../schedule-actions/origin.js';
import { dispatchScheduleCommand } from './dispatch.js';

export const SCHEDULE_COMMAND_JOB = 'schedule-command';

/**
 * How soon a killed replica's command is taken over: BullMQ renews the lock at half this and checks for
 * stalled jobs every this often (https://docs.bullmq.io/guide/workers/stalled-jobs), so a person waits at
 * most about twice this. Long enough that a busy event loop does not lose a live lock.
 */
export const COMMAND_LOCK_MS = 5_000;
/** Commands one replica runs at once: mostly waiting on Omni, Slack or their rate budgets, not the CPU. */
export const COMMAND_CONCURRENCY = 50;
/** Slack accepts posts to a command's response_url for 30 minutes (the page above). */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

/** The command as Slack sent it: what a run on any replica needs. Stored as JSON; no secret in it. */
export interface ScheduleCommandJobData {
  scope: WorkspaceScope;
  userId: string;
  channelId?: string;
  text: string;
  responseUrl: string;
  /** Opens a modal within 3 s of the command; expired on a late re-run, which then fails like any late modal. */
  triggerId?: string;
  apiAppId?: string;
  /** Epoch ms when the command was acknowledged. */
  receivedAt: number;
}

/** The facts of a slash command payload the job keeps. */
export interface TypedCommand {
  text: string;
  response_url: string;
  api_app_id?: string;
}

/**
 * Records the command as a job (one person's commands run in the order typed). False when it could not be
 * recorded (Redis or the store down): the caller then runs it in this process as before.
 */
export async function enqueueScheduleCommand(interaction: Interaction, command: TypedCommand): Promise<boolean> {
  const { deps, scope, userId } = interaction;
  const data: ScheduleCommandJobData = {
    scope,
    userId,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    text: command.text,
    responseUrl: command.response_url,
    ...(interaction.triggerId ? { triggerId: interaction.triggerId } : {}),
    ...(command.api_app_id ? { apiAppId: command.api_app_id } : {}),
    receivedAt: deps.now().getTime(),
  };
  try {
    // The data holds the command's own response_url, so two typings of the same text never join one job.
    await deps.jobs.enqueue(SCHEDULE_COMMAND_JOB, data, { key: `commands:${workspaceKey(scope)}:${userId}` });
    return true;
  } catch (error) {
    interaction.logger.warn(`/schedule: not recorded as a job, answered by this process: ${errorMessage(error)}`);
    return false;
  }
}

/** Start-up (and the test harness): the command job's handler, before the runner starts. */
export function registerCommandJobs(deps: AppDeps, logger: Logger): void {
  deps.jobs.register(SCHEDULE_COMMAND_JOB, scheduleCommandHandler(deps, logger), {
    lockMs: COMMAND_LOCK_MS,
    concurrency: COMMAND_CONCURRENCY,
  });
}

export function scheduleCommandHandler(deps: AppDeps, logger: Logger): JobHandler<ScheduleCommandJobData, undefined> {
  return async (job) => {
    const command = job.data;
    const respond = respondTo(command.responseUrl);
    if (deps.now().getTime() - command.receivedAt > RESPONSE_URL_TTL_MS) {
      // Nobody can be told any more, and acting this late (a run, a delete) would surprise the person.
      logger.warn(`/schedule command job ${job.id}: its response_url has expired; not run`);
      return { outcome: 'expired' };
    }
    let interaction: Interaction;
    try {
      interaction = createInteraction({
        deps,
        scope: command.scope,
        userId: command.userId,
        channelId: command.channelId,
        triggerId: command.triggerId,
        client: await deps.slackClientFor(command.scope),
        logger,
      });
    } catch (error) {
      logFailure(logger, '/schedule (job)', error);
      await respond({ response_type: 'ephemeral', text: userMessageForError(error) }).catch((e: unknown) =>
        logger.warn(`Could not answer through the response_url: ${errorMessage(e)}`),
      );
      return { outcome: 'failed' };
    }
    await dispatchScheduleCommand({ text: command.text, interaction, respond });
    return { outcome: 'answered' };
  };
}
