// createApp in each configuration: HTTP or Socket Mode, one workspace or OAuth installs.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type Env, loadConfig } from '../src/config.js';
import { type FakeSlack, startFakeSlack } from '../src/fake-slack/fake-slack.js';
import { createDeps } from '../src/slack/deps-factory.js';
import { BOT_SCOPES } from '../src/slack/scopes.js';
import { type AppStore, openStore } from '../src/store/index.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let slack: FakeSlack;
let store: AppStore;
let dir: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  dir = await mkdtemp(join(tmpdir(), 'omni-slack-app-'));
  store = await openStore({
    url: `sqlite://${join(dir, 's.sqlite')}`,
    encryptionKeys: [Buffer.alloc(32, 3)],
    logger: quiet,
  });
});
afterAll(async () => {
  await store.close();
  await slack.close();
  await rm(dir, { recursive: true, force: true });
});

function build(env: Env) {
  const config = loadConfig({
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'error',
    ...env,
  });
  return createApp(config, createDeps(config, store, { logger: quiet }), {
    logger: { ...quiet, setLevel() {}, getLevel: () => 'error' as never, setName() {} },
  });
}
const receiverOf = (app: object) => (app as unknown as { receiver: object }).receiver.constructor.name;
const oauth = { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'ss' };

describe('createApp', () => {
  it('uses the HTTP receiver with a signing secret, and Socket Mode with an app token', () => {
    expect(receiverOf(build({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-test-token' }))).toBe('HTTPReceiver');
    expect(receiverOf(build({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-test-token' }))).toBe(
      'SocketModeReceiver',
    );
    expect(receiverOf(build({ SLACK_APP_TOKEN: 'xapp-1', ...oauth }))).toBe('SocketModeReceiver');
  });

  it('in Socket Mode, still serves the health routes on PORT (Bolt starts that server with the socket)', () => {
    const app = build({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-test-token', PORT: '4321' });
    const receiver = (app as unknown as { receiver: { httpServerPort?: number; routes: Record<string, unknown> } })
      .receiver;
    expect(receiver.httpServerPort).toBe(4321);
    expect(Object.keys(receiver.routes).sort()).toEqual(['/healthz', '/readyz']);
  });

  it('with OAuth, serves /slack/install asking for the bot scopes, next to the health routes', async () => {
    const app = build({ SLACK_SIGNING_SECRET: 's', ...oauth });
    const server = (await app.start(0)) as Server;
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const install = await fetch(`${base}/slack/install`);
      expect(install.status).toBe(200);
      const page = await install.text();
      expect(page).toContain('https://slack.com/oauth/v2/authorize?');
      expect(decodeURIComponent(page)).toContain(`scope=${BOT_SCOPES.join(',')}`);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
