import { describe, expect, it } from 'vitest';
import { StoreClaims } from '../../src/coordination/claims.js';
import {
  departure,
  enqueueIndexCrawl,
  FollowEvents,
  type IndexCrawlResult,
  peopleTick,
} from '../../src/people/index.js';
import { useContract } from '../contract/support.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { FakeDirectory } from '../recipients/fake-directory.js';
import { peopleDeps, seedEmailSchedules, startRunner, WORKSPACE } from './support.js';

const ctx = useContract();

describe('keeping people features current', () => {
  it('crawls when the index is an hour old and reconciles once a day, once across two replicas', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const slack = { directory: new FakeDirectory(), settings: { includeGuests: false, includeExternal: false } };
    const deps = peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack);
    const jobs = await startRunner(cache, deps);
    const claims = new StoreClaims(cache, () => ctx.clock.now());
    const replica = {
      ...deps,
      jobs,
      follows: new FollowEvents(jobs, deps),
      claims,
      workspaces: async () => [WORKSPACE],
    };

    expect(await peopleTick(replica)).toEqual({ crawled: [WORKSPACE], reconciled: [WORKSPACE] });
    // The other replica's tick a moment later: both pieces are taken.
    expect(await peopleTick({ ...replica, claims: new StoreClaims(cache, () => ctx.clock.now()) })).toEqual({
      crawled: [],
      reconciled: [],
    });
    const crawls = () =>
      ctx.sandbox.state.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/schedules').length;
    await expect.poll(crawls).toBe(1);
    await ctx.clock.sleep(61 * 60_000);
    await expect.poll(async () => (await peopleTick(replica)).crawled).toEqual([WORKSPACE]);
    await jobs.close();
  });

  it('announces a deactivated person once, with what they receive', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const slack = { directory: new FakeDirectory(), settings: { includeGuests: false, includeExternal: false } };
    const deps = peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack);
    const jobs = await startRunner(cache, deps);
    const [id] = seedEmailSchedules(ctx.sandbox, 1, () => ['gone@example.com']);
    const crawl = await jobs.finished((await enqueueIndexCrawl(jobs, WORKSPACE)).id);
    expect((crawl.result as IndexCrawlResult).read).toBeGreaterThan(0);
    const claims = new StoreClaims(cache, () => ctx.clock.now());
    const user = { id: 'U9', deleted: true, profile: { email: 'gone@example.com' } };

    expect(await departure({ ...deps, claims }, WORKSPACE, { ...user, deleted: false })).toBeNull();
    const report = await departure({ ...deps, claims }, WORKSPACE, user);
    expect(report).toMatchObject({ email: 'gone@example.com', omniUserId: null, owns: [], complete: true });
    expect(report?.receives.map((s) => s.id)).toEqual([id]);
    // Slack sends user_change again on the next edit: no second message.
    expect(await departure({ ...deps, claims }, WORKSPACE, user)).toBeNull();
    await jobs.close();
  });
});
