// What a job already sent to Omni, checkpointed after each batch, so that a job resumed after a crash sends
// only what is left: at most the batch in flight at the crash goes twice (Omni's upserts and recipient
// changes make that harmless). Email-only users by email, per batch of 20: `users sync` and a recipient
// change's email-only step both send through `upsertRecorded`. A recipient change's adds or removals, per
// chunk (schedule-recipients.ts), so that its summary still counts those done before the crash. Each job
// keeps its ledgers in its own job state.
import type { EmailOnlyFailure, EmailOnlyUserInput, OmniClient } from '../omni/index.js';
import type { Refusal } from './email-only.js';
import { emailKey } from './types.js';

/** One step's record in a job's state (plain JSON: it is a checkpoint). */
export interface JobLedger<T> {
  /** What earlier runs of the job did; undefined on a first run. */
  readonly earlier: T | undefined;
  /** Saves the record (the job's checkpoint): called right after each batch's answer. */
  save(record: T): Promise<void>;
}

/** Everyone Omni took as an email-only user, and everyone it refused with why. */
export type EmailOnlySent = { sent: string[]; failed: EmailOnlyFailure[] };
export type SentLedger = JobLedger<EmailOnlySent>;

/** Recipients a change added (or removed), who Omni refused, and how many Omni said it changed. */
export type RecipientsChanged = { done: string[]; failed: Refusal[]; count: number };
export type ChangeLedger = JobLedger<RecipientsChanged>;

/**
 * Upserts `users` in Omni's batches, skipping anyone the ledger says was sent already (taken or refused),
 * and saves the ledger after each batch. Returns everyone sent, in this run or earlier ones, and every
 * refusal (Omni's, and users that fail local validation). Without a ledger it simply sends everyone.
 */
export async function upsertRecorded(
  omni: Pick<OmniClient, 'upsertEmailOnlyUsers'>,
  users: readonly EmailOnlyUserInput[],
  ledger: SentLedger | undefined,
  onBatch?: (done: number, total: number) => void | Promise<void>,
): Promise<EmailOnlySent> {
  const earlier: EmailOnlySent = {
    sent: [...(ledger?.earlier?.sent ?? [])],
    failed: [...(ledger?.earlier?.failed ?? [])],
  };
  const settled = settledEmails(ledger);
  const rest = users.filter((user) => !settled.has(emailKey(user.email)));
  const skipped = users.length - rest.length;
  const now: EmailOnlySent = { sent: [...earlier.sent], failed: [...earlier.failed] };
  const outcome = await omni.upsertEmailOnlyUsers(rest, {
    onBatch: async (progress, batch) => {
      now.sent.push(...batch.succeeded.map((result) => result.email));
      now.failed.push(...batch.failed);
      await ledger?.save({ sent: [...now.sent], failed: [...now.failed] });
      await onBatch?.(skipped + progress.done, skipped + progress.total);
    },
  });
  // outcome.failed also holds users refused before sending (invalid): not in any batch, so not in the ledger.
  return {
    sent: [...earlier.sent, ...outcome.succeeded.map((result) => result.email)],
    failed: [...earlier.failed, ...outcome.failed],
  };
}

/** Emails (as emailKey) the ledger says were sent already, whatever Omni answered. */
export function settledEmails(ledger: SentLedger | undefined): Set<string> {
  const earlier = ledger?.earlier;
  return new Set([...(earlier?.sent ?? []), ...(earlier?.failed ?? []).map((f) => f.email)].map(emailKey));
}
