// Three replicas as real processes (`npm start`'s src/main.ts through tsx, as compose.yaml runs them) on one
// Redis (their store and REDIS_URL), one Omni sandbox (60 calls a minute for the key) and one fake Slack that
// enforces Slack's rate tiers, behind a round-robin proxy. A burst of 300 commands with one replica killed
// with SIGKILL half-way: every command acknowledged is answered, including those the killed replica
// acknowledged (each is a job, src/slack/commands/command-job.ts, taken over by a live replica); Omni never answers 429 and sees
// at most 60 calls in any minute across the three; the people's own look-ups (users.info, more than its tier
// allows in a minute) wait on the shared Slack budget and draw no 429. A double click landing on two
// replicas runs the schedule once.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { blockActionPayload } from '../../src/fake-slack/payloads.js';
import { postCommand, postInteraction } from '../../src/fake-slack/signing.js';
import { ActionIds } from '../../src/ids.js';
import { type OmniSandbox, SEEDED_SCHEDULE_IDS, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { redisServerMissing, serviceMissing, startPrivateRedis } from '../coordination/support.js';
import { type AppProcess, freePort, startScript } from '../support/app-process.js';

const missing = redisServerMissing();
if (missing) serviceMissing('three replicas', missing);
const OMNI_LIMIT = 60;
const MINUTE_MS = 60_000;
/** People who each ask once (their role is looked up with users.info, Tier 4: about 100 a minute). */
const ASKERS = 105;
const MEMBER = 'U0MEMBER01';

let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let slack: FakeSlack;
let sandbox: OmniSandbox;
let dir: string;
let proxy: Server;
let proxyUrl: string;
const signingSecret = randomBytes(16).toString('hex');
const replicas: { app: AppProcess; url: string }[] = [];
/** The replicas the proxy sends to: a killed one stays listed (its port refuses, and the proxy moves on). */
let targets: string[] = [];

/**
 * Round-robin over the replicas. Like a load balancer's default (nginx `proxy_next_upstream error`), a replica
 * that refuses the connection is skipped for the next one: nothing reached it. A request cut off after it was
 * sent fails (502): Slack shows the person an error (and retries an event), so nothing is lost silently.
 * `x-replica` says which replica answered.
 */
function startProxy(): Promise<Server> {
  let next = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    for (let attempt = 0; attempt < targets.length; attempt += 1) {
      const index = next++ % targets.length;
      try {
        const answer = await fetch(`${targets[index]}${req.url ?? '/'}`, {
          method: req.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length') as [string, string][],
          ),
          body: Buffer.concat(chunks),
        });
        res.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'text/plain',
          'x-replica': String(index),
        });
        res.end(Buffer.from(await answer.arrayBuffer()));
        return;
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code === 'ECONNREFUSED') continue;
        break;
      }
    }
    res.writeHead(502).end('replica did not answer');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function startReplica(env: Record<string, string>): Promise<{ app: AppProcess; url: string }> {
  const port = await freePort();
  const app = startScript('src/main.ts', { cwd: dir, env: { ...env, PORT: String(port) } });
  await app.waitForLine(/is running: HTTP on port/, 60_000);
  return { app, url: `http://127.0.0.1:${port}` };
}

