// Slack's rate limits, as the fake enforces them when asked (`rateTiers: true`): per workspace and method,
// calls per minute by tier (Tier 2 ~20, Tier 3 ~50, Tier 4 ~100), and chat.postMessage about one message
// per second per channel. Over the limit: HTTP 429, `ratelimited`, and `Retry-After` in seconds, as
// https://api.slack.com/apis/rate-limits describes. Methods not listed are not limited here.

export const TIER_PER_MINUTE = { 2: 20, 3: 50, 4: 100 } as const;

export const METHOD_TIERS: Readonly<Record<string, keyof typeof TIER_PER_MINUTE>> = {
  'users.info': 4,
  'users.list': 2,
  'users.lookupByEmail': 3,
  'users.profile.get': 4,
  'conversations.info': 3,
  'conversations.members': 4,
  'conversations.open': 3,
  'usergroups.list': 2,
  'usergroups.users.list': 2,
  'team.info': 3,
  'team.profile.get': 3,
  'chat.update': 3,
  'chat.delete': 3,
  'chat.postEphemeral': 4,
  'views.open': 4,
  'views.push': 4,
  'views.update': 4,
  'views.publish': 4,
};

const MINUTE_MS = 60_000;

/** Sliding windows of call times per workspace+method (and per channel for chat.postMessage). */
export class SlackRateTiers {
  private readonly windows = new Map<string, number[]>();
  /** 429s answered, by method. */
  readonly limited = new Map<string, number>();

  /** Seconds to wait (for `Retry-After`) when this call is over the limit, else undefined (and it counts). */
  check(teamId: string, method: string, params: Record<string, unknown>, now: number): number | undefined {
    let key: string;
    let limit: number;
    let windowMs: number;
    if (method === 'chat.postMessage') {
      key = `${teamId}:${method}:${String(params.channel ?? '')}`;
      limit = 1;
      windowMs = 1_000;
    } else {
      const tier = METHOD_TIERS[method];
      if (tier === undefined) return undefined;
      key = `${teamId}:${method}`;
      limit = TIER_PER_MINUTE[tier];
      windowMs = MINUTE_MS;
    }
    const times = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= limit) {
      this.windows.set(key, times);
      this.limited.set(method, (this.limited.get(method) ?? 0) + 1);
      return Math.max(1, Math.ceil(((times[0] as number) + windowMs - now) / 1000));
    }
    times.push(now);
    this.windows.set(key, times);
    return undefined;
  }
}
