// Benchmark: how fast the app acks a burst of `/schedule list` commands (Slack gives 3 s). The real app
// (HTTP receiver, processBeforeResponse false as in production) talks to the fake Slack and to an Omni
// sandbox that answers after a realistic delay; 50 signed commands are fired at once. Prints p50/p95/max
// of the time to the HTTP answer (the ack), and of the time until each answer reached its response_url.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { FAKE_DEFAULTS, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { postCommand } from '../../src/fake-slack/signing.js';
import { createLogger } from '../../src/logger.js';
import { startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { createDeps } from '../../src/slack/deps-factory.js';
import { openStore } from '../../src/store/index.js';

const BURST = 50;
/** What a real Omni takes to answer, roughly. */
const OMNI_LATENCY_MS = 150;
/** Generous, so that the answers (not only the acks) finish quickly; acks never wait for Omni anyway. */
const RATE_LIMIT_PER_MINUTE = 10_000;

export async function run(): Promise<void> {
  const sandbox = await startOmniSandbox({ apiKey: 'bench-key', rateLimitPerMinute: 0, latencyMs: OMNI_LATENCY_MS });
  const slack = await startFakeSlack();
  const dir = await mkdtemp(join(tmpdir(), 'omni-slack-bench-'));
  const signingSecret = randomBytes(16).toString('hex');
  const config = loadConfig({
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger('warn');
  const store = await openStore({ url: config.storeUrl, encryptionKeys: config.encryptionKeys, logger });
  const deps = createDeps(config, store, { logger });
  const app = createApp(config, deps, { logger }); // processBeforeResponse: false, as in production
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await store.connections.save(
      { teamId: FAKE_DEFAULTS.teamId },
      {
        baseUrl: sandbox.url,
        apiKey: sandbox.apiKey,
        connectedBy: 'U0BENCH00',
        connectedAt: new Date().toISOString(),
        rateLimitPerMinute: RATE_LIMIT_PER_MINUTE,
      },
    );
    const users = Array.from({ length: 10 }, (_, i) => slack.addUser({ id: `U0BENCH${String(i).padStart(2, '0')}` }));

    const started = performance.now();
    const sent = Array.from({ length: BURST }, (_, i) => {
      const user = users[i % users.length] as (typeof users)[number];
      const responseUrl = slack.newResponseUrl({ userId: user.id });
      const t0 = performance.now();
      const ack = postCommand(url, signingSecret, {
        user_id: user.id,
        text: i % 2 === 0 ? 'list' : 'list orders sort:lastRun',
        response_url: responseUrl,
        trigger_id: slack.newTriggerId({ userId: user.id }),
      }).then((res) => {
        if (res.status !== 200) throw new Error(`command ${i} got HTTP ${res.status}`);
        return performance.now() - t0;
      });
      return { ack, responseUrl, t0 };
    });
    const acks = await Promise.all(sent.map((s) => s.ack));
    const answered = new Map<string, number>();
    await slack.waitFor(() => {
      for (const s of sent) {
        if (!answered.has(s.responseUrl) && slack.responsesTo(s.responseUrl).length > 0) {
          answered.set(s.responseUrl, performance.now() - s.t0);
        }
      }
      return answered.size === BURST;
    }, 60_000);
    const wall = performance.now() - started;

    const answers = [...answered.values()];
    console.log(`burst of ${BURST} signed /schedule list commands; Omni latency ${OMNI_LATENCY_MS} ms`);
    console.log(`time to ack (HTTP answer):        ${summary(acks)}`);
    console.log(`time to answer (response_url):    ${summary(answers)}`);
    console.log(`whole burst answered in ${wall.toFixed(0)} ms; Slack's ack deadline is 3000 ms`);
    const late = acks.filter((ms) => ms >= 3000).length;
    if (late > 0) console.log(`WARNING: ${late} of ${BURST} acks took 3 s or more`);
  } finally {
    await app.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    await slack.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return `p50 ${ms(at(0.5))} · p95 ${ms(at(0.95))} · max ${ms(sorted.at(-1) ?? Number.NaN)}`;
}
