// Runs the real app (src/main.ts, as `npm start` runs it, through tsx) as a child process with only the
// environment given, and waits until its /healthz answers. Its output is kept, so that when it stops early the
// playground can say why.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.ts');
const START_TIMEOUT_MS = 60_000;
const KEEP_OUTPUT_CHARS = 20_000;

/** tsx's ESM loader, resolved from this package so that the child needs no tsx on PATH. */
function tsxLoader(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: { '.': string | { import?: string } } };
  const entry = pkg.exports['.'];
  const file = typeof entry === 'string' ? entry : entry.import;
  if (!file) throw new Error('cannot find the tsx loader (is `npm ci` done?)');
  return pathToFileURL(join(dirname(pkgPath), file)).href;
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the app's PORT must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface AppChild {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What the app printed (the last 20,000 characters). */
  output(): string;
  /** Set once the process has exited. */
  readonly exited: boolean;
  stop(): Promise<void>;
}

export async function startAppProcess(
  env: Record<string, string>,
  opts: { onOutput?: (chunk: string) => void; onExit?: () => void } = {},
): Promise<AppChild> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', tsxLoader(), MAIN], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  let stopping = false;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-KEEP_OUTPUT_CHARS);
    opts.onOutput?.(text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<void>((resolve) => {
    child.on('close', () => {
      exited = true;
      resolve();
      if (!stopping) opts.onExit?.();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const app: AppChild = {
    url,
    output: () => output,
    get exited() {
      return exited;
    },
    async stop() {
      stopping = true;
      if (exited) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(force);
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`the app stopped while starting:\n${output.trim()}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) return app;
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`the app did not answer ${url}/healthz within ${START_TIMEOUT_MS / 1000} s:\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
