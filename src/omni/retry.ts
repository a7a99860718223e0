/**
 * When a failed Omni call is tried again.
 *
 * - 429 is retried for every call: Omni refused it before doing anything.
 * - 5xx, network failures and time-outs are retried only for idempotent calls, where a repeat cannot
 *   deliver twice or add twice: GET, DELETE, PUT update/pause/resume/transfer-ownership, and the
 *   email-only user upserts (Omni upserts by email, so a repeat updates the same user and sends nothing).
 * - Create, trigger and add/remove recipients are never retried after a 5xx, a network failure or a
 *   time-out: Omni may already have acted, and a repeat could deliver twice.
 */
export type RetryPolicy = 'idempotent' | 'rate-limit-only';

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

export function mayRetryStatus(status: number, policy: RetryPolicy): boolean {
  if (status === 429) return true;
  return policy === 'idempotent' && RETRYABLE_STATUSES.has(status);
}

export function mayRetryTransportFailure(policy: RetryPolicy): boolean {
  return policy === 'idempotent';
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many callers spread out. */
export function backoffDelay(retryNumber: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retryNumber - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
