// A double click or a Slack retry must never run a schedule twice. A run started from a card (or a
// list row, or App Home) claims `workspace + schedule + where it was clicked` for a minute; a second
// run from the same place inside that minute is refused.
//
// The claim is atomic between replicas when they share Redis (`SET NX PX`, see coordination/claims.ts).
// Without Redis it is atomic within one process; two processes sharing a SQLite or PostgreSQL store see
// each other's claims except for two clicks landing within one store round trip (read, then write).
import { type Claims, StoreClaims } from '../coordination/claims.js';
import { sharedClaims } from '../coordination/shared.js';
import type { TtlCache } from '../store/index.js';

export const RUN_GUARD_WINDOW_MS = 60_000;

export interface RunClaim {
  /** Who started the run. */
  userId: string;
  /** When (ISO). */
  at: string;
}

export type ClaimResult = { ok: true } | { ok: false; previous: RunClaim; retryInMs: number };

/** One set of store-backed claims per cache, so that every guard of this process sees the same local claims. */
const storeClaims = new WeakMap<TtlCache, StoreClaims>();

export class RunGuard {
  private readonly claims: Claims;

  constructor(
    cache: TtlCache,
    private readonly now: () => Date = () => new Date(),
    private readonly windowMs = RUN_GUARD_WINDOW_MS,
    /** Defaults to the replicas' shared claims (Redis) when configured, else claims kept in `cache`. */
    claims?: Claims,
  ) {
    this.claims = claims ?? sharedClaims() ?? RunGuard.storeClaimsFor(cache, () => this.now().getTime());
  }

  /** `workspace:schedule:container`; the container is a message (`channel:ts`) or a user's App Home. */
  static key(workspace: string, scheduleId: string, container: string): string {
    return `${workspace}:${scheduleId}:${container}`;
  }

  async claim(key: string, userId: string): Promise<ClaimResult> {
    const now = this.now().getTime();
    const claim: RunClaim = { userId, at: new Date(now).toISOString() };
    const outcome = await this.claims.claim(key, claim, this.windowMs);
    if (outcome.ok) return { ok: true };
    const previous = outcome.holder;
    return { ok: false, previous, retryInMs: Math.max(0, Date.parse(previous.at) + this.windowMs - now) };
  }

  /** Gives the claim back when the run did not start (Omni refused it), so that a retry is possible. */
  async release(key: string): Promise<void> {
    await this.claims.release(key);
  }

  private static storeClaimsFor(cache: TtlCache, now: () => number): StoreClaims {
    let claims = storeClaims.get(cache);
    if (!claims) {
      claims = new StoreClaims(cache, now);
      storeClaims.set(cache, claims);
    }
    return claims;
  }
}
