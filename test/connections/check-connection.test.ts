import { describe, expect, it } from 'vitest';
import { checkOmniConnection, describeCheckFailure } from '../../src/connections/check-connection.js';
import type { HostPolicy } from '../../src/net/host-policy.js';
import { OmniApiError, OmniNetworkError, OmniResponseError, OmniTimeoutError } from '../../src/omni/index.js';
import { startOmniSandbox } from '../../src/omni-sandbox/index.js';

const api = (status: number, detail: string) =>
  new OmniApiError({ status, detail, method: 'GET', path: '/api/v1/schedules', attempts: 1 });

describe('describeCheckFailure', () => {
  it("puts Omni's refusal of the key on the key field, in the app's words", () => {
    expect(describeCheckFailure(api(401, 'Authentication required'), 'https://x', 2500)).toEqual({
      ok: false,
      field: 'apiKey',
      message: 'Omni refused this key (HTTP 401). Use an organization API key (Omni: Settings › API access).',
    });
    expect(describeCheckFailure(api(403, 'Forbidden.'), 'https://x', 2500)).toMatchObject({
      field: 'apiKey',
      message: expect.stringMatching(/^Omni refused this key \(HTTP 403\)\. /),
    });
    expect(
      describeCheckFailure(api(429, 'Rate limit exceeded. Try again in 5 seconds.'), 'https://x', 2500),
    ).toMatchObject({ field: 'apiKey' });
  });

  it('blames the URL for a 404, silence, an unreachable host or a foreign answer', () => {
    expect(describeCheckFailure(api(404, 'Not found'), 'https://x', 2500)).toMatchObject({
      field: 'baseUrl',
      message: 'No Omni API at this URL (HTTP 404). Use the address you log in to Omni with.',
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

  it('never repeats what the far side answered, whatever the status', () => {
    const planted = 'Your session expired: log in again at https://evil.example/login <!channel>';
    for (const status of [301, 400, 401, 403, 404, 409, 429, 500, 502, 503]) {
      const check = describeCheckFailure(api(status, planted), 'https://x', 2500);
      expect(check).toMatchObject({ ok: false, message: expect.stringContaining(`HTTP ${status}`) });
      expect(JSON.stringify(check)).not.toMatch(/session|evil|channel/);
    }
  });

  it('says a redirect is not followed, on the URL field', () => {
    expect(describeCheckFailure(api(302, 'Omni redirected this request'), 'https://x', 2500)).toEqual({
      ok: false,
      field: 'baseUrl',
      message:
        'This URL redirected the check elsewhere (HTTP 302); the app does not follow redirects. Use the address you log in to Omni with, starting with https://.',
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
      // The sandbox is on loopback: allowed outside production, with a warning for the log.
      expect(await checkOmniConnection(sandbox.url, 'right-key', { timeoutMs: 2500 })).toEqual({
        ok: true,
        totalSchedules: 7,
        warning: expect.stringMatching(/is on this machine \(loopback\); allowed because NODE_ENV is not production/),
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

describe("checkOmniConnection refuses the server's own network before connecting", () => {
  const production: HostPolicy = { allowedHosts: [], production: true };
  const resolve = async (hostname: string): Promise<string[]> => {
    const table: Record<string, string[]> = {
      'omni.corp.example': ['10.20.30.40'],
      'metadata.example': ['169.254.169.254'],
      'half.example': ['34.120.1.2', 'fd00::5'],
    };
    const found = table[hostname];
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found;
  };

  it('refuses each address class and names resolving to them, and the sandbox sees no request', async () => {
    const sandbox = await startOmniSandbox({ apiKey: 'omni-key-0123', rateLimitPerMinute: 0 });
    const port = new URL(sandbox.url).port;
    try {
      const cases: [string, RegExp][] = [
        [sandbox.url, /must start with https:\/\//],
        [`https://127.0.0.1:${port}`, /loopback/],
        [`https://localhost:${port}`, /loopback/],
        [`https://2130706433:${port}`, /loopback/],
        [`https://[::1]:${port}`, /loopback/],
        [`https://[::ffff:127.0.0.1]:${port}`, /loopback/],
        ['https://10.0.0.1', /private network/],
        ['https://172.16.0.1', /private network/],
        ['https://192.168.0.1', /private network/],
        ['https://169.254.169.254', /link-local/],
        ['https://0.0.0.0', /unspecified/],
        ['https://[::]', /unspecified/],
        ['https://[fc00::1]', /unique local/],
        ['https://omni.corp.example', /^omni\.corp\.example is a private network address/],
        ['https://metadata.example', /link-local/],
        ['https://half.example', /unique local/],
      ];
      for (const [url, reason] of cases) {
        expect(
          await checkOmniConnection(url, 'omni-key-0123', { timeoutMs: 2500, hosts: production, resolve }),
        ).toEqual({
          ok: false,
          field: 'baseUrl',
          message: expect.stringMatching(reason),
        });
      }
      expect(sandbox.state.requests).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it('connects to a host listed in OMNI_ALLOWED_HOSTS, even in production over http', async () => {
    const sandbox = await startOmniSandbox({ apiKey: 'omni-key-0123', rateLimitPerMinute: 0 });
    const port = Number(new URL(sandbox.url).port);
    try {
      const listed: HostPolicy = { production: true, allowedHosts: [{ host: '127.0.0.1', port }] };
      expect(await checkOmniConnection(sandbox.url, 'omni-key-0123', { timeoutMs: 2500, hosts: listed })).toEqual({
        ok: true,
        totalSchedules: 7,
      });
    } finally {
      await sandbox.close();
    }
  });
});
