// Two replicas on one Redis (BullMQ) and one store: a replica killed halfway through offboarding is taken
// over by the other without changing any schedule twice, and one event delivered to both changes Omni once.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnections } from '../../src/coordination/redis.js';
import { BullmqJobs } from '../../src/jobs/index.js';
import {
  enqueueOffboarding,
  type FollowDeps,
  FollowEvents,
  type OffboardSummary,
  registerPeopleJobs,
} from '../../src/people/index.js';
import { useContract } from '../contract/support.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from '../coordination/support.js';
import { FakeDirectory } from '../recipients/fake-directory.js';
import { emailsOf, peopleDeps, seedEmailSchedules, WORKSPACE } from './support.js';

const reason = await redisUnreachable();
const ctx = useContract();

describe('people jobs on two replicas', () => {
  if (reason) {
    serviceMissing('people jobs on BullMQ', reason);
    return;
  }
  const prefix = uniquePrefix();
  const opened: RedisConnections[] = [];
  afterAll(async () => {
    for (const connections of opened) await connections.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function replica(deps: FollowDeps): Promise<BullmqJobs> {
    const connections = connectRedis(REDIS_URL);
    opened.push(connections);
    const jobs = new BullmqJobs({ connections, prefix, lockMs: 1_000, busyRetryMs: 100, onError: () => undefined });
    registerPeopleJobs(jobs, deps);
    await jobs.start();
    return jobs;
  }

  const calls = (path: string) => ctx.sandbox.state.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(path));

  it('takes over a killed replica’s offboarding from its checkpoint, and applies a repeated join once', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const directory = new FakeDirectory();
    directory.person('U1');
    directory.channels.set('C1', []);
    const slack = { directory, settings: { includeGuests: false, includeExternal: false } };
    let paced = 0;
    const dying = peopleDeps(
      cache,
      ctx.client,
      () => ctx.clock.now(),
      slack,
      () => {
        paced += 1;
        return paced > 2 ? new Promise<void>(() => undefined) : Promise.resolve();
      },
    );
    const a = await replica(dying);
    const ids = seedEmailSchedules(ctx.sandbox, 4, () => ['leaver@example.com', 'stays@example.com']);
    const steps = ids.map((scheduleId, i) => ({ scheduleId, name: `Report ${i}`, action: 'remove' as const }));
    const { id } = await enqueueOffboarding(a, { workspace: WORKSPACE, email: 'leaver@example.com', steps });
    await expect.poll(() => paced, { timeout: 10_000 }).toBe(3);
    await a.abandon();

    const b = await replica(peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack));
    const record = await b.finished(id);
    expect((record.result as OffboardSummary).removed).toBe(4);
    for (const scheduleId of ids) {
      expect(emailsOf(ctx.sandbox, scheduleId)).toEqual(['stays@example.com']);
      expect(calls(`${scheduleId}/remove-recipients`)).toHaveLength(1);
    }

    // A follow, then the same join reaching both replicas (a Slack retry answered by the other one).
    const c = await replica(peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack));
    const [followed] = seedEmailSchedules(ctx.sandbox, 1, () => ['boss@example.com']);
    const scheduleId = followed as string;
    const onB = new FollowEvents(b, { cache });
    const onC = new FollowEvents(c, { cache });
    await b.finished((await onB.follow(WORKSPACE, scheduleId, { kind: 'channel', id: 'C1' }, 'UADMIN')).id);
    directory.channels.set('C1', ['U1']);
    const queued = [...(await onB.joined(WORKSPACE, 'U1', 'C1')), ...(await onC.joined(WORKSPACE, 'U1', 'C1'))];
    for (const q of queued) expect((await b.finished(q.id)).status).toBe('done');
    expect(emailsOf(ctx.sandbox, scheduleId)).toEqual(['boss@example.com', 'u1@example.com']);
    expect(calls(`${scheduleId}/add-recipients`)).toHaveLength(1);
    await b.close();
    await c.close();
  }, 30_000);
});
