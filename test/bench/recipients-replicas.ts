// Benchmark: the channel add of recipients.ts (1,000 people, BENCH_PEOPLE to change it; cold cache, warm cache,
// email-only policy) with three replicas on one Redis: the store and REDIS_URL on a private redis-server, as
// compose.yaml has them, so that the job runs on whichever replica BullMQ hands it to and every Slack and Omni
// call draws on the budgets the three share. The replicas run in this process (one Bolt receiver each), so
// the peak RSS printed after it is the three together with the fake Slack and the sandbox.
import { randomBytes } from 'node:crypto';
import { redisServerMissing, startPrivateRedis } from '../coordination/support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { channelAddScenarios, OMNI_LATENCY_MS, SANDBOX_LIMIT_PER_MINUTE } from './recipients.js';

export async function run(): Promise<void> {
  const missing = redisServerMissing();
  if (missing) {
    console.log(`skipped: ${missing}`);
    return;
  }
  const redis = await startPrivateRedis();
  // One key for the three: each reads the connection the others stored.
  const env = {
    LOG_LEVEL: 'warn',
    STORE_URL: redis.url,
    REDIS_URL: redis.url,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const replicas: TestApp[] = [];
  try {
    const first = await startTestApp({
      sandbox: { rateLimitPerMinute: SANDBOX_LIMIT_PER_MINUTE, latencyMs: OMNI_LATENCY_MS },
      env,
      slackRateTiers: true,
      redisPrefix: 'bench',
    });
    replicas.push(first);
    for (let i = 0; i < 2; i += 1) {
      replicas.push(await startTestApp({ env, redisPrefix: 'bench', replicaOf: first, connect: false }));
    }
    await channelAddScenarios(replicas);
  } finally {
    for (const r of replicas.slice().reverse()) await r.close();
    await redis.stop();
  }
}
