import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OmniClient } from '../../src/omni/index.js';
import { CallPacer, PACING_WINDOW_MS, PacerRegistry } from '../../src/omni/pacing.js';
import { API_KEY, page, useScriptedOmni, VirtualClock } from './support.js';

describe('OmniClient pacing', () => {
  const omni = useScriptedOmni();

  /** Records the virtual time at which each call reached the server. */
  function recordArrivals(): number[] {
    const arrivals: number[] = [];
    omni.server.otherwise(() => {
      arrivals.push(omni.clock.now());
      return { json: page([]) };
    });
    return arrivals;
  }

  it('lets N calls through at once and makes call N+1 wait until a pacing window after call 1', async () => {
    const arrivals = recordArrivals();
    const client = omni.makeClient({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 4; i++) await client.listSchedules();

    expect(omni.clock.sleeps).toEqual([PACING_WINDOW_MS]);
    const start = arrivals[0] as number;
    expect(arrivals.map((t) => t - start)).toEqual([0, 0, 0, PACING_WINDOW_MS]);
  });

  it('tells onPacingWait how long a call will wait, before it waits', async () => {
    recordArrivals();
    const waits: unknown[] = [];
    const client = omni.makeClient({ rateLimitPerMinute: 1, onPacingWait: (wait) => waits.push(wait) });
    await client.listSchedules();
    expect(waits).toEqual([]);
    await client.listSchedules();
    expect(waits).toEqual([{ operation: 'listSchedules', waitMs: PACING_WINDOW_MS }]);
  });

  it('queues concurrent calls: 7 calls at 2 a minute take three waits of a pacing window', async () => {
    recordArrivals();
    const client = omni.makeClient({ rateLimitPerMinute: 2 });
    const results = await Promise.all(Array.from({ length: 7 }, () => client.listSchedules()));

    expect(results).toHaveLength(7);
    expect(omni.server.requests).toHaveLength(7);
    expect(omni.clock.sleeps).toEqual([PACING_WINDOW_MS, PACING_WINDOW_MS, PACING_WINDOW_MS]);
  });

  it('shares one budget between clients of the same org and key', async () => {
    recordArrivals();
    const first = omni.makeClient({ rateLimitPerMinute: 2 });
    const second = omni.makeClient({ rateLimitPerMinute: 2 });
    await first.listSchedules();
    await first.listSchedules();
    await second.listSchedules();

    expect(omni.clock.sleeps).toEqual([PACING_WINDOW_MS]);
  });

  it('shares the budget through the default registry too', async () => {
    recordArrivals();
    const make = () =>
      new OmniClient({ baseUrl: omni.server.url, apiKey: API_KEY, rateLimitPerMinute: 1 }, { clock: omni.clock });
    await make().listSchedules();
    await make().listSchedules();
    expect(omni.clock.sleeps).toEqual([PACING_WINDOW_MS]);
  });

  it('paces different keys separately', async () => {
    recordArrivals();
    const first = omni.makeClient({ rateLimitPerMinute: 1 });
    const other = omni.makeClient({ rateLimitPerMinute: 1, apiKey: 'another-org-key-1234' });
    await first.listSchedules();
    await other.listSchedules();
    expect(omni.clock.sleeps).toEqual([]);
  });

  it('paces batches of email-only users as any other call', async () => {
    omni.server.otherwise((request) => ({
      json: {
        results: (request.body as { users: { email: string }[] }).users.map((u) => ({ email: u.email, userId: 'u' })),
      },
    }));
    const users = Array.from({ length: 60 }, (_, i) => ({ email: `u${i}@partner.com` }));
    await omni.makeClient({ rateLimitPerMinute: 2 }).upsertEmailOnlyUsers(users);

    expect(omni.server.requests).toHaveLength(3);
    expect(omni.clock.sleeps).toEqual([PACING_WINDOW_MS]);
  });
});

describe('CallPacer', () => {
  it('holds every caller of the key until a 429 pause is over', async () => {
    const clock = new VirtualClock();
    const pacer = new CallPacer(clock);
    const start = clock.now();
    pacer.pauseUntil(start + 30_000);
    await pacer.acquire(60);
    await pacer.acquire(60);

    expect(clock.sleeps).toEqual([30_000]);
    expect(clock.now()).toBe(start + 30_000);
  });

  it('starts at most `limit` concurrent callers in any pacing window', async () => {
    const clock = new VirtualClock();
    const pacer = new CallPacer(clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 9 }, () => pacer.acquire(3).then(() => starts.push(clock.now()))));

    const t0 = starts[0] as number;
    const w = PACING_WINDOW_MS;
    expect(starts.map((t) => t - t0)).toEqual([0, 0, 0, w, w, w, 2 * w, 2 * w, 2 * w]);
  });

  it("keeps a second of margin over Omni's 60 s window: call N+1 starts 61 s after call 1", async () => {
    const clock = new VirtualClock();
    const pacer = new CallPacer(clock);
    const start = clock.now();
    for (let i = 0; i < 3; i++) await pacer.acquire(3);
    // Omni's own window is over here and it would accept call 4; the pacer still holds it a second.
    await clock.sleep(60_000);
    await pacer.acquire(3);

    expect(clock.sleeps).toEqual([60_000, 1_000]);
    expect(clock.now() - start).toBe(61_000);
  });

  it('does not count calls when unlimited', async () => {
    const clock = new VirtualClock();
    const pacer = new CallPacer(clock);
    for (let i = 0; i < 100; i++) await pacer.acquire(Number.POSITIVE_INFINITY);
    expect(clock.sleeps).toEqual([]);
  });

  it('keys pacers by a hash, never holding the API key', () => {
    const registry = new PacerRegistry();
    const clock = new VirtualClock();
    const a = registry.pacerFor('https://myorg.omniapp.co', API_KEY, clock);
    expect(registry.pacerFor('https://myorg.omniapp.co', API_KEY, clock)).toBe(a);
    expect(registry.pacerFor('https://other.omniapp.co', API_KEY, clock)).not.toBe(a);
    expect(inspect(registry, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });
});
