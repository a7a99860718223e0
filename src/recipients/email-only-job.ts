// Sending email-only users as a durable job: one Omni batch (20 people) at a time, with who was sent
// checkpointed after each (sent-ledger.ts), so that a process killed mid-sync resumes with the people not yet
// recorded. Only the batch in flight at the kill is sent again, which Omni's upsert makes harmless.
import type { JobHandler } from '../jobs/types.js';
import type { EmailOnlyUserInput } from '../omni/index.js';
import type { EmailOnlyClient, Refusal } from './email-only.js';
import { type EmailOnlySent, upsertRecorded } from './sent-ledger.js';

export const EMAIL_ONLY_SYNC_JOB = 'email-only-sync';

export type EmailOnlySyncData = {
  /** Whose Omni connection to use (the handler looks the client up: no API key in a job). */
  workspace: string;
  users: EmailOnlyUserInput[];
};

/** Who was sent so far, and who Omni refused. */
export type EmailOnlySyncState = EmailOnlySent;

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
    const outcome = await upsertRecorded(
      omni,
      users,
      { earlier: job.state, save: (sent) => job.checkpoint(sent) },
      async (done, total) => {
        await job.progress({ done, total, phase: 'sending' });
        await onBatch?.({ jobId: job.id, data: job.data, done, total });
      },
    );
    const result: EmailOnlySyncResult = {
      sent: outcome.sent.length,
      failed: outcome.failed.map((f) => ({ email: f.email, detail: f.detail })),
    };
    return result;
  };
}
