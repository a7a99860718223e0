import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OmniApiError, OmniNetworkError, OmniResponseError, OmniTimeoutError } from '../../src/omni/index.js';
import { omniError } from './scripted-server.js';
import { API_KEY, everyRendering, hangingFetch, rejectionOf, SCHEDULE_ID, useScriptedOmni } from './support.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the API key never leaves the client', () => {
  const omni = useScriptedOmni();

  it('is sent only in the Authorization header', async () => {
    omni.server.reply({ json: { success: true } });
    await omni.client.pauseSchedule(SCHEDULE_ID);
    const [request] = omni.server.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(`${request?.path}?${request?.rawQuery}${request?.rawBody}`).not.toContain(API_KEY);
  });

  it('is redacted from an error detail that echoes it', async () => {
    omni.server.reply(omniError(401, `Invalid token Bearer ${API_KEY}`));
    const error = await rejectionOf(omni.client.listSchedules());

    expect(error).toBeInstanceOf(OmniApiError);
    expect((error as OmniApiError).detail).toBe('Invalid token Bearer [redacted]');
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it('is absent from a real connection failure', async () => {
    const client = omni.makeClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0 });
    const error = await rejectionOf(client.listSchedules());

    expect(error).toBeInstanceOf(OmniNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', method: 'GET', path: '/api/v1/schedules' });
    expect(error.message).toMatch(/^Could not reach Omni at http:\/\/127\.0\.0\.1:\d+ for GET \/api\/v1\/schedules: /);
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it('is absent when a fetch failure carries the request headers in its cause', async () => {
    const leakyFetch: typeof fetch = async (_url, init) => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', request: { headers: init?.headers } }),
      });
    };
    const error = await rejectionOf(omni.makeClient({ fetch: leakyFetch, maxRetries: 0 }).listSchedules());

    expect(error).toBeInstanceOf(OmniNetworkError);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(error.message).toContain('socket hang up');
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it('is redacted when a fetch failure puts it in its message', async () => {
    const leakyFetch: typeof fetch = async (_url, init) => {
      throw new Error(`bad header ${JSON.stringify(init?.headers)}`);
    };
    const error = await rejectionOf(omni.makeClient({ fetch: leakyFetch, maxRetries: 0 }).triggerSchedule(SCHEDULE_ID));
    expect(error.message).toContain('[redacted]');
    expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it('is absent from time-outs, 429s and malformed answers', async () => {
    omni.server.reply(omniError(429, 'Too Many Requests'), { text: `oops ${API_KEY}` });
    const client = omni.makeClient({ maxRetries: 0 });
    const errors = [
      await rejectionOf(omni.makeClient({ timeoutMs: 50, maxRetries: 0, fetch: hangingFetch().fetch }).listSchedules()),
      await rejectionOf(client.listSchedules()),
      await rejectionOf(client.listSchedules()),
    ];
    expect(errors[0]).toBeInstanceOf(OmniTimeoutError);
    expect(errors[1]).toMatchObject({ status: 429 });
    expect(errors[2]).toBeInstanceOf(OmniResponseError);
    for (const error of errors) expect(everyRendering(error)).not.toContain(API_KEY);
  });

  it('is not shown when the client itself is logged', () => {
    const rendered = [
      inspect(omni.client, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(omni.client),
    ];
    expect(rendered.join('\n')).not.toContain(API_KEY);
  });
});
