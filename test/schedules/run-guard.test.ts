import { describe, expect, it } from 'vitest';
import { StoreClaims } from '../../src/coordination/claims.js';
import { RUN_GUARD_WINDOW_MS, RunGuard } from '../../src/schedules/run-guard.js';
import { memoryCache } from '../coordination/memory-cache.js';

let seq = 0;
const freshKey = () => RunGuard.key('team:T1', `schedule-${++seq}`);

describe('RunGuard', () => {
  it('lets the first run through and refuses another from the same card within a minute, saying who and when', async () => {
    let clock = Date.parse('2025-01-01T10:00:00Z');
    const guard = new RunGuard(
      memoryCache(() => clock),
      () => new Date(clock),
    );
    const key = freshKey();
    expect(await guard.claim(key, 'U1')).toEqual({ ok: true });
    clock += 20_000;
    expect(await guard.claim(key, 'U2')).toEqual({
      ok: false,
      previous: { userId: 'U1', at: '2025-01-01T10:00:00.000Z' },
      retryInMs: 40_000,
    });
    clock += 40_000;
    expect(await guard.claim(key, 'U2')).toEqual({ ok: true });
  });

  it('refuses the second of two claims made at the same moment', async () => {
    const clock = Date.now();
    const guard = new RunGuard(
      memoryCache(() => clock),
      () => new Date(clock),
    );
    const key = freshKey();
    const results = await Promise.all([guard.claim(key, 'U1'), guard.claim(key, 'U1')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('sees a claim made by another process through the shared cache', async () => {
    const clock = Date.now();
    const cache = memoryCache(() => clock);
    const key = freshKey();
    await cache.set(key, { userId: 'U9', at: new Date(clock - 5_000).toISOString() }, RUN_GUARD_WINDOW_MS);
    const result = await new RunGuard(cache, () => new Date(clock)).claim(key, 'U1');
    expect(result).toMatchObject({ ok: false, previous: { userId: 'U9' }, retryInMs: 55_000 });
  });

  it('gives the claim back when the run did not start', async () => {
    const clock = Date.now();
    const guard = new RunGuard(
      memoryCache(() => clock),
      () => new Date(clock),
    );
    const key = freshKey();
    await guard.claim(key, 'U1');
    await guard.release(key);
    expect(await guard.claim(key, 'U1')).toEqual({ ok: true });
  });

  it('keys one schedule of one workspace, whichever card or command ran it', () => {
    expect(RunGuard.key('team:T1', 's1')).toBe(RunGuard.key('team:T1', 's1'));
    expect(RunGuard.key('team:T1', 's1')).not.toBe(RunGuard.key('team:T1', 's2'));
    expect(RunGuard.key('team:T1', 's1')).not.toBe(RunGuard.key('team:T2', 's1'));
  });

  it('hands the claim to whoever confirmed running again, for a new minute', async () => {
    let clock = Date.parse('2025-01-01T10:00:00Z');
    const guard = new RunGuard(
      memoryCache(() => clock),
      () => new Date(clock),
      undefined,
      new StoreClaims(
        memoryCache(() => clock),
        () => clock,
      ),
    );
    const key = freshKey();
    await guard.claim(key, 'U1');
    clock += 30_000;
    await guard.takeOver(key, 'U2');
    expect(await guard.claim(key, 'U3')).toMatchObject({ ok: false, previous: { userId: 'U2' }, retryInMs: 60_000 });
  });
});
