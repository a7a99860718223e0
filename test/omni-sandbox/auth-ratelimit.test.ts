import { afterEach, describe, expect, it } from 'vitest';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { API_KEY, expectError, startSandbox } from './helpers.js';

let sandbox: OmniSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('authentication', () => {
  it('answers 401 "Authentication required" without a key or with a wrong one, 200 with the right one', async () => {
    const started = await startSandbox();
    sandbox = started.sandbox;
    const { api } = started;
    expectError(await api('GET', '/v1/schedules', undefined, { key: null }), 401, 'Authentication required');
    expectError(await api('GET', '/v1/schedules', undefined, { key: 'wrong-key' }), 401, 'Authentication required');
    expectError(await api('GET', '/scim/v2/Users', undefined, { key: null }), 401, 'Authentication required');
    expect((await api('GET', '/v1/schedules')).status).toBe(200);
  });

  it('never echoes the key in an answer or the request log', async () => {
    const started = await startSandbox();
    sandbox = started.sandbox;
    const res = await started.api('GET', '/v1/schedules', undefined, { key: 'not-the-key' });
    expect(JSON.stringify(res.body)).not.toContain('not-the-key');
    expect(JSON.stringify(sandbox.state.requests)).not.toContain(API_KEY);
  });
});

describe('rate limit (per key, sliding minute)', () => {
  it('answers 429 with Retry-After past the limit, and lets requests through once the window slides', async () => {
    let now = 1_000_000;
    const started = await startSandbox({ rateLimitPerMinute: 3, now: () => now });
    sandbox = started.sandbox;
    const { api } = started;
    for (let i = 0; i < 3; i++) {
      expect((await api('GET', '/v1/user-attributes')).status).toBe(200);
      now += 1000;
    }
    const limited = await api('GET', '/v1/user-attributes');
    expect(limited.status).toBe(429);
    expect(limited.body.status).toBe(429);
    expect(limited.body.detail).toMatch(/^Rate limit exceeded/);
    // The first request was 3 s ago: it leaves the window in 57 s.
    expect(limited.headers.get('retry-after')).toBe('57');

    now += 30_000;
    expect((await api('GET', '/v1/user-attributes')).headers.get('retry-after')).toBe('27');
    now += 27_000;
    expect((await api('GET', '/v1/user-attributes')).status).toBe(200);
  });

  it('does not count requests with a wrong key against the real key', async () => {
    const started = await startSandbox({ rateLimitPerMinute: 2 });
    sandbox = started.sandbox;
    const { api } = started;
    for (let i = 0; i < 5; i++) expect((await api('GET', '/v1/schedules', undefined, { key: 'x' })).status).toBe(401);
    expect((await api('GET', '/v1/schedules')).status).toBe(200);
    expect((await api('GET', '/v1/schedules')).status).toBe(200);
    expect((await api('GET', '/v1/schedules')).status).toBe(429);
  });

  it('defaults to 60 per minute', async () => {
    const started = await startSandbox({ rateLimitPerMinute: undefined });
    sandbox = started.sandbox;
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await started.api('GET', '/v1/user-attributes')).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it('is off with 0', async () => {
    const started = await startSandbox({ rateLimitPerMinute: 0 });
    sandbox = started.sandbox;
    for (let i = 0; i < 75; i++) expect((await started.api('GET', '/v1/user-attributes')).status).toBe(200);
  });

  it('reset() clears the window along with the data', async () => {
    const started = await startSandbox({ rateLimitPerMinute: 1 });
    sandbox = started.sandbox;
    expect((await started.api('GET', '/v1/user-attributes')).status).toBe(200);
    expect((await started.api('GET', '/v1/user-attributes')).status).toBe(429);
    sandbox.reset();
    expect((await started.api('GET', '/v1/user-attributes')).status).toBe(200);
  });
});

describe('routing', () => {
  it("answers Omni's method errors for trigger and delete, and 404 for unknown paths", async () => {
    const started = await startSandbox();
    sandbox = started.sandbox;
    const id = '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc';
    expectError(await started.api('GET', `/v1/schedules/${id}/trigger`), 400, 'Invalid method');
    expectError(await started.api('POST', `/v1/schedules/${id}`), 400, 'Invalid request method');
    const missing = await started.api('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'No route for GET /api/v1/nothing-here', status: 404 });
  });
});
