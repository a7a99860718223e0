// What the replicas share when REDIS_URL is set, installed once at start-up for code that is built per
// request (a RunGuard per click, an Omni client per call) and cannot be handed it by its caller.
import type { Claims } from './claims.js';
import type { RateBudget } from './rate-budget.js';

let installed: { claims?: Claims; rateBudget?: RateBudget } = {};

/** Called by start-up (and tests) with the Redis-backed primitives; `{}` goes back to in-process. */
export function installShared(shared: { claims?: Claims; rateBudget?: RateBudget }): void {
  installed = { ...shared };
}

export function sharedClaims(): Claims | undefined {
  return installed.claims;
}

export function sharedRateBudget(): RateBudget | undefined {
  return installed.rateBudget;
}
