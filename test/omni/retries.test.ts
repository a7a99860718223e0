import { describe, expect, it } from 'vitest';
import { OmniApiError, OmniNetworkError, OmniTimeoutError } from '../../src/omni/index.js';
import { omniError } from './scripted-server.js';
import { EMAIL_SCHEDULE_BODY, hangingFetch, page, rejectionOf, SCHEDULE_ID, useScriptedOmni } from './support.js';

const createBody = EMAIL_SCHEDULE_BODY;
const created = { id: SCHEDULE_ID, message: 'Successfully created schedule' };
const tooMany = (headers?: Record<string, string>) => omniError(429, 'Too Many Requests', headers);

describe('OmniClient retries', () => {
  const omni = useScriptedOmni();

  it('waits the Retry-After seconds after a 429, then succeeds', async () => {
    omni.server.reply(tooMany({ 'retry-after': '7' }), { json: page([]) });
    await omni.client.listSchedules();

    expect(omni.server.requests).toHaveLength(2);
    expect(omni.clock.sleeps).toEqual([7000]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const at = new Date(omni.clock.now() + 12_000).toUTCString();
    omni.server.reply(tooMany({ 'retry-after': at }), { json: { success: true } });
    await omni.client.pauseSchedule(SCHEDULE_ID);

    expect(omni.clock.sleeps).toEqual([12_000]);
  });

  it('waits out a whole rate-limit window when a 429 has no Retry-After, and says so first', async () => {
    omni.server.reply(tooMany(), { json: page([]) });
    const waits: { operation: string; waitMs: number; retryAfterHeader: boolean }[] = [];
    const client = omni.makeClient({ onRateLimitWait: (wait) => waits.push(wait) });
    const start = omni.clock.now();
    await client.listSchedules();

    // Omni documents a per-minute limit and no Retry-After: a minute plus one second of margin.
    expect(omni.clock.sleeps).toEqual([61_000]);
    expect(waits).toEqual([
      { operation: 'listSchedules', waitMs: 61_000, resumesAt: new Date(start + 61_000), retryAfterHeader: false },
    ]);
    expect(omni.server.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter after a 503 without Retry-After', async () => {
    omni.server.reply(omniError(503, 'Unavailable'), omniError(503, 'Unavailable'), { json: page([]) });
    await omni.makeClient({}, { random: () => 0 }).listSchedules();
    // Equal jitter with random() = 0: half of 1 s, 2 s.
    expect(omni.clock.sleeps).toEqual([500, 1000]);
  });

  it('spreads backoff with the random part of the jitter', async () => {
    omni.server.reply(omniError(503, 'Unavailable'), { json: page([]) });
    await omni.makeClient({}, { random: () => 0.999 }).listSchedules();
    expect(omni.clock.sleeps[0]).toBeGreaterThan(990);
    expect(omni.clock.sleeps[0]).toBeLessThanOrEqual(1000);
  });

  it('retries a 429 for a create, which Omni refused before acting', async () => {
    omni.server.reply(tooMany({ 'retry-after': '1' }), { json: created });
    await expect(omni.client.createSchedule(createBody)).resolves.toEqual(created);
    expect(omni.server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('gives up after maxRetries and reports the last 429 with its attempts', async () => {
    omni.server.reply(
      tooMany({ 'retry-after': '2' }),
      tooMany({ 'retry-after': '2' }),
      tooMany({ 'retry-after': '3' }),
    );
    const error = await rejectionOf(omni.makeClient({ maxRetries: 2 }).triggerSchedule(SCHEDULE_ID));

    expect(error).toBeInstanceOf(OmniApiError);
    expect(error).toMatchObject({ status: 429, attempts: 3, retryAfterMs: 3000 });
    expect(omni.server.requests).toHaveLength(3);
  });

  it('does not wait out a Retry-After longer than a minute', async () => {
    omni.server.reply(tooMany({ 'retry-after': '3600' }));
    const error = await rejectionOf(omni.client.listSchedules());
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_600_000, attempts: 1 });
    expect(omni.clock.sleeps).toEqual([]);
  });

  it.each([
    ['createSchedule', (o: typeof omni.client) => o.createSchedule(createBody)],
    ['triggerSchedule', (o: typeof omni.client) => o.triggerSchedule(SCHEDULE_ID)],
    ['addRecipients', (o: typeof omni.client) => o.addRecipients(SCHEDULE_ID, { emails: ['a@myorg.co'] })],
    ['removeRecipients', (o: typeof omni.client) => o.removeRecipients(SCHEDULE_ID, { emails: ['a@myorg.co'] })],
  ])('never retries %s after a 500 (no duplicate deliveries)', async (_name, call) => {
    omni.server.reply(omniError(500, 'dispatcher failed'), { json: { success: true } });
    const error = await rejectionOf(call(omni.client));

    expect(error).toMatchObject({ status: 500, detail: 'dispatcher failed', attempts: 1 });
    expect(omni.server.requests).toHaveLength(1);
  });

  it('never retries a trigger whose connection dropped', async () => {
    omni.server.reply({ drop: true }, { json: { success: true } });
    const error = await rejectionOf(omni.client.triggerSchedule(SCHEDULE_ID));
    expect(error).toBeInstanceOf(OmniNetworkError);
    expect(error).toMatchObject({ operation: 'triggerSchedule' });
    expect(omni.server.requests).toHaveLength(1);
  });

  it.each([
    ['listSchedules', (o: typeof omni.client) => o.listSchedules(), page([])],
    ['pauseSchedule', (o: typeof omni.client) => o.pauseSchedule(SCHEDULE_ID), { success: true }],
    ['updateSchedule', (o: typeof omni.client) => o.updateSchedule(SCHEDULE_ID, { name: 'x' }), { success: true }],
    ['deleteSchedule', (o: typeof omni.client) => o.deleteSchedule(SCHEDULE_ID), { success: true }],
    [
      'upsertEmailOnlyUser',
      (o: typeof omni.client) => o.upsertEmailOnlyUser({ email: 'a@partner.com' }),
      { email: 'a@partner.com', userId: SCHEDULE_ID },
    ],
  ])('retries idempotent %s after a 503 with backoff', async (_name, call, reply) => {
    omni.server.reply(omniError(503, 'Service Unavailable'), { json: reply });
    await call(omni.client);
    expect(omni.server.requests).toHaveLength(2);
    expect(omni.clock.sleeps).toEqual([750]);
  });

  it('honours Retry-After on a 503 for an idempotent call', async () => {
    omni.server.reply(omniError(503, 'Service Unavailable', { 'retry-after': '4' }), { json: page([]) });
    await omni.client.listSchedules();
    expect(omni.clock.sleeps).toEqual([4000]);
  });

  it('retries a GET after a dropped connection', async () => {
    omni.server.reply({ drop: true }, { json: page([]) });
    await expect(omni.client.listSchedules()).resolves.toMatchObject({ records: [] });
    expect(omni.server.requests).toHaveLength(2);
  });

  it('does not retry a 4xx other than 429', async () => {
    omni.server.reply(omniError(404, `Scheduled task with id ${SCHEDULE_ID} does not exist`), { json: page([]) });
    const error = await rejectionOf(omni.client.getSchedule(SCHEDULE_ID));
    expect(error).toMatchObject({ operation: 'getSchedule', status: 404, attempts: 1 });
    expect(omni.server.requests).toHaveLength(1);
  });
});

describe('OmniClient time-outs', () => {
  const omni = useScriptedOmni();

  it('reports a time-out per attempt with its own error class', async () => {
    const hanging = hangingFetch();
    const error = await rejectionOf(
      omni.makeClient({ timeoutMs: 50, maxRetries: 0, fetch: hanging.fetch }).listSchedules(),
    );

    expect(error).toBeInstanceOf(OmniTimeoutError);
    expect(error).toMatchObject({
      operation: 'listSchedules',
      method: 'GET',
      path: '/api/v1/schedules',
      timeoutMs: 50,
      attempts: 1,
    });
    expect(error.message).toBe('Omni did not answer GET /api/v1/schedules within 50 ms');
    expect(hanging.calls).toHaveLength(1);
  });

  it('retries a timed-out GET', async () => {
    const hanging = hangingFetch(1);
    omni.server.reply({ json: page([]) });
    // The time-out must leave the second, answered attempt enough time on a busy machine.
    const client = omni.makeClient({ timeoutMs: 1000, fetch: hanging.fetch });
    await expect(client.listSchedules()).resolves.toMatchObject({ records: [] });
    expect(hanging.calls).toHaveLength(2);
  });

  it('never retries a timed-out create or trigger: Omni may have acted', async () => {
    const hanging = hangingFetch();
    const client = omni.makeClient({ timeoutMs: 50, fetch: hanging.fetch });
    const create = await rejectionOf(client.createSchedule(createBody));
    const trigger = await rejectionOf(client.triggerSchedule(SCHEDULE_ID));

    expect(create).toBeInstanceOf(OmniTimeoutError);
    expect(trigger).toMatchObject({ attempts: 1 });
    expect(hanging.calls).toEqual([
      `POST ${omni.server.url}/api/v1/schedules`,
      `POST ${omni.server.url}/api/v1/schedules/${SCHEDULE_ID}/trigger`,
    ]);
  });

  it('times out a server that accepts the request but never answers', async () => {
    omni.server.reply({ hang: true });
    const error = await rejectionOf(omni.makeClient({ timeoutMs: 300, maxRetries: 0 }).deleteSchedule(SCHEDULE_ID));
    expect(error).toBeInstanceOf(OmniTimeoutError);
  });
});
