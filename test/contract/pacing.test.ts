// Pacing and 429: the client's pacer against the sandbox's per-key rate limit, on one virtual clock
// (the client's `OmniClientInternals.clock` and the sandbox's `now`), so no test waits real minutes.
import { describe, expect, it } from 'vitest';
import { OmniApiError } from '../../src/omni/index.js';
import { PACING_WINDOW_MS } from '../../src/omni/pacing.js';
import { type OmniSandbox, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { emailBody, rejectionOf, useContract } from './support.js';

const LIMIT = 5;
/** How much later than the client's clock the sandbox stamps a request: a slow network, say. Usually 0. */
let arrivalLagMs = 0;
const omni = useContract({ rateLimitPerMinute: LIMIT, now: () => omni.clock.now() + arrivalLagMs });

/** Virtual times at which the sandbox received each request, from the first. */
const arrivals = (sandbox: OmniSandbox) => {
  const times = sandbox.state.requests.map((r) => Date.parse(r.at));
  return times.map((t) => t - (times[0] as number));
};

const statuses = (sandbox: OmniSandbox) => sandbox.state.requests.map((r) => r.status);

/** The most requests the sandbox accepted in any 60 s window. */
function busiestMinute(sandbox: OmniSandbox): number {
  const accepted = sandbox.state.requests.filter((r) => r.status !== 429).map((r) => Date.parse(r.at));
  return Math.max(0, ...accepted.map((start) => accepted.filter((t) => t >= start && t < start + 60_000).length));
}

describe('a client paced at or below the limit', () => {
  it.each([LIMIT, LIMIT - 1])('at %i/min never meets a 429, one call after another', async (pace) => {
    const client = omni.makeClient({ rateLimitPerMinute: pace });
    for (let i = 0; i < 12; i++) await client.listSchedules();
    expect(statuses(omni.sandbox)).toEqual(Array(12).fill(200));
    expect(busiestMinute(omni.sandbox)).toBe(pace);
    // It waited instead: `pace` calls at once, then the next `pace` a pacing window (61 s) after them.
    expect(arrivals(omni.sandbox)).toEqual(
      Array.from({ length: 12 }, (_, i) => Math.floor(i / pace) * PACING_WINDOW_MS),
    );
    expect(omni.clock.sleeps).toEqual([PACING_WINDOW_MS, PACING_WINDOW_MS]);
  });

  it('never meets a 429 at the limit even when a call reaches Omni most of a second after it was sent', async () => {
    // The LIMIT-th call is stamped 0.9 s late. Paced on Omni's exact 60 s window, the next LIMIT calls would
    // all go at 60 s, while that call still counts in Omni's window: the last of them would get a 429.
    let sent = 0;
    const lateFetch: typeof fetch = async (input, init) => {
      sent += 1;
      arrivalLagMs = sent === LIMIT ? 900 : 0;
      try {
        return await omni.clock.fetch(input, init);
      } finally {
        arrivalLagMs = 0;
      }
    };
    const client = omni.makeClient({ rateLimitPerMinute: LIMIT, fetch: lateFetch });
    for (let i = 0; i < 2 * LIMIT; i++) await client.listSchedules();

    expect(statuses(omni.sandbox)).toEqual(Array(2 * LIMIT).fill(200));
    const w = PACING_WINDOW_MS;
    expect(arrivals(omni.sandbox)).toEqual([0, 0, 0, 0, 900, w, w, w, w, w]);
  });

  it('never meets a 429 with many calls at once, across clients sharing the key', async () => {
    const first = omni.makeClient({ rateLimitPerMinute: LIMIT });
    const second = omni.makeClient({ rateLimitPerMinute: LIMIT });
    const calls = Array.from({ length: 16 }, (_, i) =>
      (i % 2 === 0 ? first : second).getSchedule(SEEDED_SCHEDULE_IDS.orders),
    );
    expect((await Promise.all(calls)).map((s) => s.name)).toEqual(Array(16).fill('Orders'));
    expect(statuses(omni.sandbox)).not.toContain(429);
    expect(busiestMinute(omni.sandbox)).toBe(LIMIT);
  });

  it('paces bulk email-only batches too: 120 users, 6 batches, no 429', async () => {
    const users = Array.from({ length: 120 }, (_, i) => ({ email: `paced${i}@partner.example` }));
    const outcome = await omni.makeClient({ rateLimitPerMinute: LIMIT }).upsertEmailOnlyUsers(users);
    expect(outcome.failed).toEqual([]);
    expect(statuses(omni.sandbox)).toEqual(Array(6).fill(201));
  });
});

describe('a client paced above the limit', () => {
  it('gets a 429 with Retry-After, waits that long and retries, and every call succeeds', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: 2 * LIMIT });
    for (let i = 0; i < 8; i++) await client.listSchedules();

    const log = omni.sandbox.state.requests;
    expect(statuses(omni.sandbox)).toEqual([200, 200, 200, 200, 200, 429, 200, 200, 200]);
    const refused = log[5];
    const retried = log[6];
    expect(Date.parse(retried?.at ?? '') - Date.parse(refused?.at ?? '')).toBe(60_000);
    expect(omni.clock.sleeps).toContain(60_000);
    expect(busiestMinute(omni.sandbox)).toBe(LIMIT);
  });

  it('retries a 429 even for create and trigger, which then happen exactly once', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: 100 });
    for (let i = 0; i < LIMIT; i++) await client.listSchedules();
    const created = await client.createSchedule(emailBody({ name: 'After the limit' }));
    await client.triggerSchedule(created.id as string);

    expect(statuses(omni.sandbox).slice(LIMIT)).toEqual([429, 200, 200]);
    expect((await client.listSchedules({ q: 'After the limit' })).records).toHaveLength(1);
    expect(omni.sandbox.state.deliveries.map((d) => d.scheduleId)).toEqual([created.id]);
  });

  it("without retries left, surfaces the sandbox's 429 with the wait it asked for", async () => {
    const client = omni.makeClient({ rateLimitPerMinute: 100, maxRetries: 0 });
    for (let i = 0; i < LIMIT; i++) await client.listSchedules();
    const error = await rejectionOf(client.pauseSchedule(SEEDED_SCHEDULE_IDS.orders));

    expect(error).toBeInstanceOf(OmniApiError);
    expect(error).toMatchObject({
      status: 429,
      detail: 'Rate limit exceeded. Try again in 60 seconds.',
      method: 'PUT',
      path: `/api/v1/schedules/${SEEDED_SCHEDULE_IDS.orders}/pause`,
      attempts: 1,
      retryAfterMs: 60_000,
    });
    expect(omni.sandbox.state.schedules.get(SEEDED_SCHEDULE_IDS.orders)?.disabledAt).toBeNull();
  });

  it('does not wait out a Retry-After longer than it may (maxRetryAfterMs): reports the 429 at once', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: 100 }, { maxRetryAfterMs: 10_000 });
    for (let i = 0; i < LIMIT; i++) await client.listSchedules();
    const error = await rejectionOf(client.listSchedules());

    expect(error).toMatchObject({ status: 429, attempts: 1, retryAfterMs: 60_000 });
    expect(omni.clock.sleeps).toEqual([]);
  });

  it('concurrent callers refused with 429 wait out one Retry-After together, then all succeed', async () => {
    const client = omni.makeClient({ rateLimitPerMinute: 100 });
    for (let i = 0; i < LIMIT; i++) await client.listSchedules();
    const results = await Promise.all(Array.from({ length: 4 }, () => client.listUserAttributes()));

    expect(results).toHaveLength(4);
    // All four were on the wire when the first 429 came back; after the pause, none is refused.
    const after = statuses(omni.sandbox).slice(LIMIT);
    expect(after.filter((s) => s === 200)).toHaveLength(4);
    expect(after[0]).toBe(429);
    expect(after.lastIndexOf(429)).toBeLessThan(after.indexOf(200));
    // One pause for all of them, not one minute each.
    expect(omni.clock.sleeps).toEqual([60_000]);
    expect(busiestMinute(omni.sandbox)).toBe(LIMIT);
  });
});
