// Without REDIS_URL the app must run as one process: its rate budgets, claims and jobs live in its memory.
// Each process writes a heartbeat to the store; a process that starts while another's heartbeat is fresh
// says so in the log, naming REDIS_URL as the fix.
import { hostname } from 'node:os';
import type { TtlCache } from '../store/index.js';

export const HEARTBEAT_INTERVAL_MS = 15_000;
const HEARTBEAT_KEY = 'heartbeat';

export interface Heartbeat {
  instance: string;
  pid: number;
  host: string;
  at: string;
}

/**
 * Reads the last heartbeat (another process's, when fresh), then keeps writing this process's own.
 * Returns the other process seen at start (for the warning) and a stop function.
 */
export async function startHeartbeat(
  cache: TtlCache,
  instance: string,
  options: { intervalMs?: number; now?: () => Date } = {},
): Promise<{ other?: Heartbeat; stop(): void }> {
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const now = options.now ?? (() => new Date());
  const last = await cache.get<Heartbeat>(HEARTBEAT_KEY);
  const other = last && last.instance !== instance ? last : undefined;
  const beat = () =>
    cache.set<Heartbeat>(
      HEARTBEAT_KEY,
      { instance, pid: process.pid, host: hostname(), at: now().toISOString() },
      // Three missed beats: the process is gone.
      intervalMs * 3,
    );
  await beat();
  const timer = setInterval(() => {
    beat().catch(() => undefined); // a store hiccup: the next beat tries again, /readyz reports the store
  }, intervalMs);
  timer.unref();
  return { ...(other ? { other } : {}), stop: () => clearInterval(timer) };
}

export function secondReplicaWarning(other: Heartbeat): string {
  return (
    `Another process of this app (pid ${other.pid} on ${other.host}, last seen ${other.at}) uses the same store, ` +
    'but REDIS_URL is not set: each process keeps its own Omni and Slack rate budgets, run claims and jobs, so ' +
    'together they can exceed Omni’s limit or run a schedule twice. Set REDIS_URL on every replica, or run one.'
  );
}
