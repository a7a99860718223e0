// The failure watch and snooze, built once per AppDeps (so listeners and the timers share them), and the
// timers every replica runs: the watch's tick each ALERT_CHECK_INTERVAL_S, snooze's every min(interval, 30 s).
// Claims are read at each call: Redis-backed ones once start-up installed them (REDIS_URL), else the store's.
import { randomUUID } from 'node:crypto';
import type { Claims } from '../coordination/claims.js';
import { StoreClaims } from '../coordination/claims.js';
import { sharedClaims } from '../coordination/shared.js';
import { type FailureSource, omniFailureSource } from '../watch/failure-check.js';
import { WatchRecords } from '../watch/records.js';
import { SnoozeService } from '../watch/snooze.js';
import { FailureWatcher } from '../watch/watcher.js';
import type { AppDeps } from './deps.js';
import { NotConnectedError } from './errors.js';
import { alertPoster, scopeOfKey, tellResumeRefused } from './watch-ports.js';

export interface WatchServices {
  records: WatchRecords;
  snooze: SnoozeService;
  watcher: FailureWatcher;
}

export interface WatchOptions {
  replicaId?: string;
  onError?: (message: string) => void;
}

const built = new WeakMap<AppDeps, WatchServices>();

export function watchServices(deps: AppDeps, options: WatchOptions = {}): WatchServices {
  const existing = built.get(deps);
  if (existing) return existing;
  const replicaId = options.replicaId ?? randomUUID();
  const now = () => deps.now().getTime();
  const storeClaims = new StoreClaims(deps.store.cache('claims'), now);
  const claims: Claims = {
    claim: (key, value, ttlMs) => (sharedClaims() ?? storeClaims).claim(key, value, ttlMs),
    release: (key) => (sharedClaims() ?? storeClaims).release(key),
  };
  const report = options.onError ?? (() => undefined);
  const records = new WatchRecords(deps.store.cache('watch'));
  const watcher = new FailureWatcher({
    records,
    claims,
    poster: (team) => alertPoster(deps, team),
    async sourceFor(team): Promise<FailureSource | undefined> {
      try {
        return omniFailureSource(await deps.omniFor(scopeOfKey(team)));
      } catch (error) {
        if (error instanceof NotConnectedError) return undefined;
        throw error;
      }
    },
    intervalMs: deps.config.alertCheckIntervalMs,
    replicaId,
    now,
    onError: (team, error) => report(`failure watch: checking ${team} failed: ${messageOf(error)}`),
  });
  const snooze = new SnoozeService({
    cache: deps.store.cache('snooze'),
    claims,
    async omniFor(team) {
      try {
        return await deps.omniFor(scopeOfKey(team));
      } catch (error) {
        if (error instanceof NotConnectedError) return undefined;
        throw error;
      }
    },
    notifier: { resumeRefused: (s, reason) => tellResumeRefused(deps, s, reason) },
    replicaId,
    now,
    onError: (s, error) => report(`snooze: waking ${s.scheduleName} (${s.scheduleId}) failed: ${messageOf(error)}`),
  });
  const services = { records, snooze, watcher };
  built.set(deps, services);
  return services;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const SNOOZE_TICK_MAX_MS = 30_000;

/** Starts both timers (unref'd: they never keep the process alive); `stop()` clears them and waits for a tick in flight. */
export function startWatch(deps: AppDeps, options: WatchOptions & { onError: (message: string) => void }) {
  const { watcher, snooze } = watchServices(deps, options);
  const running = new Set<Promise<unknown>>();
  const every = (ms: number, tick: () => Promise<unknown>, what: string) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return; // a slow tick (Omni down, many pages) never overlaps the next
      busy = true;
      const run = tick()
        .catch((error: unknown) => options.onError(`${what} failed: ${messageOf(error)}`))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, ms);
    timer.unref();
    return timer;
  };
  const interval = deps.config.alertCheckIntervalMs;
  const timers = [
    every(interval, () => watcher.tick(), 'failure watch tick'),
    every(Math.min(interval, SNOOZE_TICK_MAX_MS), () => snooze.tick(), 'snooze tick'),
  ];
  return {
    async stop(): Promise<void> {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
