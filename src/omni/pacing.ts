import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';

/** Omni counts requests per key over 60 s; one extra second absorbs network reordering and server-side stamping. */
export const PACING_WINDOW_MS = 61_000;

/**
 * A sliding-window limiter for one Omni API key: at most `limit` calls start in any `PACING_WINDOW_MS`.
 * Callers queue in order; a 429 pauses the whole queue (`pauseUntil`) so that concurrent calls wait too.
 */
export class CallPacer {
  private readonly starts: number[] = [];
  private blockedUntil = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly clock: Clock) {}

  /** Resolves when a call may start under `limitPerMinute`; `Infinity` only honours pauses. */
  acquire(limitPerMinute: number): Promise<void> {
    const turn = this.tail.then(() => this.waitForSlot(limitPerMinute));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Omni said to wait (429): nobody using this key starts a call before `until`. */
  pauseUntil(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  private async waitForSlot(limit: number): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (this.blockedUntil > now) {
        await this.clock.sleep(this.blockedUntil - now);
        continue;
      }
      while (this.starts.length > 0 && (this.starts[0] as number) <= now - PACING_WINDOW_MS) this.starts.shift();
      if (this.starts.length < limit) {
        if (Number.isFinite(limit)) this.starts.push(now);
        return;
      }
      await this.clock.sleep((this.starts[0] as number) + PACING_WINDOW_MS - now);
    }
  }
}

/**
 * One pacer per Omni org and API key, shared by every client built for them, so that two handlers
 * talking to the same org do not together exceed its limit. Keyed by a hash: the key itself is
 * never held here.
 */
export class PacerRegistry {
  private readonly pacers = new Map<string, CallPacer>();

  pacerFor(baseUrl: string, apiKey: string, clock: Clock): CallPacer {
    const id = createHash('sha256').update(baseUrl).update('\n').update(apiKey).digest('hex');
    let pacer = this.pacers.get(id);
    if (!pacer) {
      pacer = new CallPacer(clock);
      this.pacers.set(id, pacer);
    }
    return pacer;
  }
}

export const sharedPacers = new PacerRegistry();
