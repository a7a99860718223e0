// The fake Slack's Socket Mode against the real client: a small Bolt app with `socketMode: true` connects
// through apps.connections.open, gets commands, clicks, options and events over the WebSocket, acks them,
// reconnects when Slack asks, and closes the connection when it stops.
import { request } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_APP_TOKEN, type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { appHomeOpenedEvent, blockActionPayload, blockSuggestionPayload } from '../../src/fake-slack/payloads.js';
import { createLogger } from '../../src/logger.js';

function socketApp(fake: FakeSlack, appToken = FAKE_APP_TOKEN, logs?: string[]): App {
  const clientOptions = { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } };
  const keep = (line: string) => logs?.push(line);
  return new App({
    socketMode: true,
    appToken,
    token: 'xoxb-test-token',
    clientOptions,
    installerOptions: { clientOptions },
    ...(logs ? { logger: createLogger('error', { out: keep, err: keep }) } : { logLevel: LogLevel.ERROR }),
  });
}

/** The HTTP status a WebSocket upgrade request to `url` gets (101 when the connection is accepted). */
function upgradeStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
}

let fake: FakeSlack;
let app: App;
const seen: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.socket.pingIntervalMs = 50;
  app = socketApp(fake);
  app.command('/ping', async ({ command, ack, respond }) => {
    await ack({ text: `pong: ${command.text}` });
    await respond({ text: `later for <@${command.user_id}>` });
  });
  app.action('go_button', async ({ ack, body }) => {
    await ack();
    seen.push(`clicked by ${body.user.id}`);
  });
  app.options('target_select', async ({ options, ack }) => {
    await ack({ options: [{ text: { type: 'plain_text', text: `${options.value} ✓` }, value: options.value }] });
  });
  app.event('app_home_opened', async ({ event }) => {
    seen.push(`home opened by ${event.user}`);
  });
  await app.start();
});
afterAll(async () => {
  await app.stop().catch(() => undefined);
  await fake.close();
});

describe('fake Slack: Socket Mode', () => {
  it('hands the app-level token a WebSocket URL on its own port and says hello', async () => {
    const connection = await fake.socket.connected();
    expect(connection.helloAt).toBeDefined();
    const open = fake.callsTo('apps.connections.open')[0];
    expect(open?.token).toBe(FAKE_APP_TOKEN);
    expect(String(open?.response.url)).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:${new URL(fake.url).port}/socket/[0-9a-f]+$`),
    );
  });

  it('delivers a slash command and returns the ack; the later response goes to the response_url', async () => {
    const { ack, payload } = await fake.socket.sendSlashCommand({
      user_id: 'U0MEMBER01',
      command: '/ping',
      text: 'hi',
    });
    expect(ack).toEqual({ text: 'pong: hi' });
    const later = await fake.waitFor(() => fake.lastResponse(String(payload.response_url)));
    expect(later.text).toBe('later for <@U0MEMBER01>');
    expect(fake.socket.envelopes.at(-1)).toMatchObject({ type: 'slash_commands', accepts_response_payload: true });
  });

  it('delivers clicks, options requests and events, each acked', async () => {
    const click = blockActionPayload({ user: 'U0MEMBER01', actionId: 'go_button', value: 'x', triggerId: 't' });
    expect((await fake.socket.sendInteractive(click)).ack).toEqual({});
    await fake.waitFor(() => seen.includes('clicked by U0MEMBER01'));

    const suggestion = blockSuggestionPayload({ user: 'U0MEMBER01', actionId: 'target_select', value: 'abc' });
    const options = await fake.socket.sendInteractive(suggestion);
    expect(options.ack).toEqual({ options: [{ text: { type: 'plain_text', text: 'abc ✓' }, value: 'abc' }] });

    await fake.socket.sendEvent(appHomeOpenedEvent('U0MEMBER01'));
    await fake.waitFor(() => seen.includes('home opened by U0MEMBER01'));
    expect(fake.socket.envelopes.map((e) => e.type).slice(-3)).toEqual(['interactive', 'interactive', 'events_api']);
    expect(fake.socket.strayMessages).toEqual([]);
  });

  it('answers the client’s pings and gets pongs for its own', async () => {
    const connection = await fake.socket.connected();
    await fake.waitFor(() => connection.pongs > 0 && connection.pings > 0);
    expect(connection.closedAt).toBeUndefined();
  });

  it('on `disconnect`, the app closes the connection and opens a new one with a new URL', async () => {
    const before = fake.callsTo('apps.connections.open').length;
    const first = await fake.socket.connected();
    fake.socket.requestDisconnect('refresh_requested');
    await fake.socket.disconnected();
    expect(first).toMatchObject({ closedBy: 'app', closeCode: 1000 });
    // The client waits its ping timeout (5 s) before reconnecting.
    const second = await fake.socket.connected(15_000);
    expect(second.id).toBe(first.id + 1);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(before + 1);
    const { ack } = await fake.socket.sendSlashCommand({ user_id: 'U0MEMBER01', command: '/ping', text: 'again' });
    expect(ack).toEqual({ text: 'pong: again' });
  }, 30_000);

  it('refuses a used ticket, and a bot or unknown token on apps.connections.open', async () => {
    const used = String(fake.callsTo('apps.connections.open')[0]?.response.url).replace(/^ws/, 'http');
    expect(await upgradeStatus(used)).toBe(401);
    expect(await upgradeStatus(`${fake.url}/socket/not-a-ticket`)).toBe(401);
    const open = (token: string) =>
      fetch(`${fake.apiUrl}apps.connections.open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json());
    expect(await open('xoxb-test-token')).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await open('xapp-1-unknown')).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('an app with an unknown app-level token fails to start with invalid_auth', async () => {
    const logs: string[] = [];
    const stranger = socketApp(fake, 'xapp-1-A0-1-revoked', logs);
    await expect(stranger.start()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    expect(logs.join('\n')).toContain(
      'Failed to retrieve a new WSS URL (error: WebAPIPlatformError: An API error occurred: invalid_auth)',
    );
  });

  it('without a connection, a delivery fails with a clear message', async () => {
    await app.stop();
    await fake.socket.disconnected();
    expect(fake.socket.connections.at(-1)).toMatchObject({ closedBy: 'app', closeCode: 1000 });
    await expect(fake.socket.sendSlashCommand({ user_id: 'U0MEMBER01', command: '/ping' })).rejects.toThrow(
      'no Socket Mode connection is open',
    );
  });
});
