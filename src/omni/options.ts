import type { Clock } from './clock.js';
import type { DialectMemory } from './dialect.js';
import { OmniConfigError } from './errors.js';
import type { PacerRegistry } from './pacing.js';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;

/** The numeric options of `OmniClient`, checked, with defaults filled. */
export function resolveLimits(options: { rateLimitPerMinute?: number; timeoutMs?: number; maxRetries?: number }) {
  return {
    rateLimitPerMinute: checkNumber('rateLimitPerMinute', options.rateLimitPerMinute, DEFAULT_RATE_LIMIT_PER_MINUTE, 1),
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    maxRetries: checkNumber('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES, 0),
  };
}

export function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new OmniConfigError('apiKey', 'The Omni API key is missing');
  }
  // It goes into a header: printable ASCII only, no spaces or line breaks. The key itself is never quoted.
  if (/[^\x21-\x7e]/.test(apiKey.trim())) {
    throw new OmniConfigError('apiKey', 'The Omni API key contains spaces or characters an API key cannot have');
  }
  return apiKey.trim();
}

function checkNumber(option: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  // Only the rate limit may be unbounded (no pacing); an infinite time-out or retry count is a mistake.
  const unbounded = option === 'rateLimitPerMinute' && value === Number.POSITIVE_INFINITY;
  const wholeNumber = option === 'timeoutMs' ? Number.isFinite(value) : Number.isInteger(value);
  if (typeof value !== 'number' || value < min || !(wholeNumber || unbounded)) {
    throw new OmniConfigError(
      option,
      `OmniClient option ${option} must be a whole number of at least ${min} (got ${value})`,
    );
  }
  return value;
}

export type OmniClientOptions = {
  /** The organization URL, e.g. `https://myorg.omniapp.co`, with or without a trailing `/api`. */
  baseUrl: string;
  /** An organization API key (or a personal access token). Never logged, never in an error. */
  apiKey: string;
  /** Calls per minute for this key, shared by every client of the same org and key. Default 60 (Omni's limit). */
  rateLimitPerMinute?: number;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt (see retry.ts for which failures). Default 3. */
  maxRetries?: number;
  fetch?: typeof fetch;
  /**
   * Where the reading of create/update bodies Omni accepted (docs or spec, see dialect.ts) is kept
   * for this connection. Default: in this client only.
   */
  dialectMemory?: DialectMemory;
  /**
   * Told before the client waits for Omni's rate limit to let a call through (a 429), so the
   * person can be told how long. `waitMs` is the whole wait.
   */
  onRateLimitWait?: (wait: RateLimitWait) => void;
  /** Told before a call waits for its turn under `rateLimitPerMinute` (the client's own pacing), with how long. */
  onPacingWait?: (wait: PacingWait) => void;
};

export type RateLimitWait = { operation: string; waitMs: number; resumesAt: Date; retryAfterHeader: boolean };
export type PacingWait = { operation: string; waitMs: number };

/** Not part of the public surface: lets tests run retries and pacing on virtual time. */
export type OmniClientInternals = {
  clock?: Clock;
  /** In [0, 1), for backoff jitter. */
  random?: () => number;
  pacers?: PacerRegistry;
  maxRetryAfterMs?: number;
};
