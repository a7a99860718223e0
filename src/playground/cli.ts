// `npm run playground -- [--port 3000] [--connected] [--verbose]`: the app with a Slack-like page and the
// Omni sandbox, on this machine, with no Slack workspace and no Omni account. Prints the page's URL.
import { parseArgs } from 'node:util';
import { type Playground, startPlayground } from './server.js';

const USAGE = 'usage: npm run playground -- [--port 3000] [--connected] [--verbose]';

function fail(message: string): never {
  process.stderr.write(`playground: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readFlags() {
  try {
    return parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        connected: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    fail((error instanceof Error ? error.message : String(error)).split('\n')[0] as string);
  }
}

async function main(): Promise<void> {
  const flags = readFlags();
  if (flags.help) {
    process.stdout.write(
      `${USAGE}\n  --port N      the page's port on 127.0.0.1 (default 3000; 0 picks a free one)\n` +
        '  --connected   start connected to the Omni sandbox (otherwise an admin runs /schedule connect)\n' +
        "  --verbose     print the app's log\n",
    );
    return;
  }
  const rawPort = flags.port ?? '3000';
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535)
    fail(`--port must be a number from 0 to 65535, got "${rawPort}"`);
  let playground: Playground | undefined;
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    (playground?.close() ?? Promise.resolve()).then(
      () => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`playground: stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  playground = await startPlayground({
    port: Number(rawPort),
    connected: flags.connected ?? false,
    onAppOutput: flags.verbose ? (chunk) => process.stderr.write(chunk) : undefined,
    // The app stopping on its own leaves a page that cannot work: say why and stop too.
    onAppExit: (output) => {
      // Still starting (startPlayground reports it), or stopping anyway (Ctrl+C reaches the app too).
      if (!playground || stopping) return;
      process.stderr.write(`playground: the app stopped:\n${output.trim()}\n`);
      stop(1);
    },
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /EADDRINUSE/.test(reason) ? ` (port ${rawPort} is in use: try --port 0)` : '';
    return fail(`cannot start${hint}: ${reason}`);
  });
  process.stdout.write(`${playground.url}\n`);
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
}

await main();
