// Slack's rate limits, applied before a call goes out: each workspace+method draws from a budget sized by
// the method's tier (https://api.slack.com/apis/rate-limits), shared by every replica when REDIS_URL is
// set, so that bulk look-ups slow down before Slack answers 429. When Slack answers 429 anyway (the tier
// guess was wrong, or another app shares the token), the method is blocked for `Retry-After` for everyone
// on the budget and the call is retried: a look-up is never given up because of a rate limit.
import type { RateBudget } from './rate-budget.js';

export const SLACK_TIER_PER_MINUTE = { 2: 20, 3: 50, 4: 100 } as const;

/** The tier of each method the app calls in bulk; a method not listed is not paced (only 429-retried). */
export const SLACK_METHOD_TIERS: Readonly<Record<string, keyof typeof SLACK_TIER_PER_MINUTE>> = {
  'users.info': 4,
  'users.list': 2,
  'users.lookupByEmail': 3,
  'users.profile.get': 4,
  'conversations.info': 3,
  'conversations.members': 4,
  'usergroups.list': 2,
  'usergroups.users.list': 2,
  'team.profile.get': 3,
  'chat.update': 3,
};

/** Slack counts per minute; the extra second absorbs clocks and network, as for Omni. */
export const SLACK_WINDOW_MS = 61_000;

export interface SlackBudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const systemClock: SlackBudgetClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** What @slack/web-api throws for a 429 when the client is built with `rejectRateLimitedCalls: true`. */
function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, retryAfter } = error as { code?: unknown; retryAfter?: unknown };
  if (code !== 'slack_webapi_rate_limited_error') return undefined;
  return (typeof retryAfter === 'number' && retryAfter > 0 ? retryAfter : 1) * 1000;
}

export class SlackBudget {
  constructor(
    private readonly budget: RateBudget,
    private readonly clock: SlackBudgetClock = systemClock,
    /** Told of each 429 Slack answered anyway (metrics count them by method). */
    private readonly onRateLimited?: (method: string) => void,
  ) {}

  /**
   * Runs `call` (one Slack Web API call of `method` for workspace `teamId`) when the budget allows, and again
   * after a 429's Retry-After. Other errors are the caller's. `channel` paces chat.postMessage per channel.
   */
  async call<T>(
    teamId: string,
    method: string,
    call: () => Promise<T>,
    options: { channel?: string } = {},
  ): Promise<T> {
    const { key, limit, windowMs } = this.limitFor(teamId, method, options.channel);
    for (;;) {
      const waitMs = await this.budget.take(key, limit, windowMs);
      if (waitMs > 0) {
        await this.clock.sleep(waitMs);
        continue;
      }
      try {
        return await call();
      } catch (error) {
        const wait = retryAfterMs(error);
        if (wait === undefined) throw error;
        this.onRateLimited?.(method);
        await this.budget.block(key, wait);
      }
    }
  }

  private limitFor(teamId: string, method: string, channel?: string) {
    if (method === 'chat.postMessage') {
      // About one message a second per channel; a tenth of a second spare for the network's jitter.
      return { key: `slack:${teamId}:${method}:${channel ?? ''}`, limit: 1, windowMs: 1_100 };
    }
    const tier = SLACK_METHOD_TIERS[method];
    const limit = tier === undefined ? Number.POSITIVE_INFINITY : SLACK_TIER_PER_MINUTE[tier];
    return { key: `slack:${teamId}:${method}`, limit, windowMs: SLACK_WINDOW_MS };
  }
}