/** The most calls the sandbox received in any 60 s, from its request log. */
function busiestMinute(): number {
  const times = sandbox.state.requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while ((times[last] as number) - (times[first] as number) >= MINUTE_MS) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Outcomes of a replica's audit lines (JSON log lines with `audit: true`) for one action on one schedule. */
function auditOf(app: AppProcess, action: string, schedule: string): string[] {
  const outcomes: string[] = [];
  for (const line of app.stdout.split('\n')) {
    if (!line.includes('"audit":true')) continue;
    const audit = JSON.parse(line) as { action?: string; schedule?: string; outcome?: string };
    if (audit.action === action && audit.schedule === schedule && audit.outcome) outcomes.push(audit.outcome);
  }
  return outcomes;
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

beforeAll(async () => {
  if (missing) return;
  dir = mkdtempSync(join(tmpdir(), 'replicas-'));
  redis = await startPrivateRedis();
  slack = await startFakeSlack({ rateTiers: true });
  slack.addUser({ id: MEMBER, name: 'maria', real_name: 'Maria Member' });
  for (let i = 0; i < ASKERS; i += 1) slack.addUser({ id: `U0ASK${String(i).padStart(4, '0')}`, name: `asker${i}` });
  sandbox = await startOmniSandbox({
    apiKey: `sandbox-key-${randomBytes(6).toString('hex')}`,
    rateLimitPerMinute: OMNI_LIMIT,
  });
  const env = {
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
    SLACK_API_URL: slack.apiUrl,
    // As compose.yaml: the store and the coordination on one Redis.
    STORE_URL: redis.url,
    REDIS_URL: redis.url,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    OMNI_BASE_URL: sandbox.url,
    OMNI_API_KEY: sandbox.apiKey,
    LOG_LEVEL: 'info',
  };
  replicas.push(...(await Promise.all([0, 1, 2].map(() => startReplica(env)))));
  targets = replicas.map((r) => r.url);
  proxy = await startProxy();
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (missing) return;
  await new Promise((resolve) => proxy?.close(resolve));
  await Promise.all(replicas.map((r) => r.app.stop('SIGTERM')));
  await slack?.close();
  await sandbox?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing !== undefined)('three replica processes behind one URL', () => {
  it('a burst of 300 commands, one replica killed with SIGKILL half-way: every command acknowledged is answered, within Omni’s and Slack’s limits', async () => {
    const killed = 1;
    const sent: { i: number; status: number; replica?: number; responseUrl: string }[] = [];
    // "Asking Omni…" is the interim line a slow answer is preceded by (src/slack/interim.ts); the answer follows.
    const answered = (s: { responseUrl: string }) =>
      slack.responsesTo(s.responseUrl).some((r) => !String(r.text ?? '').startsWith('Asking Omni'));
    let answeredAtKill = new Set<number>();
    const asked: { i: number; responseUrl: string }[] = [];
    const one = async (i: number) => {
      // One in four asks Omni (the list: more calls than the key's minute allows); the rest are `help` from
      // people whose role is looked up in Slack (more users.info than its tier allows in a minute).
      const omni = i % 4 === 0;
      const user = omni ? MEMBER : `U0ASK${String(i % ASKERS).padStart(4, '0')}`;
      const responseUrl = slack.newResponseUrl({ channel: 'C0000GEN1', userId: user });
      asked.push({ i, responseUrl });
      const res = await postCommand(proxyUrl, signingSecret, {
        user_id: user,
        text: omni ? 'list' : 'help',
        team_id: FAKE_DEFAULTS.teamId,
        channel_id: 'C0000GEN1',
        channel_name: 'general',
        response_url: responseUrl,
        trigger_id: slack.newTriggerId({ userId: user }),
      });
      const replica = res.headers.get('x-replica');
      sent.push({
        i,
        status: res.status,
        ...(replica === null ? {} : { replica: Number(replica) }),
        responseUrl,
      });
    };
    // Waves of 25 at once; the second replica is killed while the seventh wave is in flight.
    for (let wave = 0; wave < 12; wave += 1) {
      const requests = Array.from({ length: 25 }, (_, k) => one(wave * 25 + k));
      if (wave === 6) {
        await replicas[killed]?.app.stop('SIGKILL');
        answeredAtKill = new Set(asked.filter((s) => answered(s)).map((s) => s.i));
      }
      await Promise.all(requests);
    }
    expect(sent).toHaveLength(300);
    expect(replicas[killed]?.app.exit?.signal).toBe('SIGKILL');
    // A request cut off by the kill fails at the proxy: Slack shows the person an error, nothing is lost silently.
    expect(sent.every((s) => s.status === 200 || s.status === 502)).toBe(true);
    const acked = sent.filter((s) => s.status === 200);
    expect(acked.length).toBeGreaterThanOrEqual(250);
    // The people beyond users.info's tier wait for the next minute on every replica's shared budget.
    // Slack does not retry a slash command: those the killed replica acknowledged and had not answered are
    // answered by a live replica, which takes over their jobs once their locks lapse.
    const byKilled = acked.filter((s) => s.replica === killed);
    expect(byKilled.length).toBeGreaterThan(0);
    await until(() => acked.every(answered), 120_000);
    expect(acked.filter((s) => !answered(s)).map((s) => s.i)).toEqual([]);
    const takenOver = byKilled.filter((s) => !answeredAtKill.has(s.i)).length;
    process.stdout.write(
      `replicas: ${byKilled.length} acknowledged by the killed replica, ${takenOver} answered after the kill\n`,
    );

    expect(sandbox.state.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(sandbox.state.requests.length).toBeGreaterThan(0);
    expect(busiestMinute()).toBeLessThanOrEqual(OMNI_LIMIT);
    const roleLookups = slack.callsTo('users.info');
    expect(roleLookups.length).toBeGreaterThan(100);
    expect([...(slack.rateTiers?.limited ?? new Map([['not enforced', 1]]))]).toEqual([]);
  }, 200_000);

  it('a double click landing on two replicas runs the schedule once', async () => {
    const live = replicas.filter((r) => r.app.exit === undefined);
    const [a, b] = live as [(typeof live)[number], (typeof live)[number]];
    const id = SEEDED_SCHEDULE_IDS.orders2;
    const shared = slack.newResponseUrl({ channel: 'C0000GEN1', userId: MEMBER });
    await postCommand(a.url, signingSecret, {
      user_id: MEMBER,
      text: `share ${id}`,
      team_id: FAKE_DEFAULTS.teamId,
      channel_id: 'C0000GEN1',
      channel_name: 'general',
      response_url: shared,
      trigger_id: slack.newTriggerId({ userId: MEMBER }),
    });
    await until(() => slack.messagesIn('C0000GEN1').length > 0, 30_000);
    const card = slack.messagesIn('C0000GEN1').at(-1);
    if (!card) throw new Error('the card was not posted');
    const click = (url: string) => {
      const responseUrl = slack.newResponseUrl({ channel: 'C0000GEN1', userId: MEMBER });
      const payload = blockActionPayload({
        user: MEMBER,
        channel: 'C0000GEN1',
        actionId: ActionIds.runNowButton,
        value: id,
        message: { ts: card.ts, blocks: card.blocks },
        triggerId: slack.newTriggerId({ userId: MEMBER }),
        responseUrl,
      });
      return postInteraction(url, signingSecret, payload);
    };
    const clicks = await Promise.all([click(a.url), click(b.url)]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    // Each replica writes the click's outcome to its audit log once it has acted on it.
    const outcomes = () => [...auditOf(a.app, 'run', id), ...auditOf(b.app, 'run', id)].sort();
    await until(() => outcomes().length === 2, 30_000);
    expect(outcomes()).toEqual(['ok', 'refused']);
    expect(sandbox.state.deliveries.filter((d) => d.scheduleId === id)).toHaveLength(1);
  }, 60_000);
});
