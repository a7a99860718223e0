// `npm start` (src/main.ts) without Slack credentials, or with a bad variable: a few clear lines, exit 1.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSING_SLACK_CREDENTIALS } from '../../src/config.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const main = join(repo, 'src/main.ts');
const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
const tsxLoader = pathToFileURL(
  join(
    dirname(tsxPackage),
    (JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: { '.': string } }).exports['.'],
  ),
).href;
// An empty folder as working directory: no .env is picked up.
const cwd = mkdtempSync(join(tmpdir(), 'omni-slack-start-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, main], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

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
});
