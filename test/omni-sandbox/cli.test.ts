// The `npm run sandbox` entry point, run as a real process.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = resolve(repo, 'node_modules/.bin/tsx');
const cli = resolve(repo, 'src/omni-sandbox/cli.ts');

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

function run(args: string[]) {
  child = spawn(tsx, [cli, ...args], { cwd: repo, env: { ...process.env, OMNI_SANDBOX_API_KEY: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exit = new Promise<number | null>((done) => child?.on('exit', (code) => done(code)));
  return { exit, out: () => stdout, err: () => stderr };
}

describe('sandbox CLI', () => {
  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, got "abc"'],
    [['--api-key', ''], '--api-key must not be empty'],
  ])('%j exits 2 with one clear line', async (args, message) => {
    const proc = run(args);
    expect(await proc.exit).toBe(2);
    const lines = proc.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`omni-sandbox: ${message}`);
  });

  it('serves the seeded organization on 127.0.0.1 and prints its URL and a key hint, not the key', async () => {
    const proc = run(['--port', '0', '--api-key', 'cli-test-key-123', '--rate-limit', '0', '--quiet']);
    let url: string | undefined;
    while (!url) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.out())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(proc.out()).toContain('cli…23');
    expect(proc.out()).toContain('Rate limit: off.');
    expect(proc.out()).not.toContain('cli-test-key-123');
    const res = await fetch(`${url}/api/v1/schedules?pageSize=100`, {
      headers: { authorization: 'Bearer cli-test-key-123' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { pageInfo: { totalRecords: number } }).pageInfo.totalRecords).toBe(9);
    child?.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
  });
});
