import type { IncomingMessage } from 'node:http';
import { SandboxError } from './http.js';

const WINDOW_MS = 60_000;

/** 401 unless the request carries `Authorization: Bearer <key>` with one of `keys`. Returns the key. */
export function authenticate(req: IncomingMessage, keys: readonly string[]): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !keys.includes(match[1])) throw new SandboxError(401, 'Authentication required');
  return match[1];
}

/**
 * Omni's limit: N requests per minute per API key. A sliding window over the last 60 s of accepted
 * requests; a refused request does not count. `limitPerMinute` 0 turns it off.
 */
export class SlidingWindowLimiter {
  private readonly accepted = new Map<string, number[]>();

  /** `retryAfter` false: 429s carry no `Retry-After` (Omni documents none). */
  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number,
    private readonly retryAfter = true,
  ) {}

  /** Records the request, or throws 429 (with `Retry-After` in whole seconds when enabled). */
  take(key: string): void {
    if (this.limitPerMinute <= 0) return;
    const now = this.now();
    const times = (this.accepted.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length >= this.limitPerMinute) {
      this.accepted.set(key, times);
      const waitMs = times[0] + WINDOW_MS - now;
      const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
      if (!this.retryAfter) throw new SandboxError(429, 'Rate limit exceeded');
      throw new SandboxError(429, `Rate limit exceeded. Try again in ${retryAfter} seconds.`, {
        'retry-after': String(retryAfter),
      });
    }
    times.push(now);
    this.accepted.set(key, times);
  }

  reset(): void {
    this.accepted.clear();
  }
}
