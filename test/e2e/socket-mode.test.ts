// Socket Mode end to end: `npm start` (src/main.ts in a child process) with SLACK_APP_TOKEN opens a WebSocket to
// the fake Slack; `/schedule list` and a card's Pause button arrive over it and reach the Omni sandbox;
// /healthz and /readyz answer on PORT; SIGTERM closes the connection and the process exits 0.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_APP_TOKEN, FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { blockActionPayload } from '../../src/fake-slack/payloads.js';
import { ActionIds } from '../../src/ids.js';
import { type OmniSandbox, SEEDED_SCHEDULE_IDS, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { type AppProcess, freePort, startScript } from '../support/app-process.js';
import { visibleText } from '../support/block-text.js';
import { blocksOf, rowNames } from '../support/schedule-e2e.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';
const MEMBER = 'U0MEMBER01';

let sandbox: OmniSandbox;
let slack: FakeSlack;
let app: AppProcess;
let dir: string;
let port: number;

beforeAll(async () => {
  sandbox = await startOmniSandbox({ apiKey: `sandbox-key-${randomBytes(6).toString('hex')}`, rateLimitPerMinute: 0 });
  slack = await startFakeSlack();
  slack.addUser({ id: MEMBER, name: 'maria', real_name: 'Maria Member' });
  // An empty working directory: no .env is picked up, and the SQLite store lives there.
  dir = await mkdtemp(join(tmpdir(), 'omni-slack-socket-'));
  port = await freePort();
  app = startScript('src/main.ts', {
    cwd: dir,
    env: {
      SLACK_APP_TOKEN: FAKE_APP_TOKEN,
      SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
      SLACK_API_URL: slack.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      OMNI_BASE_URL: sandbox.url,
      OMNI_API_KEY: sandbox.apiKey,
      // Listing the sandbox is how a deployment allows it (and keeps start-up free of the loopback warning).
      OMNI_ALLOWED_HOSTS: new URL(sandbox.url).host,
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
  });
  await app.waitForLine(/is running: Socket Mode/);
}, 40_000);

afterAll(async () => {
  await app?.stop('SIGKILL');
  await slack?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The app's audit lines (JSON log lines with `audit: true`) for an action. */
function auditLines(action: string): Record<string, unknown>[] {
  return app.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.audit === true && line.action === action);
}

describe('Socket Mode (npm start with SLACK_APP_TOKEN)', () => {
  it('connects with the app-level token and says how it runs', async () => {
    await slack.socket.connected();
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual([FAKE_APP_TOKEN]);
    // The bot token is checked at start-up, against the Web API it was pointed at.
    expect(slack.callsTo('auth.test').map((c) => c.token)).toContain(FAKE_DEFAULTS.token);
    const running = await app.waitForLine(/is running/);
    expect(running).toContain(`Socket Mode, one workspace; health on :${port}/healthz, /readyz and /metrics.`);
    expect(app.stdout + app.stderr).not.toContain(FAKE_APP_TOKEN);
  });

  it('acks `/schedule list` over the socket, then lists the sandbox’s schedules through the response_url', async () => {
    const { ack, payload } = await slack.socket.sendSlashCommand({ user_id: MEMBER, text: 'list' });
    expect(ack).toEqual({});
    const answer = await slack.waitFor(() => slack.lastResponse(String(payload.response_url)), 10_000);
    expect(answer.response_type).toBe('ephemeral');
    const names = [...sandbox.state.schedules.values()].map((s) => s.name);
    expect(rowNames(blocksOf(answer)).sort()).toEqual(names.sort());
  });

  it('a Pause click on a shared card, over the socket, pauses the schedule in Omni and updates the card', async () => {
    expect(sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    await slack.socket.sendSlashCommand({ user_id: MEMBER, text: `share ${ORDERS}` });
    const card = await slack.waitFor(() => slack.messagesIn(CHANNEL).at(-1), 10_000);
    expect(visibleText(card.blocks)).toContain('Orders');

    const click = blockActionPayload({
      user: MEMBER,
      actionId: ActionIds.pauseScheduleButton,
      value: ORDERS,
      message: { ts: card.ts, blocks: card.blocks },
      channel: CHANNEL,
      triggerId: slack.newTriggerId({ userId: MEMBER }),
      responseUrl: slack.newResponseUrl({ channel: CHANNEL, userId: MEMBER }),
    });
    const { ack } = await slack.socket.sendInteractive(click);
    expect(ack).toEqual({});
    const paused = await slack.waitFor(() => {
      const text = visibleText(slack.message(CHANNEL, card.ts)?.blocks);
      return text.includes(`<@${MEMBER}> paused this`) ? text : undefined;
    }, 10_000);
    expect(paused).toContain(':double_vertical_bar: *Paused* since');
    expect(sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    expect(auditLines('pause')).toEqual([
      expect.objectContaining({
        workspace: `team:${FAKE_DEFAULTS.teamId}`,
        user: MEMBER,
        schedule: ORDERS,
        outcome: 'ok',
      }),
    ]);
  });

  it('a Run now click delivered twice over the socket (same trigger_id) runs the schedule once', async () => {
    const click = blockActionPayload({
      user: MEMBER,
      actionId: ActionIds.runNowButton,
      value: ORDERS,
      channel: CHANNEL,
      triggerId: slack.newTriggerId({ userId: MEMBER }),
      responseUrl: slack.newResponseUrl({ channel: CHANNEL, userId: MEMBER }),
    });
    const deliveries = () => sandbox.state.deliveries.filter((d) => d.scheduleId === ORDERS).length;
    const before = deliveries();
    expect((await slack.socket.sendInteractive(click)).ack).toEqual({});
    await slack.waitFor(() => (deliveries() > before ? true : undefined), 10_000);
    expect((await slack.socket.sendInteractive(click)).ack).toEqual({});
    await app.waitForLine(/Slack request seen before \(replay, trigger_id\)/);
    expect(deliveries()).toBe(before + 1);
  });

  it('answers /healthz, /readyz and /metrics on PORT', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    // The acks of the earlier tests' command and click, counted by kind.
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^slack_acks_total\{kind="command"\} [1-9]/m);
    expect(metrics).toMatch(/^slack_acks_total\{kind="action"\} [1-9]/m);
  });

  it('on SIGTERM, closes the Socket Mode connection and the health port, and exits 0', async () => {
    const exit = await app.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(app.stdout).toContain('SIGTERM received: finishing requests in progress and stopping.');
    await slack.socket.disconnected();
    expect(slack.socket.connections).toHaveLength(1);
    // A close frame (1000, normal closure) from the app, not a dropped connection.
    expect(slack.socket.connections[0]).toMatchObject({ closedBy: 'app', closeCode: 1000 });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(app.stderr).toBe('');
  });
});
