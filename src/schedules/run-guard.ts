// A double click or a Slack retry must never run a schedule twice. A run started from a card (or a
// list row, or App Home) claims `workspace + schedule + where it was clicked` for a minute; a second
// run from the same place inside that minute is refused.
//
// Race window: the claim is checked and set in two steps on the shared cache. Within one process a
// synchronous map closes the window entirely; between several processes sharing one store (Redis,
// PostgreSQL) two clicks landing within the cache's round trip (a few milliseconds) could both pass.
// Slack sends one click to one process, so only simultaneous clicks on two app instances hit it.
import type { TtlCache } from '../store/index.js';

export const RUN_GUARD_WINDOW_MS = 60_000;

export interface RunClaim {
  /** Who started the run. */
  userId: string;
  /** When (ISO). */
  at: string;
}

export type ClaimResult = { ok: true } | { ok: false; previous: RunClaim; retryInMs: number };

/** Claims made by this process, checked synchronously before the shared cache. */
const localClaims = new Map<string, { claim: RunClaim; until: number }>();

export class RunGuard {
  constructor(
    private readonly cache: TtlCache,
    private readonly now: () => Date = () => new Date(),
    private readonly windowMs = RUN_GUARD_WINDOW_MS,
  ) {}

  /** `workspace:schedule:container`; the container is a message (`channel:ts`) or a user's App Home. */
  static key(workspace: string, scheduleId: string, container: string): string {
    return `${workspace}:${scheduleId}:${container}`;
  }

  async claim(key: string, userId: string): Promise<ClaimResult> {
    const now = this.now().getTime();
    for (const [k, v] of localClaims) if (v.until <= now) localClaims.delete(k);
    const local = localClaims.get(key);
    if (local) return this.refusal(local.claim, now);
    const claim: RunClaim = { userId, at: new Date(now).toISOString() };
    localClaims.set(key, { claim, until: now + this.windowMs }); // before any await: closes the in-process race
    try {
      const shared = await this.cache.get<RunClaim>(key);
      if (shared && now - Date.parse(shared.at) < this.windowMs) {
        localClaims.set(key, { claim: shared, until: Date.parse(shared.at) + this.windowMs });
        return this.refusal(shared, now);
      }
      await this.cache.set(key, claim, this.windowMs);
    } catch (error) {
      localClaims.delete(key);
      throw error;
    }
    return { ok: true };
  }

  /** Gives the claim back when the run did not start (Omni refused it), so that a retry is possible. */
  async release(key: string): Promise<void> {
    localClaims.delete(key);
    await this.cache.delete(key);
  }

  private refusal(previous: RunClaim, now: number): ClaimResult {
    return { ok: false, previous, retryInMs: Math.max(0, Date.parse(previous.at) + this.windowMs - now) };
  }
}
