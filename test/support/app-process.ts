// Runs one of the project's entry points (e.g. src/main.ts) as a long-lived child process through tsx, as
// `npm start` does, so that an end-to-end test can talk to it, read its log and stop it with a signal.
// run-script.ts is the one-shot variant (start, wait for exit).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO, tsxLoader } from './run-script.js';

/** A process still running after a stop signal is killed after this long (its exit signal is then SIGKILL). */
const KILL_AFTER_MS = 15_000;

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  /** Everything printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Set once the process has exited. */
  readonly exit: AppExit | undefined;
  /** Resolves with the first output line matching `pattern`; rejects when the process exits first or after timeoutMs. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends `signal` (default SIGTERM) and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<AppExit>;
}

/** `script` is relative to the repository, `args` its arguments; `env` is the child's whole environment (PATH is added). */
export function startScript(
  script: string,
  options: { cwd: string; env: Record<string, string>; args?: string[] },
): AppProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, join(REPO, script), ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let exit: AppExit | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<AppExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const lines = () => `${stdout}${stderr}`.split('\n');

  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    get exit() {
      return exit;
    },
    async waitForLine(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = lines().find((l) => pattern.test(l));
        if (line !== undefined) return line;
        if (exit || Date.now() >= deadline) {
          const why = exit
            ? `exited (code ${exit.code}, signal ${exit.signal})`
            : `printed nothing like it within ${timeoutMs} ms`;
          throw new Error(`${script} ${why} while waiting for ${pattern}.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (exit) return exit;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A TCP port that was free a moment ago. For a child process whose listening port cannot be read back (Bolt's
 * Socket Mode health server on PORT): port 0 would work but leave the test no way to reach it.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('freePort: no TCP address');
  return address.port;
}
