// `npm run playground` as a person runs it: one line with the page's URL, a page that answers, the app behind it
// running, and a clean stop on Ctrl+C; a bad --port is refused with the usage.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppProcess, startScript } from '../support/app-process.js';
import { runScript } from '../support/run-script.js';

let running: AppProcess | undefined;

/** GET / with another Host header, as a browser sends after DNS rebinding (fetch cannot set Host). */
function hostStatus(url: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
}

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('npm run playground', () => {
  it('--port 0 prints one URL whose page and state answer, and stops on SIGINT', async () => {
    running = startScript('src/playground/cli.ts', { cwd: process.cwd(), env: {}, args: ['--port', '0'] });
    const line = await running.waitForLine(/^http:\/\/127\.0\.0\.1:\d+$/, 60_000);
    const page = await fetch(line);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Omni Schedules playground</title>');
    const state = (await (await fetch(`${line}/api/state?user=U0PGADMIN`)).json()) as { me: { role: string } };
    expect(state.me.role).toBe('admin');
    // Only the page itself may post: not another site in the same browser, nor a DNS name pointing here.
    const post = (headers: Record<string, string>) =>
      fetch(`${line}/api/message`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ user: 'U0PGADMIN', channel: 'C0PGGENRL', text: 'hello' }),
      }).then((r) => r.status);
    expect(await post({ 'content-type': 'text/plain' })).toBe(415);
    expect(await post({ 'content-type': 'application/json', origin: 'https://example.com' })).toBe(403);
    expect(await hostStatus(line, 'rebound.example.com')).toBe(421);
    expect(await post({ 'content-type': 'application/json', origin: line })).toBe(200);
    const exit = await running.stop('SIGINT');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(running.stdout.trim().split('\n')).toEqual([line]);
  }, 90_000);

  it('refuses a --port that is not a port, with the usage', async () => {
    const result = await runScript('src/playground/cli.ts', { cwd: process.cwd(), env: {}, args: ['--port', 'lots'] });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('playground: --port must be a number from 0 to 65535, got "lots"');
    expect(result.stderr).toContain('usage: npm run playground --');
  }, 60_000);
});
