// Following a run Omni has accepted: Omni answers a trigger at once and records the outcome later, on each
// destination's `lastStatus` and `lastCompletedAt`. Pure: when to look again, and whether the run has ended.

/** A destination as Omni's GET-one answer gives it (only what a run changes, and its type). */
export interface RunDestination {
  id: string;
  lastStatus: string | null;
  lastCompletedAt: string | null;
  metadata?: unknown;
}

export type RunProgress =
  | { kind: 'running' }
  | { kind: 'ended'; failed: boolean; destinations: { type: string; lastStatus: string | null; at: string }[] };

/** Statuses that mean the run did not deliver what it should have (Omni's API docs list its values). */
const FAILED = new Set(['ERROR', 'ERROR_DELIVERED', 'KILLED']);

/**
 * Seconds in case Omni's clock and ours disagree: a completion stamped this long before the trigger's answer
 * still counts as this run's, so a run Omni finished before answering (or a slightly slow Omni clock) is seen.
 */
export const CLOCK_SLACK_MS = 10_000;

/**
 * Whether the run started at `startedAt` (when Omni accepted the trigger, by our clock) has ended on every
 * destination: each has a `lastCompletedAt` not older than that, less `CLOCK_SLACK_MS`. Omni's clock running
 * further behind ours than that makes the run look unfinished (the card then stops checking and says so); it
 * never shows an older run's outcome as this one's, unless that run ended within the slack before the click.
 */
export function runProgress(now: readonly RunDestination[], startedAt: Date): RunProgress {
  const ended = now.map((d) => {
    const at = d.lastCompletedAt;
    if (at === null || !(Date.parse(at) >= startedAt.getTime() - CLOCK_SLACK_MS)) return undefined;
    return { type: destinationType(d), lastStatus: d.lastStatus, at };
  });
  if (ended.length === 0 || ended.some((d) => d === undefined)) return { kind: 'running' };
  const destinations = ended.filter((d) => d !== undefined);
  const failed = destinations.some((d) => d.lastStatus !== null && FAILED.has(d.lastStatus));
  return { kind: 'ended', failed, destinations };
}

function destinationType(d: RunDestination): string {
  const type = (d.metadata as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : 'unknown';
}

/** Longest the app follows one run; Omni's runs usually take seconds to a few minutes. */
export const RUN_WATCH_BOUND_MS = 15 * 60_000;

/** A run's checks may use at most this share of the key's calls a minute, leaving the rest to people. */
const BUDGET_SHARE = 0.1;

/**
 * The waits between checks: 5 s doubling to a minute, never closer than the key's budget allows
 * (`rateLimitPerMinute` × BUDGET_SHARE checks a minute), adding up to at most `boundMs`.
 */
export function runCheckDelays(rateLimitPerMinute: number, boundMs = RUN_WATCH_BOUND_MS): number[] {
  const floor = Math.ceil(60_000 / Math.max(1e-9, rateLimitPerMinute * BUDGET_SHARE));
  const delays: number[] = [];
  let total = 0;
  for (let backoff = 5_000; ; backoff = Math.min(60_000, backoff * 2)) {
    const delay = Math.max(backoff, floor);
    if (total + delay > boundMs) return delays;
    delays.push(delay);
    total += delay;
  }
}
