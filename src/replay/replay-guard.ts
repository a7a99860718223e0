// Each Slack request is acted on once. Bolt already refuses a signature older than 5 minutes, but within
// those 5 minutes a captured request can be sent again and would run again (a schedule run three times).
// The guard claims each request's identity for longer than that window, so a second arrival, a replay or
// a Slack retry, is recognised and only acknowledged. The claims are the replicas' (Redis SET NX PX) when
// they share Redis, else the store-backed ones (coordination/claims.ts): one claims concept for every guard.
import type { Claims } from '../coordination/claims.js';
import type { RequestIdentity } from './request-identity.js';

/** Slack's signature window is 5 minutes either side of its timestamp; 10 covers a skewed clock too. */
export const DEFAULT_REPLAY_TTL_MS = 10 * 60_000;
export const MIN_REPLAY_TTL_MS = 5 * 60_000;

export type Sighting = 'first' | 'retry' | 'replay';

export class ReplayGuard {
  readonly #claims: Claims;
  readonly #ttlMs: number;
  readonly #prefix: string;

  constructor(claims: Claims, options: { ttlMs?: number; keyPrefix?: string } = {}) {
    const ttlMs = options.ttlMs ?? DEFAULT_REPLAY_TTL_MS;
    if (ttlMs < MIN_REPLAY_TTL_MS) {
      throw new RangeError(`replay protection must remember requests for at least 5 minutes (got ${ttlMs} ms)`);
    }
    this.#claims = claims;
    this.#ttlMs = ttlMs;
    this.#prefix = options.keyPrefix ?? 'slack-request:';
  }

  /**
   * `first` the first time an identity is seen (act on it); afterwards `retry` when Slack says it is
   * retrying, else `replay` (acknowledge both, act on neither).
   */
  async sight(identity: RequestIdentity): Promise<Sighting> {
    const outcome = await this.#claims.claim(this.#prefix + identity.key, { source: identity.source }, this.#ttlMs);
    if (outcome.ok) return 'first';
    return identity.retry > 0 ? 'retry' : 'replay';
  }
}
