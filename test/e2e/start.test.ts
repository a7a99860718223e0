// `npm start` (src/main.ts) without Slack credentials, or with a bad variable: a few clear lines, exit 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSING_SLACK_CREDENTIALS } from '../../src/config.js';
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
  });
});
