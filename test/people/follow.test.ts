import { describe, expect, it } from 'vitest';
import { FollowEvents, type FollowOutcome } from '../../src/people/index.js';
import { useContract } from '../contract/support.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { FakeDirectory } from '../recipients/fake-directory.js';
import { emailsOf, peopleDeps, seedEmailSchedules, startRunner, WORKSPACE } from './support.js';

const ctx = useContract();

async function setUp() {
  const directory = new FakeDirectory();
  for (const id of ['U1', 'U2', 'U4', 'U5', 'U6']) directory.person(id);
  directory.person('U3', { is_restricted: true }); // a guest
  directory.person('UBOT', { is_bot: true });
  directory.channels.set('C1', ['U1', 'U2', 'U3', 'U4', 'UBOT']);
  directory.groups.set('S1', ['U5']);
  const cache = memoryCache(() => ctx.clock.now());
  const slack = { directory, settings: { includeGuests: false, includeExternal: false } };
  const jobs = await startRunner(
    cache,
    peopleDeps(cache, ctx.client, () => ctx.clock.now(), slack),
  );
  const events = new FollowEvents(jobs, { cache });
  // U4 already receives the report, added by hand: the follow must never take them off.
  const [scheduleId] = seedEmailSchedules(ctx.sandbox, 1, () => ['u4@example.com', 'boss@example.com']);
  return { directory, jobs, events, scheduleId: scheduleId as string };
}

async function settle(
  jobs: Awaited<ReturnType<typeof startRunner>>,
  queued: { id: string }[],
): Promise<FollowOutcome[]> {
  const records = await Promise.all(queued.map((q) => jobs.finished(q.id)));
  for (const record of records) expect(record.error).toBeUndefined();
  return records.map((r) => r.result as FollowOutcome);
}

