import { describe, expect, it } from 'vitest';
import { type SlackCheck, waitUntilReachable } from '../../src/http/startup.js';

/** Checks that answer from a script, one entry per round; sleeps are recorded, not waited. */
function scripted(rounds: { store?: string; slack: SlackCheck }[]) {
  let round = 0;
  const sleeps: number[] = [];
  const lines: string[] = [];
  const problems: (string | undefined)[] = [];
  const current = () => rounds[Math.min(round, rounds.length - 1)] as { store?: string; slack: SlackCheck };
  const options = {
    checks: {
      store: async () => current().store,
      slack: async () => current().slack,
    },
    logger: { warn: (m: string) => lines.push(`warn ${m}`), info: (m: string) => lines.push(`info ${m}`) },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      round++;
    },
    delaysMs: [1_000, 2_000, 4_000],
    onProblem: (p: string | undefined) => problems.push(p),
  };
  return { options, sleeps, lines, problems };
}

const down = { ok: false, unreachable: 'connect ECONNREFUSED 127.0.0.1:9' } as const;

describe('waitUntilReachable', () => {
  it('is ready at once when both answer, logging nothing', async () => {
    const s = scripted([{ slack: { ok: true } }]);
    expect(await waitUntilReachable(s.options)).toEqual({ ready: true });
    expect(s.lines).toEqual([]);
    expect(s.sleeps).toEqual([]);
  });

  it('retries with growing pauses, logs one line per kind of problem, and says when it recovered', async () => {
    const s = scripted([
      { slack: down },
      { slack: down },
      { slack: down, store: 'store did not answer within 2000 ms' },
      { slack: { ok: true }, store: 'store did not answer within 2000 ms' },
      { slack: { ok: true }, store: 'store does not answer: ECONNREFUSED' },
      { slack: { ok: true } },
    ]);
    expect(await waitUntilReachable(s.options)).toEqual({ ready: true });
    expect(s.sleeps).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(s.lines).toEqual([
      'warn Waiting before start-up: Slack does not answer (SLACK_API_URL): connect ECONNREFUSED 127.0.0.1:9. Retrying until both answer; /readyz says 503 meanwhile.',
      'warn Waiting before start-up: Slack does not answer (SLACK_API_URL): connect ECONNREFUSED 127.0.0.1:9; the store does not answer (STORE_URL): store did not answer within 2000 ms. Retrying until both answer; /readyz says 503 meanwhile.',
      'warn Waiting before start-up: the store does not answer (STORE_URL): store did not answer within 2000 ms. Retrying until both answer; /readyz says 503 meanwhile.',
      'info Slack and the store answer now; starting.',
    ]);
    expect(s.problems.at(-1)).toBeUndefined();
    expect(s.problems[0]).toContain('Slack does not answer');
  });

  it('stops at once on a refused token: waiting would not fix it', async () => {
    const s = scripted([{ slack: { ok: false, refused: 'invalid_auth' } }]);
    expect(await waitUntilReachable(s.options)).toEqual({ ready: false, refused: 'invalid_auth' });
    expect(s.sleeps).toEqual([]);
  });

  it('stops waiting when told to (SIGTERM during the wait)', async () => {
    const s = scripted([{ slack: down }]);
    const stop = new AbortController();
    const result = waitUntilReachable({
      ...s.options,
      signal: stop.signal,
      sleep: async () => {
        stop.abort();
      },
    });
    expect(await result).toEqual({ ready: false, stopped: true });
  });
});
