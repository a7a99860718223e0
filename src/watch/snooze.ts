// Snooze: pause a schedule in Omni now and resume it at a moment, durably. Each wake-up is a record in the
// store plus an entry in one index of due times; every replica ticks, and the one that wins the claim on a due
// wake-up resumes it. Index writes take a short claim, since two replicas may snooze at once.
import type { Claims } from '../coordination/claims.js';
import { OmniApiError } from '../omni/errors.js';
import type { TtlCache } from '../store/index.js';
import { RECORD_TTL_MS } from './records.js';

export interface Snooze {
  team: string;
  scheduleId: string;
  scheduleName: string;
  /** Wake-up instant, ms since the epoch. */
  until: number;
  /** Slack user who snoozed it. */
  by: string;
}

/** What snooze needs from the workspace's Omni connection. */
export interface SnoozeOmni {
  pauseSchedule(scheduleId: string): Promise<unknown>;
  resumeSchedule(scheduleId: string): Promise<unknown>;
}

/** Slack side: tell the person who snoozed that the wake-up failed. */
export interface SnoozeNotifier {
  resumeRefused(snooze: Snooze, reason: string): Promise<void>;
}

export interface SnoozeServiceOptions {
  cache: TtlCache;
  claims: Claims;
  omniFor(team: string): Promise<SnoozeOmni | undefined>;
  notifier: SnoozeNotifier;
  replicaId: string;
  now?: () => number;
  /** Waits between two tries of the index claim (tests pass an immediate one). */
  sleep?: (ms: number) => Promise<void>;
  /** A wake-up that could not reach Omni (retried once its claim lapses); the others still run. */
  onError?: (snooze: Snooze, error: unknown) => void;
}

const INDEX_KEY = 'snooze-index';
const INDEX_LOCK_MS = 10_000;
const WAKE_CLAIM_MS = 5 * 60_000;
const recordKey = (team: string, scheduleId: string) => `snooze:${team}:${scheduleId}`;

// Omni's 400s that mean "the state is already what we want".
const ALREADY_PAUSED = /already paused/i;
const ALREADY_RESUMED = /already resumed/i;

export class SnoozeService {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SnoozeServiceOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Pauses now and records the wake-up. Throws the Omni error (nothing recorded) when Omni refuses the pause. */
  async snooze(snooze: Snooze): Promise<void> {
    if (snooze.until <= this.now()) throw new RangeError('A snooze must end in the future.');
    const omni = await this.omni(snooze.team);
    try {
      await omni.pauseSchedule(snooze.scheduleId);
    } catch (error) {
      if (!(error instanceof OmniApiError && ALREADY_PAUSED.test(error.detail))) throw error;
    }
    await this.options.cache.set(recordKey(snooze.team, snooze.scheduleId), snooze, RECORD_TTL_MS);
    await this.editIndex((index) => {
      index[recordKey(snooze.team, snooze.scheduleId)] = snooze.until;
    });
  }

  /** "Snoozed until … by …" for the card, or undefined. */
  snoozed(team: string, scheduleId: string): Promise<Snooze | undefined> {
    return this.options.cache.get<Snooze>(recordKey(team, scheduleId));
  }

  /** Forgets the wake-up (the schedule was resumed, deleted or re-paused by hand). */
  async cancel(team: string, scheduleId: string): Promise<boolean> {
    const removed = await this.options.cache.delete(recordKey(team, scheduleId));
    await this.editIndex((index) => {
      delete index[recordKey(team, scheduleId)];
    });
    return removed;
  }

  /** "Resume now": cancels the wake-up, then resumes in Omni (whose refusal the caller shows). */
  async resumeNow(team: string, scheduleId: string): Promise<void> {
    await this.cancel(team, scheduleId);
    const omni = await this.omni(team);
    try {
      await omni.resumeSchedule(scheduleId);
    } catch (error) {
      if (!(error instanceof OmniApiError && ALREADY_RESUMED.test(error.detail))) throw error;
    }
  }

  /** Resumes every due wake-up this replica wins. Returns the schedules it woke (resumed or refused). */
  async tick(): Promise<string[]> {
    const index = (await this.options.cache.get<Record<string, number>>(INDEX_KEY)) ?? {};
    const woke: string[] = [];
    const now = this.now();
    for (const [key, until] of Object.entries(index)) {
      if (until > now) continue;
      const claim = await this.options.claims.claim(
        `snooze-wake:${key}:${until}`,
        this.options.replicaId,
        WAKE_CLAIM_MS,
      );
      if (!claim.ok) continue;
      const snooze = await this.options.cache.get<Snooze>(key);
      // Cancelled or re-snoozed to a later time since the index was read.
      if (!snooze || snooze.until !== until) continue;
      try {
        const omni = await this.omni(snooze.team);
        await omni.resumeSchedule(snooze.scheduleId);
      } catch (error) {
        if (error instanceof OmniApiError && ALREADY_RESUMED.test(error.detail)) {
          // Resumed by hand in Omni: nothing to do.
        } else if (error instanceof OmniApiError && error.status >= 400 && error.status < 500) {
          await this.options.notifier.resumeRefused(snooze, error.detail);
        } else {
          // Network, timeout or 5xx: keep the record; the claim lapses and a later tick tries again.
          this.options.onError?.(snooze, error);
          continue;
        }
      }
      await this.cancel(snooze.team, snooze.scheduleId);
      woke.push(snooze.scheduleId);
    }
    return woke;
  }

  private async omni(team: string): Promise<SnoozeOmni> {
    const omni = await this.options.omniFor(team);
    if (!omni) throw new Error('This workspace has no Omni connection: run `/schedule connect` first.');
    return omni;
  }

  private async editIndex(edit: (index: Record<string, number>) => void): Promise<void> {
    const { claims, cache, replicaId } = this.options;
    for (let attempt = 0; attempt < 50; attempt++) {
      const lock = await claims.claim('snooze-index-lock', replicaId, INDEX_LOCK_MS);
      if (!lock.ok) {
        await this.sleep(100);
        continue;
      }
      try {
        const index = (await cache.get<Record<string, number>>(INDEX_KEY)) ?? {};
        edit(index);
        await cache.set(INDEX_KEY, index, RECORD_TTL_MS);
      } finally {
        await claims.release('snooze-index-lock');
      }
      return;
    }
    throw new Error('The snooze index stayed locked for 5 seconds: try again.');
  }
}
