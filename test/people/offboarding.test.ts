import { describe, expect, it } from 'vitest';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID } from '../../src/omni-sandbox/index.js';
import {
  enqueueIndexCrawl,
  enqueueOffboarding,
  type FollowDeps,
  type OffboardEvent,
  type OffboardSummary,
  offboardingReport,
  RecipientIndexStore,
  removeEverywhereSteps,
  transferSteps,
  transferTarget,
} from '../../src/people/index.js';
import { useContract } from '../contract/support.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { FakeDirectory } from '../recipients/fake-directory.js';
import { emailsOf, peopleDeps, seedEmailSchedules, startRunner, WORKSPACE } from './support.js';

const ctx = useContract();
const LEAVER = 'blobby.hill@blobsrus.com';
const slack = { directory: new FakeDirectory(), settings: { includeGuests: false, includeExternal: false } };

function removeCalls(scheduleId: string): number {
  return ctx.sandbox.state.requests.filter(
    (r) => r.method === 'PUT' && r.path.endsWith(`${scheduleId}/remove-recipients`),
  ).length;
}

describe('offboarding someone who left', () => {
  it('finds every schedule they receive and own, removes them from all in one job, and hands their schedules over', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const deps = peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack);
    const jobs = await startRunner(cache, deps);
    const theirs = seedEmailSchedules(ctx.sandbox, 6, (i) =>
      i % 2 === 0 ? [LEAVER, 'ann@example.com'] : ['ann@example.com'],
    );
    const receiving = [...ctx.sandbox.state.schedules.values()]
      .filter((s) => emailsOf(ctx.sandbox, s.id).includes(LEAVER))
      .map((s) => s.id)
      .sort();
    expect(receiving).toHaveLength(5); // three seeded here, two in the sandbox's own organization
    await jobs.finished((await enqueueIndexCrawl(jobs, WORKSPACE)).id);

    const report = await offboardingReport(deps, WORKSPACE, 'Blobby.Hill@blobsrus.com');
    expect(report.omniUserId).toBe(BLOBBY_HILL_ID);
    expect(report.receives.map((s) => s.id).sort()).toEqual(receiving);
    const owned = [...ctx.sandbox.state.schedules.values()].filter(
      (s) => s.ownerId === BLOBBY_HILL_ID && s.destination.type === 'email',
    );
    expect(report.owns.map((s) => s.id).sort()).toEqual(owned.map((s) => s.id).sort());
    expect(report.complete).toBe(true);

    const { id } = await enqueueOffboarding(jobs, {
      workspace: WORKSPACE,
      email: LEAVER,
      steps: removeEverywhereSteps(report),
    });
    const done = await jobs.finished(id);
    const summary = done.result as OffboardSummary;
    expect(summary).toMatchObject({ removed: 5, notThere: 0, gone: 0, failed: [] });
    for (const scheduleId of receiving) {
      expect(emailsOf(ctx.sandbox, scheduleId)).not.toContain(LEAVER);
      expect(removeCalls(scheduleId)).toBe(1);
    }
    expect(emailsOf(ctx.sandbox, theirs[1] as string)).toEqual(['ann@example.com']);
    // The index knows at once, without another crawl.
    expect((await new RecipientIndexStore(cache).deliveringTo(WORKSPACE, LEAVER)).schedules).toEqual([]);

    const transfer = await enqueueOffboarding(jobs, {
      workspace: WORKSPACE,
      email: LEAVER,
      steps: transferSteps(report, await transferTarget(deps, WORKSPACE, 'Blob.Ross@blobsrus.com')),
    });
    expect((await jobs.finished(transfer.id)).result).toMatchObject({ transferred: owned.length });
    for (const s of owned) expect(ctx.sandbox.state.schedules.get(s.id)?.ownerId).toBe(BLOB_ROSS_ID);
    await expect(transferTarget(deps, WORKSPACE, 'nobody@example.com')).rejects.toThrow(
      'No Omni user has the email nobody@example.com',
    );
    await jobs.close();
  });

  it('resumes after a crash from its checkpoint: no schedule is changed twice', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const ids = seedEmailSchedules(ctx.sandbox, 5, () => ['leaver@example.com', 'stays@example.com']);
    const steps = ids.map((scheduleId, i) => ({ scheduleId, name: `Report ${i}`, action: 'remove' as const }));

    // The first process dies before its third schedule: its handler never returns.
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
    const first = await startRunner(cache, dying);
    const { id } = await enqueueOffboarding(first, { workspace: WORKSPACE, email: 'Leaver@example.com', steps });
    await expect.poll(() => paced).toBe(3);
    expect(ids.map((s) => emailsOf(ctx.sandbox, s).includes('leaver@example.com'))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);

    const second = await startRunner(
      cache,
      peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack),
    );
    const record = await second.finished(id);
    expect(record.result).toMatchObject({ removed: 5, notThere: 0 });
    for (const scheduleId of ids) {
      expect(emailsOf(ctx.sandbox, scheduleId)).toEqual(['stays@example.com']);
      expect(removeCalls(scheduleId)).toBe(1);
    }
    await second.close();
  });

  it('reports a schedule deleted meanwhile and carries on with the others', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const jobs = await startRunner(
      cache,
      peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack),
    );
    const ids = seedEmailSchedules(ctx.sandbox, 3, () => ['leaver@example.com']);
    ctx.sandbox.state.schedules.delete(ids[1] as string);
    const steps = ids.map((scheduleId, i) => ({ scheduleId, name: `Report ${i}`, action: 'remove' as const }));
    const { id } = await enqueueOffboarding(jobs, { workspace: WORKSPACE, email: 'leaver@example.com', steps });
    const summary = (await jobs.finished(id)).result as OffboardSummary;
    expect(summary).toMatchObject({ removed: 2, gone: 1 });
    expect(summary.results[1]).toMatchObject({ scheduleId: ids[1], outcome: 'gone' });
    await jobs.close();
  });

  it('tells its message half-way and then the summary, or why it stopped, from the job itself', async () => {
    const cache = memoryCache(() => ctx.clock.now());
    const told: { ts: string | undefined; event: OffboardEvent }[] = [];
    const deps: FollowDeps = {
      ...peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack),
      offboardingUpdate: async (data, event) => {
        told.push({ ts: data.message?.ts, event });
      },
    };
    const jobs = await startRunner(cache, deps);
    const ids = seedEmailSchedules(ctx.sandbox, 5, () => ['leaver@example.com']);
    const steps = ids.map((scheduleId, i) => ({ scheduleId, name: `Report ${i}`, action: 'remove' as const }));
    const message = { channel: 'D0ADMIN01', ts: '1.0' };
    const { id } = await enqueueOffboarding(jobs, {
      workspace: WORKSPACE,
      email: 'leaver@example.com',
      steps,
      message,
    });
    await jobs.finished(id);
    expect(told.map((t) => t.ts)).toEqual(['1.0', '1.0']);
    expect(told[0]?.event).toEqual({ type: 'progress', done: 3, total: 5 });
    expect(told[1]?.event).toMatchObject({ type: 'done', summary: { removed: 5 } });

    // Omni down: the job fails, and its message says so.
    told.length = 0;
    await jobs.close();
    const down = await startRunner(cache, { ...deps, omniFor: async () => Promise.reject(new Error('Omni is away')) });
    const failed = await enqueueOffboarding(down, { workspace: WORKSPACE, email: 'other@example.com', steps, message });
    expect((await down.finished(failed.id)).status).toBe('failed');
    expect(told.map((t) => t.event)).toEqual([{ type: 'stopped', error: 'Omni is away' }]);
    await down.close();
  });
});
