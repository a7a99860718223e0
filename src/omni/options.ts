import { OmniConfigError } from './errors.js';

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
