import { describe, expect, it } from 'vitest';
import { checkOmniConnection, describeCheckFailure } from '../../src/connections/check-connection.js';
import { OmniApiError, OmniNetworkError, OmniResponseError, OmniTimeoutError } from '../../src/omni/index.js';
import { startOmniSandbox } from '../../src/omni-sandbox/index.js';

const api = (status: number, detail: string) =>
  new OmniApiError({ status, detail, method: 'GET', path: '/api/v1/schedules', attempts: 1 });

describe('describeCheckFailure', () => {
  it("puts Omni's refusal of the key on the key field, quoting Omni", () => {
    expect(describeCheckFailure(api(401, 'Authentication required'), 'https://x', 2500)).toEqual({
      ok: false,
      field: 'apiKey',
      message:
        'Omni refused this key: Authentication required. Use an organization API key (Omni: Settings › API access).',
    });
    expect(describeCheckFailure(api(403, 'Forbidden.'), 'https://x', 2500)).toMatchObject({
      field: 'apiKey',
      message: expect.stringMatching(/^Omni refused this key: Forbidden\. /),
    });
    expect(
      describeCheckFailure(api(429, 'Rate limit exceeded. Try again in 5 seconds.'), 'https://x', 2500),
    ).toMatchObject({ field: 'apiKey' });
  });

  it('blames the URL for a 404, silence, an unreachable host or a foreign answer', () => {
    expect(describeCheckFailure(api(404, 'Not found'), 'https://x', 2500)).toMatchObject({
      field: 'baseUrl',
      message: expect.stringMatching(/^No Omni API at this URL \(Omni answered 404: Not found\)/),
    });
    expect(
      describeCheckFailure(
        new OmniTimeoutError({ method: 'GET', path: '/', timeoutMs: 2500, attempts: 1 }),
        'https://x',
        2500,
      ),
    ).toEqual({
      ok: false,
      field: 'baseUrl',
      message: 'Omni did not answer within 2.5 s. Check the URL, then submit again.',
    });
    const network = new OmniNetworkError({
      method: 'GET',
      path: '/',
      origin: 'https://x',
      reason: 'nope',
      code: 'ENOTFOUND',
      attempts: 1,
    });
    expect(describeCheckFailure(network, 'https://x', 2500)).toEqual({
      ok: false,
      field: 'baseUrl',
      message: 'Could not reach https://x (ENOTFOUND). Check the URL.',
    });
    const foreign = new OmniResponseError({
      operation: 'listSchedules',
      method: 'GET',
      path: '/',
      status: 200,
      issues: [{ path: 'records', message: 'Required' }],
    });
    expect(describeCheckFailure(foreign, 'https://x', 2500)).toMatchObject({
      field: 'baseUrl',
      message: expect.stringContaining("not like Omni's API"),
    });
  });

  it('keeps an unexpected error for the log', () => {
    const bug = new TypeError('boom');
    expect(describeCheckFailure(bug, 'https://x', 2500)).toMatchObject({
      ok: false,
      field: 'baseUrl',
      unexpected: bug,
    });
  });
});

describe('checkOmniConnection against the sandbox', () => {
  it('accepts the right key (with the count) and refuses a wrong one, with one request each', async () => {
    const sandbox = await startOmniSandbox({ apiKey: 'right-key', rateLimitPerMinute: 0 });
    try {
      expect(await checkOmniConnection(sandbox.url, 'right-key', { timeoutMs: 2500 })).toEqual({
        ok: true,
        totalSchedules: 7,
      });
      expect(await checkOmniConnection(sandbox.url, 'wrong-key', { timeoutMs: 2500 })).toMatchObject({
        ok: false,
        field: 'apiKey',
      });
      expect(sandbox.state.requests.map((r) => [r.path, r.query.pageSize, r.status])).toEqual([
        ['/api/v1/schedules', '1', 200],
        ['/api/v1/schedules', '1', 401],
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('gives up within its time budget when Omni is slow', async () => {
    const sandbox = await startOmniSandbox({ apiKey: 'k', rateLimitPerMinute: 0, latencyMs: 1500 });
    try {
      expect(await checkOmniConnection(sandbox.url, 'k', { timeoutMs: 300 })).toMatchObject({
        ok: false,
        field: 'baseUrl',
        message: expect.stringContaining('did not answer within 0.3 s'),
      });
    } finally {
      await sandbox.close();
    }
  });
});
