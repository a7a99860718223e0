// `npm start` (src/main.ts) without Slack credentials, or with a bad variable: a few clear lines, exit 1. With
// Slack or the store not answering: it waits, serving /healthz and a 503 /readyz. A refused bot token: exit 1.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MISSING_SLACK_CREDENTIALS } from '../../src/config.js';
import { FAKE_DEFAULTS, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { type AppProcess, freePort, startScript } from '../support/app-process.js';
import { runScript } from '../support/run-script.js';

// An empty folder as working directory: no .env is picked up.
const cwd = mkdtempSync(join(tmpdir(), 'omni-slack-start-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const start = (env: Record<string, string>) => runScript('src/main.ts', { cwd, env });

describe('starting the app', () => {
  it('without Slack credentials, says what to set and where the README explains it, and exits 1', async () => {
    const { code, stdout, stderr } = await start({});
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(MISSING_SLACK_CREDENTIALS);
    expect(stderr).toContain('README.md');
    expect(stdout).toBe('');
  });

  it('with a bad variable, stops with one line naming it', async () => {
    const { code, stderr } = await start({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('PORT must be a whole number from 0 to 65535 (got "eighty").');
  });

  it('with PORT already in use, says so in one line and exits 1 (Socket Mode and HTTP alike)', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const common = {
        SLACK_BOT_TOKEN: 'xoxb-1',
        PORT: String(port),
        STORE_URL: `sqlite://${join(cwd, 'port.sqlite')}`,
      };
      for (const env of [
        { ...common, SLACK_APP_TOKEN: 'xapp-1' },
        { ...common, SLACK_SIGNING_SECRET: 's' },
      ]) {
        const { code, stdout, stderr } = await start(env);
        expect(code).toBe(1);
        expect(stdout + stderr).toContain(`Cannot listen on PORT ${port}: EADDRINUSE`);
        expect(stderr).not.toContain('Unhandled');
      }
    } finally {
      taken.close();
    }
    // Two processes started one after the other through tsx: generous for a loaded machine; no timing is asserted.
  }, 60_000);
});

// Start-up when what the app needs is not there yet: it stays up and waits (/readyz 503 says why), or, for a
// bot token Slack refuses, stops with one line naming SLACK_BOT_TOKEN.
describe('starting while Slack or the store does not answer', () => {
  const apps: AppProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop('SIGKILL');
    for (const close of closers.splice(0)) await close();
  });

  const baseEnv = (port: number) => ({
    SLACK_SIGNING_SECRET: 'signing-secret-for-start-tests',
    SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    STORE_URL: `sqlite://${join(cwd, `store-${port}.sqlite`)}`,
    PORT: String(port),
  });
  const get = async (port: number, path: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, body: await res.text() };
  };
  /** The output lines that are not JSON (there must be none: no stack trace, no stray print). */
  const nonJson = (app: AppProcess) =>
    `${app.stdout}${app.stderr}`.split('\n').filter((line) => line.trim() !== '' && !isJson(line));

  it('Slack unreachable: one line, the process stays up with /readyz 503, and starts once Slack answers', async () => {
    const [port, slackPort] = [await freePort(), await freePort()];
    const app = startScript('src/main.ts', {
      cwd,
      env: { ...baseEnv(port), SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/` },
    });
    apps.push(app);
    await app.waitForLine(/Waiting before start-up: Slack does not answer \(SLACK_API_URL\)/);
    expect((await get(port, '/healthz')).status).toBe(200);
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'unavailable' });
    expect(JSON.parse(ready.body).reason).toContain('Slack does not answer');

    // Slack comes back on that address: a loopback forwarder to the fake Slack.
    const slack = await startFakeSlack();
    closers.push(() => slack.close());
    const target = new URL(slack.apiUrl);
    const forwarder = createServer((socket) => {
      const upstream = connect(Number(target.port), '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => forwarder.listen(slackPort, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => forwarder.close(() => resolve())));

    await app.waitForLine(/is running: HTTP on port/, 30_000);
    expect((await get(port, '/readyz')).status).toBe(200);
    const waits = `${app.stdout}${app.stderr}`.split('\n').filter((l) => l.includes('Waiting before start-up'));
    expect(waits).toHaveLength(1);
    expect(nonJson(app)).toEqual([]);
    expect(await app.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('the store unreachable: one line, /readyz 503 naming the store, and SIGTERM still stops it cleanly', async () => {
    const [port, redisPort] = [await freePort(), await freePort()];
    const slack = await startFakeSlack();
    closers.push(() => slack.close());
    const app = startScript('src/main.ts', {
      cwd,
      env: { ...baseEnv(port), SLACK_API_URL: slack.apiUrl, STORE_URL: `redis://127.0.0.1:${redisPort}` },
    });
    apps.push(app);
    await app.waitForLine(/Waiting before start-up: the store does not answer \(STORE_URL\)/);
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body).reason).toContain('the store does not answer');
    expect((await get(port, '/healthz')).status).toBe(200);
    expect(await app.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(nonJson(app)).toEqual([]);
  }, 60_000);

  it('a bot token Slack refuses: one line naming SLACK_BOT_TOKEN, exit 1', async () => {
    const port = await freePort();
    const slack = await startFakeSlack();
    closers.push(() => slack.close());
    const { code, stdout, stderr } = await start({
      ...baseEnv(port),
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-fake-revoked',
    });
    expect(code).toBe(1);
    const errors = stderr.split('\n').filter((line) => line.includes('"level":"error"'));
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0] as string).msg).toBe(
      "Slack refused SLACK_BOT_TOKEN (invalid_auth). Copy the Bot User OAuth Token from the app's OAuth & Permissions page.",
    );
    expect(`${stdout}${stderr}`).not.toContain('xoxb-fake-revoked');
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
  });
});

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
