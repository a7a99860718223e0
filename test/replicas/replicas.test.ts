// Three replicas on one Redis behind a round-robin proxy, in one test process: each is the real Bolt HTTP
// receiver with its own store, sharing the fake Slack, the Omni sandbox and (through Redis) claims, rate
// budgets and jobs. A burst of 300 commands with one replica dropped half-way loses no acknowledged
// interaction; Omni never answers 429; a double click landing on two replicas runs the schedule once.
//
// Dropping a replica here closes its listener and every open connection, as a killed process's would be;
// its in-process work already under way is not stopped (a real SIGKILL would stop it too; the job
// runner's crash recovery is tested with SIGKILL in test/jobs/sync-kill.test.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS } from '../../src/fake-slack/fake-slack.js';
import { postCommand } from '../../src/fake-slack/signing.js';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { redisServerMissing, serviceMissing, startPrivateRedis } from '../coordination/support.js';
import { auditOf, deliveriesOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const missing = redisServerMissing();
if (missing) serviceMissing('three replicas', missing);
const OMNI_LIMIT = 60;

let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let replicas: TestApp[] = [];
let proxy: Server;
let proxyUrl: string;

/**
 * Round-robin over the replicas. Like a load balancer's default (nginx `proxy_next_upstream error`), a replica
 * that refuses the connection is skipped for the next one: nothing reached it. A request cut off after it was
 * sent fails (502): Slack shows the person an error (and retries an event), so nothing is lost silently.
 */
function startProxy(targets: () => string[]): Promise<Server> {
  let next = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const all = targets();
    for (let attempt = 0; attempt < all.length; attempt += 1) {
      const target = all[next++ % all.length];
      try {
        const answer = await fetch(`${target}${req.url ?? '/'}`, {
          method: req.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length') as [string, string][],
          ),
          body: Buffer.concat(chunks),
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
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

beforeAll(async () => {
  if (missing) return;
  redis = await startPrivateRedis();
  const env = { REDIS_URL: redis.url };
  const first = await startTestApp({
    env,
    redisPrefix: 'replicas',
    sandbox: { rateLimitPerMinute: OMNI_LIMIT },
    connect: false,
  });
  await first.connect({ rateLimitPerMinute: OMNI_LIMIT });
  replicas = [first];
  for (let i = 0; i < 2; i += 1) {
    const replica = await startTestApp({ env, redisPrefix: 'replicas', replicaOf: first, connect: false });
    await replica.connect({ rateLimitPerMinute: OMNI_LIMIT });
    replicas.push(replica);
  }
  proxy = await startProxy(() => replicas.map((r) => r.url));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  if (missing) return;
  await new Promise((resolve) => proxy.close(resolve));
  for (const r of replicas.slice().reverse()) await r.close();
  await redis.stop();
});

describe.skipIf(missing !== undefined)('three replicas behind one URL', () => {
  it('a burst of 300 commands, one replica dropped half-way: every acknowledged command is answered', async () => {
    const [first] = replicas as [TestApp];
    const slack = first.slack;
    const user = first.users.member;
    const sent: { status: number; responseUrl: string; omni: boolean }[] = [];
    const one = async (i: number) => {
      // One in ten asks Omni (the list); the rest are answered by the app alone.
      const omni = i % 10 === 0;
      const responseUrl = slack.newResponseUrl({ channel: 'C0000GEN1', userId: user.id });
      const res = await postCommand(proxyUrl, first.signingSecret, {
        user_id: user.id,
        text: omni ? 'list' : 'help',
        team_id: FAKE_DEFAULTS.teamId,
        channel_id: 'C0000GEN1',
        channel_name: 'general',
        response_url: responseUrl,
        trigger_id: slack.newTriggerId({ userId: user.id }),
      });
      sent.push({ status: res.status, responseUrl, omni });
    };
    // Waves of 25 at once; the second replica goes away while the seventh wave is in flight.
    for (let wave = 0; wave < 12; wave += 1) {
      const requests = Array.from({ length: 25 }, (_, k) => one(wave * 25 + k));
      if (wave === 6) replicas[1]?.dropConnections();
      await Promise.all(requests);
    }
    expect(sent).toHaveLength(300);
    const acked = sent.filter((s) => s.status === 200);
    // A request the dropped replica never answered fails at the proxy: Slack tells the person, nothing is lost
    // silently. Every acknowledged one got its answer.
    expect(sent.every((s) => s.status === 200 || s.status === 502)).toBe(true);
    expect(acked.length).toBeGreaterThanOrEqual(200);
    for (const s of acked) expect(slack.responsesTo(s.responseUrl).length).toBeGreaterThan(0);
    expect(first.sandbox.state.requests.filter((r) => r.status === 429)).toEqual([]);
  }, 120_000);

  it('a double click landing on two replicas runs the schedule once', async () => {
    const [a, , c] = replicas as [TestApp, TestApp, TestApp];
    const id = SEEDED_SCHEDULE_IDS.orders2;
    await a.command(`share ${id}`);
    const card = a.slack.messagesIn('C0000GEN1').at(-1);
    if (!card) throw new Error('the card was not posted');
    const click = (app: TestApp) =>
      app.action({ actionId: ActionIds.runNowButton, value: id, message: { ts: card.ts, blocks: card.blocks } });
    await Promise.all([click(a), click(c)]);
    expect(deliveriesOf(a, id)).toHaveLength(1);
    expect([...auditOf(a, 'run', id), ...auditOf(c, 'run', id)].sort()).toEqual(['ok', 'refused']);
  }, 60_000);
});
