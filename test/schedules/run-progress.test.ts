import { describe, expect, it } from 'vitest';
import { CLOCK_SLACK_MS, RUN_WATCH_BOUND_MS, runCheckDelays, runProgress } from '../../src/schedules/run-progress.js';

const started = new Date('2026-03-02T10:00:00.000Z');
const dest = (id: string, type: string, lastStatus: string | null, lastCompletedAt: string | null) => ({
  id,
  lastStatus,
  lastCompletedAt,
  metadata: { type },
});

describe('runProgress', () => {
  it('is running while any destination still shows an earlier run', () => {
    expect(
      runProgress(
        [
          dest('d1', 'email', 'COMPLETE', '2026-03-02T10:00:20.000Z'),
          dest('d2', 'slack', 'COMPLETE', '2026-03-01T09:00:00.000Z'),
        ],
        started,
      ),
    ).toEqual({ kind: 'running' });
    expect(runProgress([dest('d1', 'email', null, null)], started)).toEqual({ kind: 'running' });
    expect(runProgress([], started)).toEqual({ kind: 'running' });
  });

  it('has ended when every destination completed after the trigger (less the clock slack); failed when one failed', () => {
    const justBefore = new Date(started.getTime() - CLOCK_SLACK_MS).toISOString();
    expect(
      runProgress(
        [dest('d1', 'email', 'COMPLETE', justBefore), dest('d2', 'slack', 'ERROR', '2026-03-02T10:01:00.000Z')],
        started,
      ),
    ).toEqual({
      kind: 'ended',
      failed: true,
      destinations: [
        { type: 'email', lastStatus: 'COMPLETE', at: justBefore },
        { type: 'slack', lastStatus: 'ERROR', at: '2026-03-02T10:01:00.000Z' },
      ],
    });
    expect(runProgress([dest('d1', 'email', 'CONDITION_UNMET', '2026-03-02T10:01:00.000Z')], started)).toMatchObject({
      kind: 'ended',
      failed: false,
    });
  });
});

describe('runCheckDelays', () => {
  it('backs off from 5 s to a minute and adds up to at most the bound', () => {
    const delays = runCheckDelays(60);
    expect(delays.slice(0, 5)).toEqual([10_000, 10_000, 20_000, 40_000, 60_000]);
    expect(delays.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(RUN_WATCH_BOUND_MS);
    expect(runCheckDelays(10_000).slice(0, 4)).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it('never checks more often than a tenth of the key’s calls a minute allows', () => {
    expect(Math.min(...runCheckDelays(6))).toBe(100_000);
    expect(runCheckDelays(60, 4_000)).toEqual([]);
  });
});
