// Runs one of the project's TypeScript entry points (e.g. src/main.ts) in a child Node process through tsx, as
// `npm start` would, with only the environment given, and collects what it printed and its exit code.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
export const tsxLoader = pathToFileURL(
  join(
    dirname(tsxPackage),
    (JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: { '.': string } }).exports['.'],
  ),
).href;

/** A script that has not exited by then is killed (its result then has code null). */
const KILL_AFTER_MS = 30_000;

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `script` is relative to the repository, `args` its arguments; `env` is the child's whole environment (PATH is added). */
export function runScript(
  script: string,
  options: { cwd: string; env: Record<string, string>; args?: string[] },
): Promise<ScriptResult> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, join(REPO, script), ...(options.args ?? [])], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
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
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
