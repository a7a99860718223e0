// The failure watch's ticker: every replica ticks; for each workspace with the watch on, the replica that wins
// the claim `watch-check:<team>` (TTL = the interval) checks it. The claim is not released, so exactly one
// check runs per workspace per interval; a replica that dies leaves a claim that expires, and the next tick
// anywhere takes over.
import type { Claims } from '../coordination/claims.js';
import { type AlertPoster, checkWorkspace, type FailureSource } from './failure-check.js';
import type { WatchRecords } from './records.js';

export interface FailureWatcherOptions {
  records: WatchRecords;
  claims: Claims;
  /** One poster for every workspace, or the poster of each (its Slack client and Omni connection differ). */
  poster: AlertPoster | ((team: string) => AlertPoster);
  /** The workspace's Omni connection, narrowed; `undefined` when the workspace has none. */
  sourceFor(team: string): Promise<FailureSource | undefined>;
  intervalMs: number;
  replicaId: string;
  now?: () => number;
  onError?: (team: string, error: unknown) => void;
}

export class FailureWatcher {
  private readonly now: () => number;

  constructor(private readonly options: FailureWatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  /** One tick: checks every enabled workspace this replica wins. Returns the teams it checked. */
  async tick(): Promise<string[]> {
    const { records, claims, intervalMs, replicaId } = this.options;
    const checked: string[] = [];
    for (const team of await records.teams()) {
      const setting = await records.setting(team);
      if (!setting?.enabled) continue;
      const claim = await claims.claim(`watch-check:${team}`, { replicaId, at: this.now() }, intervalMs);
      if (!claim.ok) continue;
      checked.push(team);
      try {
        const source = await this.options.sourceFor(team);
        if (!source) throw new Error('this workspace has no Omni connection');
        const result = await checkWorkspace({
          team,
          channelId: setting.channelId,
          source,
          poster: typeof this.options.poster === 'function' ? this.options.poster(team) : this.options.poster,
          records,
          claims,
          now: this.now,
        });
        await records.setLastCheck(team, { at: this.now(), omniCalls: result.omniCalls });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await records.setLastCheck(team, { at: this.now(), omniCalls: 0, error: message });
        this.options.onError?.(team, error);
      }
    }
    return checked;
  }
}

/** `alerts on #channel` / `alerts off`. */
export async function setWatch(
  records: WatchRecords,
  team: string,
  change: { enabled: true; channelId: string; by: string } | { enabled: false; by: string },
  now: number,
): Promise<void> {
  const previous = await records.setting(team);
  const channelId = change.enabled ? change.channelId : (previous?.channelId ?? '');
  await records.setSetting(team, { enabled: change.enabled, channelId, setBy: change.by, setAt: now });
  await records.addTeam(team);
}

export interface WatchStatus {
  enabled: boolean;
  channelId?: string;
  setBy?: string;
  lastCheck?: { at: number; omniCalls: number; error?: string };
  failing: { scheduleId: string; scheduleName: string; reason: string; since: number }[];
}

/** What `/schedule alerts` and App Home show. */
export async function watchStatus(records: WatchRecords, team: string): Promise<WatchStatus> {
  const [setting, lastCheck, open] = await Promise.all([
    records.setting(team),
    records.lastCheck(team),
    records.openAlerts(team),
  ]);
  return {
    enabled: setting?.enabled ?? false,
    ...(setting ? { channelId: setting.channelId, setBy: setting.setBy } : {}),
    ...(lastCheck ? { lastCheck } : {}),
    failing: Object.values(open)
      .map(({ scheduleId, scheduleName, reason, since }) => ({ scheduleId, scheduleName, reason, since }))
      .sort((a, b) => a.since - b.since),
  };
}
