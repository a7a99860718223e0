// `npm run sandbox -- --port 4010 --api-key sandbox-key [--rate-limit 60] [--latency-ms 0]
//   [--dialect lenient|docs|spec] [--run-ms 3000] [--retry-after on|off] [--member-key K]`
// Serves the seeded Omni organization on 127.0.0.1 until interrupted.
import { parseArgs } from 'node:util';
import { DIALECTS, type Dialect } from './dialect.js';
import { extendedSeed, startOmniSandbox } from './index.js';

const USAGE =
  'usage: npm run sandbox -- [--port 4010] [--api-key sandbox-key] [--rate-limit 60] [--latency-ms 0] ' +
  '[--dialect lenient|docs|spec] [--run-ms 3000] [--retry-after on|off] [--member-key K] ' +
  '[--no-seed] [--external-webhooks] [--quiet]';

function fail(message: string): never {
  process.stderr.write(`omni-sandbox: ${message} (--help shows the usage)\n`);
  process.exit(2);
}

function integerFlag(name: string, raw: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) fail(`--${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return Number(raw);
}

function readFlags() {
  try {
    const { values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'api-key': { type: 'string' },
        'rate-limit': { type: 'string' },
        'latency-ms': { type: 'string' },
        dialect: { type: 'string' },
        'run-ms': { type: 'string' },
        'retry-after': { type: 'string' },
        'member-key': { type: 'string' },
        'no-seed': { type: 'boolean' },
        'external-webhooks': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return values;
  } catch (err) {
    fail((err instanceof Error ? err.message : String(err)).split('\n')[0]);
  }
}

function keyHint(key: string): string {
  return key.length <= 6 ? `${key.length} characters` : `${key.slice(0, 3)}…${key.slice(-2)}`;
}

async function main(): Promise<void> {
  const flags = readFlags();
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const apiKey = flags['api-key'] ?? (process.env.OMNI_SANDBOX_API_KEY || 'sandbox-key');
  if (apiKey.trim() === '') fail('--api-key must not be empty');
  const rateLimit = integerFlag('rate-limit', flags['rate-limit'], 60);
  const dialect = (flags.dialect ?? 'lenient') as Dialect;
  if (!DIALECTS.includes(dialect)) fail(`--dialect must be one of ${DIALECTS.join(', ')}, got "${flags.dialect}"`);
  const retryAfter = flags['retry-after'] ?? 'on';
  if (retryAfter !== 'on' && retryAfter !== 'off') fail(`--retry-after must be on or off, got "${retryAfter}"`);
  const memberKey = flags['member-key'];
  if (memberKey !== undefined && (memberKey.trim() === '' || memberKey === apiKey)) {
    fail('--member-key must be non-empty and differ from --api-key');
  }
  const sandbox = await startOmniSandbox({
    port: integerFlag('port', flags.port, 4010, 65535),
    apiKey,
    rateLimitPerMinute: rateLimit,
    latencyMs: integerFlag('latency-ms', flags['latency-ms'], 0),
    dialect,
    // Omni's runs finish after the trigger has answered; 3 s makes that visible when trying the app.
    runMs: integerFlag('run-ms', flags['run-ms'], 3000),
    retryAfter: retryAfter === 'on',
    memberKey,
    seed: flags['no-seed'] ? false : extendedSeed(),
    externalWebhooks: flags['external-webhooks'] ?? false,
    onRequest: flags.quiet
      ? undefined
      : (entry) => process.stdout.write(`${entry.at} ${entry.method} ${entry.path} → ${entry.status}\n`),
  }).catch((err: unknown) => fail(`cannot start: ${err instanceof Error ? err.message : String(err)}`));

  const keySource = flags['api-key']
    ? '--api-key'
    : process.env.OMNI_SANDBOX_API_KEY
      ? 'OMNI_SANDBOX_API_KEY'
      : 'default';
  process.stdout.write(
    `Omni sandbox listening on ${sandbox.url} (API: ${sandbox.url}/api/v1/…)\n` +
      `API key (${keySource}): ${keyHint(apiKey)} — send it as "Authorization: Bearer <key>"\n` +
      (memberKey ? `Member key: ${keyHint(memberKey)} (a non-admin member; gets Omni's 403s)\n` : '') +
      `Dialect: ${dialect}. Runs take ${integerFlag('run-ms', flags['run-ms'], 3000)} ms. ` +
      `Rate limit: ${rateLimit === 0 ? 'off' : `${rateLimit}/min per key`}` +
      `${retryAfter === 'on' ? '' : ', 429s without Retry-After'}. Press Ctrl+C to stop.\n`,
  );
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
