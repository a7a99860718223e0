// Sending email-only users as a durable job: one Omni batch (20 people) at a time, a checkpoint after each,
// so that a process killed mid-sync resumes at the first batch not yet recorded. Only that batch (in flight
// at the kill) is sent again, which Omni's upsert makes harmless.
import type { JobHandler } from '../jobs/types.js';
import { EMAIL_ONLY_BATCH_SIZE, type EmailOnlyUserInput } from '../omni/index.js';
import type { EmailOnlyClient, Refusal } from './email-only.js';

export const EMAIL_ONLY_SYNC_JOB = 'email-only-sync';

export type EmailOnlySyncData = {
  /** Whose Omni connection to use (the handler looks the client up: no API key in a job). */
  workspace: string;
  users: EmailOnlyUserInput[];
};

export type EmailOnlySyncState = {
  /** Index of the first user not yet sent. */
  next: number;
  sent: number;
  failed: Refusal[];
};

export type EmailOnlySyncResult = { sent: number; failed: Refusal[] };

/**
 * The handler for `EMAIL_ONLY_SYNC_JOB`. `clientFor` gives the workspace's Omni client (paced on the
 * shared budget); `onBatch` lets the caller update a progress message after each checkpoint.
 */
export function emailOnlySyncHandler(
  clientFor: (workspace: string) => Promise<Pick<EmailOnlyClient, 'upsertEmailOnlyUsers'>>,
  onBatch?: (progress: { jobId: string; data: EmailOnlySyncData; done: number; total: number }) => Promise<void>,
): JobHandler<EmailOnlySyncData, EmailOnlySyncState> {
  return async (job) => {
    const { users, workspace } = job.data;
    const omni = await clientFor(workspace);
    const state: EmailOnlySyncState = job.state ?? { next: 0, sent: 0, failed: [] };
    while (state.next < users.length) {
      const batch = users.slice(state.next, state.next + EMAIL_ONLY_BATCH_SIZE);
      const outcome = await omni.upsertEmailOnlyUsers(batch);
      state.next += batch.length;
      state.sent += outcome.succeeded.length;
      state.failed.push(...outcome.failed.map((f) => ({ email: f.email, detail: f.detail })));
      await job.checkpoint(state);
      await job.progress({ done: state.next, total: users.length, phase: 'sending' });
      await onBatch?.({ jobId: job.id, data: job.data, done: state.next, total: users.length });
    }
    const result: EmailOnlySyncResult = { sent: state.sent, failed: state.failed };
    return result;
  };
}
