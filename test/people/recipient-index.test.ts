import { describe, expect, it } from 'vitest';
import {
  enqueueIndexCrawl,
  type IndexCrawlResult,
  RecipientIndexStore,
  workspaceRecipientIndex,
} from '../../src/people/index.js';
import { useContract } from '../contract/support.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { FakeDirectory } from '../recipients/fake-directory.js';
import { peopleDeps, seedEmailSchedules, startRunner, WORKSPACE } from './support.js';

const ctx = useContract();

async function crawl(jobs: Awaited<ReturnType<typeof startRunner>>): Promise<IndexCrawlResult> {
  const { id } = await enqueueIndexCrawl(jobs, WORKSPACE);
  const record = await jobs.finished(id);
  expect(record.error).toBeUndefined();
  return record.result as IndexCrawlResult;
}

describe('the recipient index', () => {
  it('finds the schedules an address receives, and re-reads only schedules whose recipient count changed', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const slack = { directory: new FakeDirectory(), settings: { includeGuests: false, includeExternal: false } };
    const jobs = await startRunner(
      cache,
      peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack),
    );
    const ids = seedEmailSchedules(ctx.sandbox, 100, (i) =>
      i % 10 === 0 ? ['alice@example.com', 'bob@example.com'] : ['bob@example.com'],
    );
    const emailSchedules = [...ctx.sandbox.state.schedules.values()].filter(
      (s) => s.destination.type === 'email',
    ).length;
    const listPages = Math.ceil(emailSchedules / 100);

    const first = await crawl(jobs);
    expect(first).toMatchObject({
      listed: emailSchedules,
      read: emailSchedules,
      full: true,
      omniCalls: listPages + emailSchedules,
    });
    const index = workspaceRecipientIndex(new RecipientIndexStore(cache), WORKSPACE);
    const alice = await index.schedulesDeliveringTo('Alice@Example.com');
    expect(alice.complete).toBe(true);
    expect([...alice.scheduleIds].sort()).toEqual(ids.filter((_, i) => i % 10 === 0).sort());
    expect(alice.asOf).toBe(new Date(ctx.clock.now()).toISOString());

    // Nothing changed: one list pass, no recipients read.
    expect(await crawl(jobs)).toMatchObject({ read: 0, omniCalls: listPages, full: false });

    // Someone adds Alice to one more schedule in Omni: the list's count moves, so only that one is read.
    await ctx.client.addRecipients(ids[1] as string, { emails: ['alice@example.com'] });
    expect(await crawl(jobs)).toMatchObject({ read: 1, omniCalls: listPages + 1 });
    expect((await index.schedulesDeliveringTo('alice@example.com')).scheduleIds.has(ids[1] as string)).toBe(true);

    // A day later the pass is full again: a swap that kept the count is caught.
    await ctx.client.removeRecipients(ids[2] as string, { emails: ['bob@example.com'] });
    await ctx.client.addRecipients(ids[2] as string, { emails: ['carol@example.com'] });
    expect(await crawl(jobs)).toMatchObject({ read: 0 });
    await ctx.clock.sleep(24 * 3600_000);
    expect(await crawl(jobs)).toMatchObject({ read: emailSchedules, full: true });
    expect([...(await index.schedulesDeliveringTo('carol@example.com')).scheduleIds]).toEqual([ids[2]]);
    await jobs.close();
  });

  it('says it is incomplete before the first pass has finished', async () => {
    const index = workspaceRecipientIndex(new RecipientIndexStore(memoryCache(Date.now)), WORKSPACE);
    const answer = await index.schedulesDeliveringTo('alice@example.com');
    expect(answer).toMatchObject({ complete: false });
    expect(answer.asOf).toMatch(/^never/);
    expect(answer.scheduleIds.size).toBe(0);
  });
});
