import { OmniApiError, OmniError } from './errors.js';
import type { BulkEmailOnlyResult, EmailOnlyUserInput, EmailOnlyUserResult } from './schemas/users.js';
import { EmailOnlyUserInputSchema } from './schemas/users.js';
import { safeParse } from './validation.js';

/** Omni's bulk endpoint takes 1 to 20 users. */
export const EMAIL_ONLY_BATCH_SIZE = 20;

export type EmailOnlyFailure = { email: string; detail: string; status?: number };
export type UpsertEmailOnlyUsersOutcome = { succeeded: EmailOnlyUserResult[]; failed: EmailOnlyFailure[] };
export type BatchProgress = { done: number; total: number };
export type UpsertEmailOnlyUsersOptions = {
  /** After each batch: how far, and that batch's own outcome (a job checkpoints it). */
  onBatch?: (progress: BatchProgress, batch: UpsertEmailOnlyUsersOutcome) => void | Promise<void>;
};

type Senders = {
  bulk(users: EmailOnlyUserInput[]): Promise<BulkEmailOnlyResult>;
  one(user: EmailOnlyUserInput): Promise<EmailOnlyUserResult>;
};

/**
 * Upserts any number of email-only users in batches of at most 20, one batch after another (the client's
 * pacer spaces the calls). A user that fails local validation is reported and not sent. When Omni refuses
 * a batch with a 400 (one bad attribute fails the whole batch), its users are sent one by one so that the
 * others still go through and the bad one gets Omni's own `detail`. Any other failed batch reports all its
 * users as failed, and later batches still run.
 */
export async function upsertInBatches(
  users: readonly EmailOnlyUserInput[],
  send: Senders,
  options: UpsertEmailOnlyUsersOptions = {},
): Promise<UpsertEmailOnlyUsersOutcome> {
  const outcome: UpsertEmailOnlyUsersOutcome = { succeeded: [], failed: [] };
  const valid = uniqueValidUsers(users, outcome.failed);
  const total = valid.length;
  for (let start = 0; start < total; start += EMAIL_ONLY_BATCH_SIZE) {
    const batch = valid.slice(start, start + EMAIL_ONLY_BATCH_SIZE);
    const sent: UpsertEmailOnlyUsersOutcome = { succeeded: [], failed: [] };
    try {
      const { results } = await send.bulk(batch);
      collectBatchResults(batch, results, sent);
    } catch (error) {
      if (!(error instanceof OmniError)) throw error;
      if (isBadRequest(error) && batch.length > 1) await sendOneByOne(batch, send, sent);
      else sent.failed.push(...batch.map((user) => failureOf(user.email, error)));
    }
    outcome.succeeded.push(...sent.succeeded);
    outcome.failed.push(...sent.failed);
    await options.onBatch?.({ done: Math.min(start + batch.length, total), total }, sent);
  }
  return outcome;
}

/** Invalid users are reported; a repeated email (any case) is sent once, with its last attributes. */
function uniqueValidUsers(users: readonly EmailOnlyUserInput[], failed: EmailOnlyFailure[]): EmailOnlyUserInput[] {
  const byEmail = new Map<string, EmailOnlyUserInput>();
  users.forEach((user, index) => {
    const parsed = safeParse(EmailOnlyUserInputSchema, user);
    if (!parsed.ok) {
      const email = typeof user?.email === 'string' ? user.email : `(user ${index + 1})`;
      failed.push({ email, detail: parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') });
      return;
    }
    const key = parsed.data.email.toLowerCase();
    byEmail.delete(key); // re-insert so the last occurrence's place and attributes win
    byEmail.set(key, parsed.data);
  });
  return [...byEmail.values()];
}

function collectBatchResults(
  batch: EmailOnlyUserInput[],
  results: EmailOnlyUserResult[],
  outcome: UpsertEmailOnlyUsersOutcome,
): void {
  const byEmail = new Map(results.map((result) => [result.email.toLowerCase(), result]));
  for (const user of batch) {
    const result = byEmail.get(user.email.toLowerCase());
    if (result) outcome.succeeded.push(result);
    else outcome.failed.push({ email: user.email, detail: "Omni's answer to the batch did not include this user" });
  }
}

async function sendOneByOne(batch: EmailOnlyUserInput[], send: Senders, outcome: UpsertEmailOnlyUsersOutcome) {
  for (const user of batch) {
    try {
      outcome.succeeded.push(await send.one(user));
    } catch (error) {
      if (!(error instanceof OmniError)) throw error;
      outcome.failed.push(failureOf(user.email, error));
    }
  }
}

function isBadRequest(error: OmniError): boolean {
  return error instanceof OmniApiError && error.status === 400;
}

function failureOf(email: string, error: OmniError): EmailOnlyFailure {
  if (error instanceof OmniApiError) return { email, detail: error.detail, status: error.status };
  return { email, detail: error.message };
}
