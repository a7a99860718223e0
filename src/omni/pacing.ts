import { createHash } from 'node:crypto';
import { MemoryRateBudget, type RateBudget } from '../coordination/rate-budget.js';
import { sharedRateBudget } from '../coordination/shared.js';
import type { Clock } from './clock.js';

/** Omni counts requests per key over 60 s; one extra second absorbs network reordering and server-side stamping. */
export const PACING_WINDOW_MS = 61_000;

/**
 * Paces the calls of one Omni API key: at most `limit` calls start in any `PACING_WINDOW_MS`, drawn from a
 * rate budget that is this process's (in memory) or every replica's (Redis). Callers of one process queue
 * in order; a 429 blocks the key for everyone on the budget (`pauseUntil`), other replicas included.
 */
export class CallPacer {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly budget: RateBudget = new MemoryRateBudget(() => clock.now()),
    /** The budget's key: a hash of org and API key, never the key itself. */
    private readonly id = 'omni',
  ) {}

  /**
   * Resolves when a call may start under `limitPerMinute`; `Infinity` only honours pauses. `onWait` is told
   * each wait before it starts (so the person can be told how long).
   */
  acquire(limitPerMinute: number, onWait?: (waitMs: number) => void): Promise<void> {
    const turn = this.tail.then(() => this.waitForSlot(limitPerMinute, onWait));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Omni said to wait (429): nobody using this key starts a call before `until`. */
  async pauseUntil(until: number): Promise<void> {
    const ms = until - this.clock.now();
    if (ms > 0) await this.budget.block(this.id, ms);
  }

  private async waitForSlot(limit: number, onWait?: (waitMs: number) => void): Promise<void> {
    for (;;) {
      const waitMs = await this.budget.take(this.id, limit, PACING_WINDOW_MS);
      if (waitMs <= 0) return;
      onWait?.(waitMs);
      await this.clock.sleep(waitMs);
    }
  }
}

/**
 * One pacer per Omni org and API key, shared by every client built for them, so that two handlers
 * talking to the same org do not together exceed its limit. Keyed by a hash: the key itself is
 * never held here, nor sent to Redis.
 */
export class PacerRegistry {
  private readonly pacers = new Map<string, CallPacer>();

  /** `budget`: every replica's (Redis); unset, the one installed at start-up, else one in memory per key. */
  constructor(private readonly budget?: RateBudget) {}

  pacerFor(baseUrl: string, apiKey: string, clock: Clock): CallPacer {
    const id = `omni:${createHash('sha256').update(baseUrl).update('\n').update(apiKey).digest('hex')}`;
    let pacer = this.pacers.get(id);
    if (!pacer) {
      const budget = this.budget ?? sharedRateBudget() ?? new MemoryRateBudget(() => clock.now());
      pacer = new CallPacer(clock, budget, id);
      this.pacers.set(id, pacer);
    }
    return pacer;
  }
}

export const sharedPacers = new PacerRegistry();
