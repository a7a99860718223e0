import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, guardedLookup, HOST_REFUSED } from '../../src/net/guarded-fetch.js';
import type { HostPolicy, ResolveHost } from '../../src/net/host-policy.js';

const production: HostPolicy = { allowedHosts: [], production: true };
const development: HostPolicy = { allowedHosts: [], production: false };

let server: Server;
let port: number;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(`${request.headers.host} ${request.url}`);
    response.setHeader('content-type', 'application/json');
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const table =
  (entries: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const found = entries[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  const cause = (error as { cause?: { code?: string; message: string } }).cause;
  expect(cause).toBeDefined();
  return cause as { code?: string; message: string };
}

describe('guardedFetch', () => {
  it('connects to the address it judged: a name resolving to loopback, in development', async () => {
    received.length = 0;
    // `omni.localhost` resolves only through the injected table: reaching the server proves the socket
    // went to the address the guard checked, not to a second answer from the system resolver.
    const fetchGuarded = guardedFetch({ policy: development, resolve: table({ 'omni.localhost': ['127.0.0.1'] }) });
    const response = await fetchGuarded(`http://omni.localhost:${port}/api/v1/schedules`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(received).toEqual([`omni.localhost:${port} /api/v1/schedules`]);
  });

  it('refuses at connection time a name that now resolves elsewhere (DNS rebinding), sending nothing', async () => {
    received.length = 0;
    // The literal check passes `rebind.localhost` in development (loopback); the connection-time
    // answer is a private address, which is refused before any byte is sent.
    const fetchGuarded = guardedFetch({
      policy: development,
      resolve: table({ 'rebind.localhost': ['127.0.0.1', '10.0.0.7'] }),
    });
    const cause = await refusal(fetchGuarded(`http://rebind.localhost:${port}/api/v1/schedules`));
    expect(cause.code).toBe(HOST_REFUSED);
    expect(cause.message).toMatch(/^rebind\.localhost is a private network address/);
    expect(received).toEqual([]);
  });

  it('refuses a loopback literal in production before connecting, and allows it when listed', async () => {
    received.length = 0;
    const refused = await refusal(guardedFetch({ policy: production })(`https://127.0.0.1:${port}/x`));
    expect(refused).toMatchObject({ code: HOST_REFUSED, message: expect.stringMatching(/loopback/) });
    const refusedHttp = await refusal(guardedFetch({ policy: production })(`http://127.0.0.1:${port}/x`));
    expect(refusedHttp.message).toMatch(/must start with https:\/\//);
    expect(received).toEqual([]);

    const listed: HostPolicy = { production: true, allowedHosts: [{ host: '127.0.0.1', port }] };
    const response = await guardedFetch({ policy: listed })(`http://127.0.0.1:${port}/x`);
    expect(response.status).toBe(200);
    expect(received).toEqual([`127.0.0.1:${port} /x`]);
  });

  it('does not follow redirects when asked not to (the Omni client asks)', async () => {
    const redirecting = createServer((_request, response) => {
      response.statusCode = 302;
      response.setHeader('location', `http://127.0.0.1:${port}/elsewhere`);
      response.end('see elsewhere');
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      received.length = 0;
      const redirectPort = (redirecting.address() as AddressInfo).port;
      const response = await guardedFetch({ policy: development })(`http://127.0.0.1:${redirectPort}/`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      expect(received).toEqual([]);
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});

describe('guardedLookup', () => {
  const lookUp = (policy: HostPolicy, resolve: ResolveHost, options: { all?: boolean; family?: number }) =>
    new Promise<{ error: Error | null; address: unknown; family?: number }>((done) => {
      guardedLookup(policy, resolve)('omni.example.com', options, (error, address, family) =>
        done({ error, address, family }),
      );
    });

  it('answers in the shape net.connect asks for, all addresses or the first of a family', async () => {
    const resolve = table({ 'omni.example.com': ['2600:1901::1', '34.120.1.2'] });
    expect(await lookUp(production, resolve, { all: true })).toEqual({
      error: null,
      address: [
        { address: '2600:1901::1', family: 6 },
        { address: '34.120.1.2', family: 4 },
      ],
      family: undefined,
    });
    expect(await lookUp(production, resolve, { family: 4 })).toEqual({ error: null, address: '34.120.1.2', family: 4 });
    expect(await lookUp(production, resolve, {})).toEqual({ error: null, address: '2600:1901::1', family: 6 });
  });

  it('refuses the whole name when one answer is private, and passes resolver failures on', async () => {
    const mixed = await lookUp(production, table({ 'omni.example.com': ['34.120.1.2', '169.254.169.254'] }), {
      all: true,
    });
    expect(mixed.error).toMatchObject({ code: HOST_REFUSED, message: expect.stringMatching(/link-local/) });
    const missing = await lookUp(production, table({}), { all: true });
    expect(missing.error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
