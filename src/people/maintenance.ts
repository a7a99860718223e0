// What keeps people features current without anyone asking: for each workspace, a pass of the recipient
// index when it is older than an hour, and the follows' reconcile once a day. One tick does both; the app
// runs a tick on a timer on every replica, and claims make each piece run once across replicas.
import type { Claims } from '../coordination/claims.js';
import type { Jobs } from '../jobs/types.js';
import type { SlackUser } from '../recipients/types.js';
import type { FollowEvents } from './follow.js';
import { crawlDue, enqueueIndexCrawl, REFRESH_EVERY_MS } from './index-crawl.js';
import { type OffboardingReport, offboardingReport } from './offboarding.js';
import { RecipientIndexStore } from './recipient-index.js';
import type { PeopleDeps } from './types.js';

export const RECONCILE_EVERY_MS = 24 * 3600_000;
/** How long "this person's departure was announced" is remembered: Slack sends `user_change` on every later edit. */
const DEPARTURE_MEMORY_MS = 30 * 24 * 3600_000;

export interface TickOutcome {
  crawled: string[];
  reconciled: string[];
}

export async function peopleTick(
  deps: PeopleDeps & { jobs: Jobs; follows: FollowEvents; claims: Claims; workspaces: () => Promise<string[]> },
): Promise<TickOutcome> {
  const index = new RecipientIndexStore(deps.cache);
  const now = deps.now();
  const outcome: TickOutcome = { crawled: [], reconciled: [] };
  for (const workspace of await deps.workspaces()) {
    if (crawlDue(await index.catalogue(workspace), now)) {
      const slot = Math.floor(now / REFRESH_EVERY_MS);
      const claimed = await deps.claims.claim(`people-crawl:${workspace}:${slot}`, now, REFRESH_EVERY_MS);
      if (claimed.ok) {
        await enqueueIndexCrawl(deps.jobs, workspace);
        outcome.crawled.push(workspace);
      }
    }
    const day = Math.floor(now / RECONCILE_EVERY_MS);
    const claimed = await deps.claims.claim(`people-reconcile:${workspace}:${day}`, now, RECONCILE_EVERY_MS);
    if (claimed.ok) {
      await deps.follows.reconcileAll(workspace);
      outcome.reconciled.push(workspace);
    }
  }
  return outcome;
}

/**
 * `user_change`: when Slack reports a person deactivated (`deleted`) for the first time, the data for the
 * admins' message; null when the person is active, has no email the app can see, or was announced already.
 */
export async function departure(
  deps: PeopleDeps & { claims: Claims },
  workspace: string,
  user: SlackUser,
): Promise<OffboardingReport | null> {
  const email = user.profile?.email?.trim();
  if (!user.deleted || !email || user.is_bot) return null;
  const claimed = await deps.claims.claim(`people-departed:${workspace}:${user.id}`, deps.now(), DEPARTURE_MEMORY_MS);
  if (!claimed.ok) return null;
  try {
    return await offboardingReport(deps, workspace, email);
  } catch (error) {
    // Not announced after all: the next `user_change` may try again.
    await deps.claims.release(`people-departed:${workspace}:${user.id}`);
    throw error;
  }
}
