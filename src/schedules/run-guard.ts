// A double click, two people on two cards of one schedule, or `/schedule run` typed twice must not
// deliver twice within seconds. A run claims `workspace + schedule` for a minute, wherever it was
// started; a second run inside that minute is held back until its person confirms (run again).
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

  /** `workspace:schedule`: one claim per schedule, whichever card, list, App Home or command started it. */
  static key(workspace: string, scheduleId: string): string {
    return `${workspace}:${scheduleId}`;
  }

  async claim(key: string, userId: string): Promise<ClaimResult> {
    const now = this.now().getTime();
    const claim: RunClaim = { userId, at: new Date(now).toISOString() };
    const outcome = await this.claims.claim(key, claim, this.windowMs);
    if (outcome.ok) return { ok: true };
    const previous = outcome.holder;
    return { ok: false, previous, retryInMs: Math.max(0, Date.parse(previous.at) + this.windowMs - now) };
  }

  /** A confirmed run again: the claim is now this person's, for a new minute. */
  async takeOver(key: string, userId: string): Promise<void> {
    await this.claims.release(key);
    await this.claim(key, userId);
  }

  /** Gives the claim back when the run surely did not start (Omni refused it), so that a retry is possible. */
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