describe('a schedule that follows a channel', () => {
  it('adds the members the rules allow, then follows joins and leaves; hand-added recipients stay', async () => {
    const { jobs, events, scheduleId } = await setUp();
    const [start] = await settle(jobs, [
      await events.follow(WORKSPACE, scheduleId, { kind: 'channel', id: 'C1' }, 'UADMIN'),
    ]);
    expect(start?.added.sort()).toEqual(['u1@example.com', 'u2@example.com']);
    expect(start?.skipped.map((s) => s.code).sort()).toEqual(['bot', 'guest']);
    expect(emailsOf(ctx.sandbox, scheduleId)).toEqual([
      'boss@example.com',
      'u1@example.com',
      'u2@example.com',
      'u4@example.com',
    ]);
    expect(await events.followOf(WORKSPACE, scheduleId)).toMatchObject({
      source: { kind: 'channel', id: 'C1' },
      by: 'UADMIN',
    });

    await settle(jobs, await events.joined(WORKSPACE, 'U6', 'C1'));
    await settle(jobs, await events.left(WORKSPACE, 'U1', 'C1'));
    await settle(jobs, await events.left(WORKSPACE, 'U4', 'C1'));
    expect(emailsOf(ctx.sandbox, scheduleId)).toEqual([
      'boss@example.com',
      'u2@example.com',
      'u4@example.com',
      'u6@example.com',
    ]);

    // The same event twice (Slack retries) changes nothing more.
    const again = await settle(jobs, await events.joined(WORKSPACE, 'U6', 'C1'));
    expect(again[0]).toMatchObject({ added: [], removed: [] });

    // A guest joining is left out with the same reason `/schedule add` gives.
    const guest = await settle(jobs, await events.joined(WORKSPACE, 'U3', 'C1'));
    expect(guest[0]?.skipped[0]).toMatchObject({ code: 'guest', who: { kind: 'user', id: 'U3' } });
    expect(emailsOf(ctx.sandbox, scheduleId)).not.toContain('u3@example.com');
    await jobs.close();
  });

  it('catches missed events on the daily reconcile, without removing anyone added by hand', async () => {
    const { directory, jobs, events, scheduleId } = await setUp();
    await settle(jobs, [await events.follow(WORKSPACE, scheduleId, { kind: 'channel', id: 'C1' }, 'UADMIN')]);
    // Events lost while the app was down: U2 and U4 left, U6 joined.
    directory.channels.set('C1', ['U1', 'U3', 'U6', 'UBOT']);
    const [outcome] = await settle(jobs, await events.reconcileAll(WORKSPACE));
    expect(outcome).toMatchObject({ added: ['u6@example.com'], removed: ['u2@example.com'] });
    expect(emailsOf(ctx.sandbox, scheduleId)).toEqual([
      'boss@example.com',
      'u1@example.com',
      'u4@example.com',
      'u6@example.com',
    ]);
    // Nothing to do the next day.
    const [next] = await settle(jobs, await events.reconcileAll(WORKSPACE));
    expect(next).toMatchObject({ added: [], removed: [] });
    await jobs.close();
  });

  it('changes nobody when the channel cannot be read', async () => {
    const { directory, jobs, events, scheduleId } = await setUp();
    await settle(jobs, [await events.follow(WORKSPACE, scheduleId, { kind: 'channel', id: 'C1' }, 'UADMIN')]);
    directory.channels.delete('C1');
    const [outcome] = await settle(jobs, await events.reconcileAll(WORKSPACE));
    expect(outcome?.removed).toEqual([]);
    expect(outcome?.skipped[0]).toMatchObject({ code: 'channel_not_found' });
    expect(emailsOf(ctx.sandbox, scheduleId)).toContain('u1@example.com');
    await jobs.close();
  });

  it('follows a user group, and unfollowing keeps the current recipients', async () => {
    const { directory, jobs, events, scheduleId } = await setUp();
    await settle(jobs, [await events.follow(WORKSPACE, scheduleId, { kind: 'usergroup', id: 'S1' }, 'UADMIN')]);
    expect(emailsOf(ctx.sandbox, scheduleId)).toContain('u5@example.com');
    directory.groups.set('S1', ['U1']);
    await settle(jobs, await events.groupChanged(WORKSPACE, 'S1', ['U1'], ['U5']));
    expect(emailsOf(ctx.sandbox, scheduleId)).toEqual(['boss@example.com', 'u1@example.com', 'u4@example.com']);

    expect(await events.unfollow(WORKSPACE, scheduleId)).toBe(true);
    expect(await events.followOf(WORKSPACE, scheduleId)).toBeUndefined();
    expect(await events.groupChanged(WORKSPACE, 'S1', [], ['U1'])).toEqual([]);
    expect(emailsOf(ctx.sandbox, scheduleId)).toEqual(['boss@example.com', 'u1@example.com', 'u4@example.com']);
    await jobs.close();
  });
});

describe('what cannot follow', () => {
  it('refuses a schedule that does not deliver by email, and ends the follow of a deleted schedule', async () => {
    const { jobs, events, scheduleId } = await setUp();
    const webhook = [...ctx.sandbox.state.schedules.values()].find((s) => s.destination.type === 'webhook');
    const refused = await jobs.finished(
      (await events.follow(WORKSPACE, webhook?.id as string, { kind: 'channel', id: 'C1' }, 'U')).id,
    );
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused.error).toContain('Only email schedules can follow a channel or group: this one delivers by webhook');
    expect(await events.followOf(WORKSPACE, webhook?.id as string)).toBeUndefined();

    await settle(jobs, [await events.follow(WORKSPACE, scheduleId, { kind: 'channel', id: 'C1' }, 'U')]);
    ctx.sandbox.state.schedules.delete(scheduleId);
    const [outcome] = await settle(jobs, await events.joined(WORKSPACE, 'U6', 'C1'));
    expect(outcome).toMatchObject({ notFollowing: true });
    expect(await events.followOf(WORKSPACE, scheduleId)).toBeUndefined();
    await jobs.close();
  });
});
