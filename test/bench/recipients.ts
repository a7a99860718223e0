// Benchmark: `/schedule add <id> #channel` for a channel of 1,000 Slack people (BENCH_PEOPLE to change it),
// through the real app (Bolt HTTP receiver, fake Slack enforcing Slack's rate tiers, Omni sandbox with its
// rate limit on); the change runs as a background job and the wall time runs until its summary is shown. Two runs: the default policy (plain
// emails: Omni makes email-only users itself) and the email-only policy (people checked against Omni's
// member list, paged, or one by one when fewer; non-members created in batches of 20 with time zone and a
// mapped attribute). Prints Slack and Omni call counts, wall time, and the lower bound the rate limit
// allows for that many Omni calls. Runs about a minute: the email-only run needs more calls than fit in one.
import { performance } from 'node:perf_hooks';
import { SLACK_METHOD_TIERS, SLACK_TIER_PER_MINUTE } from '../../src/coordination/slack-budget.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

export const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
/** Omni's per-key limit in the sandbox, and the connection's own (client-side) limit: Omni's default. */
export const SANDBOX_LIMIT_PER_MINUTE = 60;
const CONNECTION_LIMIT_PER_MINUTE = 60;
/** What a round trip to Omni costs, roughly (a real one is slower; the bound below is about the limit). */
export const OMNI_LATENCY_MS = 25;

/** The k-th call (from 0) of a sliding 60 s window of `limit` calls can start at floor(k / limit) minutes. */
export function lowerBoundMs(calls: number, limitPerMinute: number): number {
  return calls === 0 ? 0 : Math.floor((calls - 1) / limitPerMinute) * 60_000;
}

function count<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Runs one channel add through `t` (one replica; the others share its fake Slack, sandbox and Redis). */
async function scenario(t: TestApp, label: string, scheduleId: string, channel: string): Promise<void> {
  const slackBefore = t.slack.calls.length;
  t.sandbox.state.requests.length = 0;
  const started = performance.now();
  const limitedBefore = new Map(t.slack.rateTiers?.limited ?? []);
  const { message, shown } = await t.commandJob(`add ${scheduleId} <#${channel}|bench>`, { user: t.users.member });
  const wallMs = performance.now() - started;
  const omni = t.sandbox.state.requests;
  const slack = t.slack.calls.slice(slackBefore);
  const omniBound = lowerBoundMs(omni.length, Math.min(SANDBOX_LIMIT_PER_MINUTE, CONNECTION_LIMIT_PER_MINUTE));
  // Slack's bound: each tiered method's calls at its tier's rate; the slowest method bounds the run.
  const slackBound = Math.max(
    0,
    ...Object.entries(count(slack, (c) => c.method)).map(([method, n]) => {
      const tier = SLACK_METHOD_TIERS[method];
      return tier === undefined ? 0 : lowerBoundMs(n, SLACK_TIER_PER_MINUTE[tier]);
    }),
  );
  const bound = Math.max(omniBound, slackBound);
  const slack429 = [...(t.slack.rateTiers?.limited ?? [])].map(([m, n]) => [m, n - (limitedBefore.get(m) ?? 0)]);
  const summary = String(message?.text ?? '(no summary)');
  const byPath = count(omni, (r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
  console.log(`\n-- ${label}`);
  console.log(`answer:            ${summary.slice(0, 140)}`);
  console.log(`progress updates:  ${shown.length} (one message, updated in place)`);
  console.log(`Slack 429 answers: ${JSON.stringify(Object.fromEntries(slack429.filter(([, n]) => Number(n) > 0)))}`);
  console.log(`Slack calls:       ${slack.length}  ${JSON.stringify(count(slack, (c) => c.method))}`);
  console.log(`Omni calls:        ${omni.length}  ${JSON.stringify(byPath)}`);
  console.log(`Omni 429 answers:  ${omni.filter((r) => r.status === 429).length}`);
  console.log(`wall time:         ${(wallMs / 1000).toFixed(1)} s`);
  console.log(
    `rate-limit bound:  ${(bound / 1000).toFixed(1)} s (Omni ${(omniBound / 1000).toFixed(1)} s for ${omni.length} calls at ${Math.min(SANDBOX_LIMIT_PER_MINUTE, CONNECTION_LIMIT_PER_MINUTE)}/min; Slack ${(slackBound / 1000).toFixed(1)} s by tier)` +
      (bound > 0 ? ` (wall time is ${(wallMs / bound).toFixed(2)}× the bound)` : ' (all calls fit in one window)'),
  );
}

export async function run(): Promise<void> {
  const t = await startTestApp({
    sandbox: { rateLimitPerMinute: SANDBOX_LIMIT_PER_MINUTE, latencyMs: OMNI_LATENCY_MS },
    env: { LOG_LEVEL: 'warn' },
    slackRateTiers: true,
  });
  try {
    await channelAddScenarios([t]);
  } finally {
    await t.close();
  }
}

/**
 * The three runs (cold, warm, email-only policy), each sent to the next of `replicas` in turn. With several
 * replicas they share one store and Redis, so the job may run on any of them and the cache is theirs together.
 */
export async function channelAddScenarios(replicas: readonly TestApp[]): Promise<void> {
  const t = replicas[0] as TestApp;
  let turn = 0;
  const next = () => replicas[turn++ % replicas.length] as TestApp;
  await t.store.connections.save(t.scope, {
    baseUrl: t.sandbox.url,
    apiKey: t.sandbox.apiKey,
    connectedBy: t.users.admin.id,
    connectedAt: new Date().toISOString(),
    rateLimitPerMinute: CONNECTION_LIMIT_PER_MINUTE,
  });
  const channel = (prefix: string, id: string) => {
    const ids = Array.from(
      { length: PEOPLE },
      (_, i) =>
        t.addMember({
          id: `U${prefix}${String(i).padStart(5, '0')}`,
          name: `${prefix.toLowerCase()}${i}`,
          tz: i % 3 === 0 ? 'Europe/Paris' : 'America/New_York',
          profile: { title: i % 2 === 0 ? 'EMEA' : 'AMER' },
        }).id,
    );
    t.slack.addChannel(id, ids);
  };
  channel('BA', 'C0BENCHA1');
  channel('BB', 'C0BENCHB1');
  console.log(
    `${PEOPLE} Slack people per run; ${replicas.length} replica${replicas.length === 1 ? '' : 's'}; Omni sandbox limit ${SANDBOX_LIMIT_PER_MINUTE}/min, connection limit ${CONNECTION_LIMIT_PER_MINUTE}/min, Omni latency ${OMNI_LATENCY_MS} ms`,
  );

  await scenario(
    next(),
    'policy plain_email (Omni creates email-only users itself)',
    SEEDED_SCHEDULE_IDS.query,
    'C0BENCHA1',
  );

  await scenario(
    next(),
    'warm cache: the same channel again, to another email schedule (plain_email)',
    SEEDED_SCHEDULE_IDS.externalUsers,
    'C0BENCHA1',
  );

  await t.store.settings.update(t.scope, {
    nonMemberPolicy: 'email_only_user',
    attributeMappings: { region: 'title' },
  });
  await scenario(
    next(),
    'policy email_only_user (member check by SCIM listing, batches of 20 with time zone + region)',
    SEEDED_SCHEDULE_IDS.orders,
    'C0BENCHB1',
  );
  const sample = t.sandbox.state.emailOnlyUsers.get('bb0@example.com');
  console.log(`sample email-only user in Omni: ${JSON.stringify(sample?.userAttributes)}`);
}
