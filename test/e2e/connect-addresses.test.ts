// End to end through the real Bolt HTTP receiver: the connect form is not a way into the server's
// network. Each refused address class is refused on the URL field before any connection; a far side
// that redirects or answers with planted text is described in the app's words.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredView } from '../../src/fake-slack/fake-slack.js';
import { ActionIds, BlockIds } from '../../src/ids.js';
import { type OmniSandbox, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function connectValues(url: string, key: string) {
  return {
    [BlockIds.omniBaseUrlInput]: { [ActionIds.omniBaseUrlField]: url },
    [BlockIds.omniApiKeyInput]: { [ActionIds.omniApiKeyField]: key },
  };
}

describe('the connect form refuses addresses on the server network', () => {
  let t: TestApp;
  let view: StoredView;
  let farSide: Server;
  let farSideUrl: string;
  let farSideReply: { status: number; headers: Record<string, string>; body: string };
  const farSideRequests: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ connect: false });
    await t.command('connect', { user: t.users.admin });
    const id = (t.slack.callsTo('views.open').at(-1)?.response.view as { id?: string } | undefined)?.id;
    const opened = id ? t.slack.views.get(id) : undefined;
    if (!opened) throw new Error('the connect modal did not open');
    view = opened;
    farSide = createServer((request, response) => {
      farSideRequests.push(`${request.method} ${request.url}`);
      response.writeHead(farSideReply.status, farSideReply.headers);
      response.end(farSideReply.body);
    });
    await new Promise<void>((resolve) => farSide.listen(0, '127.0.0.1', resolve));
    farSideUrl = `http://127.0.0.1:${(farSide.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => farSide.close(resolve));
    await t.close();
  });

  const submit = async (url: string) => {
    const result = await t.submitView({ view, values: connectValues(url, 'omni-key-e2e') }, { user: t.users.admin });
    return result.body as { response_action?: string; errors?: Record<string, string> };
  };

  it('refuses each private address class on the URL field, with no request sent and nothing saved', async () => {
    const cases: [string, RegExp][] = [
      ['https://10.0.0.1', /^10\.0\.0\.1 is a private network address\./],
      ['https://172.16.4.2', /private network/],
      ['https://192.168.1.1', /private network/],
      ['https://167772161', /^10\.0\.0\.1 is a private network address/],
      ['https://[::ffff:192.168.0.1]', /private network/],
      ['https://169.254.169.254', /link-local address \(such as a cloud metadata service\)/],
      ['https://[fe80::1]', /link-local/],
      ['https://0.0.0.0', /unspecified address/],
      ['https://[::]', /unspecified address/],
      ['https://[fd00::1]', /unique local/],
      ['https://100.64.0.1', /carrier-grade NAT/],
    ];
    const omniCalls = t.sandbox.state.requests.length;
    for (const [url, reason] of cases) {
      const body = await submit(url);
      expect(body.response_action, url).toBe('errors');
      expect(body.errors?.[BlockIds.omniBaseUrlInput], url).toMatch(reason);
      expect(body.errors?.[BlockIds.omniBaseUrlInput], url).toContain('OMNI_ALLOWED_HOSTS');
    }
    expect(t.sandbox.state.requests.length).toBe(omniCalls);
    expect(farSideRequests).toEqual([]);
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
  });

  it('does not follow a redirect, and says so on the URL field', async () => {
    farSideRequests.length = 0;
    farSideReply = {
      status: 302,
      headers: { location: `${t.sandbox.url}/api/v1/schedules` },
      body: 'Moved. Log in again at https://collector.example',
    };
    const body = await submit(farSideUrl);
    expect(body.errors?.[BlockIds.omniBaseUrlInput]).toBe(
      'This URL redirected the check elsewhere (HTTP 302); the app does not follow redirects. Use the address you log in to Omni with, starting with https://.',
    );
    expect(farSideRequests).toEqual(['GET /api/v1/schedules?pageSize=1']);
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
  });

  it('never shows what the far side answered, only what failed', async () => {
    farSideReply = {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ detail: 'Session expired: re-enter your key at https://collector.example <!channel>' }),
    };
    const refusedKey = await submit(farSideUrl);
    expect(refusedKey.errors).toEqual({
      [BlockIds.omniApiKeyInput]:
        'Omni refused this key (HTTP 401). Use an organization API key (Omni: Settings › API access).',
    });
    farSideReply = {
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Internal admin panel: db=prod</h1>',
    };
    const failed = await submit(farSideUrl);
    expect(failed.errors).toEqual({
      [BlockIds.omniBaseUrlInput]: 'Omni refused the check (HTTP 500). Try again in a few minutes.',
    });
  });
});

describe('in production, loopback is refused unless OMNI_ALLOWED_HOSTS lists it', () => {
  let t: TestApp;
  let view: StoredView;
  let listed: OmniSandbox;
  beforeAll(async () => {
    listed = await startOmniSandbox({ apiKey: 'listed-sandbox-key', rateLimitPerMinute: 0 });
    const hosts = new URL(listed.url).host;
    t = await startTestApp({ connect: false, env: { NODE_ENV: 'production', OMNI_ALLOWED_HOSTS: hosts } });
    await t.command('connect', { user: t.users.admin });
    const id = (t.slack.callsTo('views.open').at(-1)?.response.view as { id?: string } | undefined)?.id;
    const opened = id ? t.slack.views.get(id) : undefined;
    if (!opened) throw new Error('the connect modal did not open');
    view = opened;
  });
  afterAll(async () => {
    await t.close();
    await listed.close();
  });

  it('refuses loopback addresses and names not listed, before any request, and saves nothing', async () => {
    const before = listed.state.requests.length;
    const sandboxPort = new URL(listed.url).port;
    for (const url of [
      `http://127.0.0.1:${Number(sandboxPort) + 1}`,
      'https://127.0.0.1',
      'https://127.8.9.10',
      'https://[::1]',
      'https://[::ffff:127.0.0.1]',
      'https://localhost',
      'https://2130706433',
    ]) {
      const result = await t.submitView({ view, values: connectValues(url, 'omni-key-e2e') }, { user: t.users.admin });
      const body = result.body as { response_action?: string; errors?: Record<string, string> };
      expect(body.response_action, url).toBe('errors');
      expect(body.errors?.[BlockIds.omniBaseUrlInput], url).toMatch(/loopback|OMNI_ALLOWED_HOSTS|this server/);
    }
    expect(listed.state.requests.length).toBe(before);
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
  });

  it('accepts the listed sandbox over plain http', async () => {
    const result = await t.submitView(
      { view, values: connectValues(listed.url, listed.apiKey) },
      { user: t.users.admin },
    );
    expect((result.body as { response_action?: string }).response_action).toBe('update');
    expect((await t.store.connections.get(t.scope))?.baseUrl).toBe(listed.url);
  });
});
