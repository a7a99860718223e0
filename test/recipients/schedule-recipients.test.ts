import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OmniSandbox, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { type AddOutcome, addToSchedule, type RemoveOutcome, removeFromSchedule } from '../../src/recipients/index.js';
import { flowContext, requests, startFlowSandbox } from './support.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const SLACK_SCHEDULE = SEEDED_SCHEDULE_IDS.dailySlackUpdate;

let sandbox: OmniSandbox;
beforeAll(async () => {
  sandbox = await startFlowSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function recipientEmails(id: string): string[] {
  const schedule = sandbox.state.schedules.get(id);
  if (schedule?.destination.type !== 'email') throw new Error('not an email schedule');
  return schedule.destination.recipients
    .map(
      (r) =>
        sandbox.state.members.get(r.userId)?.email ?? sandbox.state.findEmailOnlyUserById(r.userId)?.email ?? r.userId,
    )
    .sort();
}

describe('adding to a schedule', () => {
  it('adds new people, tells who already received it, and passes skipped entries through', async () => {
    const ctx = flowContext(sandbox);
    ctx.directory.person('U1', { email: 'ann@example.com' });
    ctx.directory.person('UBOT', { is_bot: true });
    const outcome = (await addToSchedule(
      ctx,
      ORDERS,
      [
        { kind: 'user', id: 'U1' },
        { kind: 'user', id: 'UBOT' },
        { kind: 'email', email: 'blob.ross@blobsrus.com' },
      ],
      [{ who: { kind: 'text', text: 'bob' }, code: 'invalid', reason: 'is not…' }],
    )) as AddOutcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.scheduleName).toBe('Orders');
    expect(outcome.added.map((r) => [r.email, r.slackUserId])).toEqual([['ann@example.com', 'U1']]);
    expect(outcome.already.map((r) => r.email)).toEqual(['blob.ross@blobsrus.com']);
    expect(outcome.skipped.map((s) => s.code)).toEqual(['invalid', 'bot']);
    expect(outcome.omniAddedCount).toBe(1);
    expect(recipientEmails(ORDERS)).toContain('ann@example.com');
    // plain_email: Omni makes the email-only user itself; no SCIM look-up, no bulk call.
    expect(requests(sandbox).filter((r) => r.startsWith('PUT'))).toEqual([
      `PUT /api/v1/schedules/${ORDERS}/add-recipients`,
    ]);
    expect(requests(sandbox).some((r) => r.includes('scim') || r.includes('email-only'))).toBe(false);
  });

  it('says plainly that a Slack delivery’s recipients cannot be changed, before any change is sent', async () => {
    const ctx = flowContext(sandbox);
    ctx.directory.person('U1');
    const outcome = await addToSchedule(ctx, SLACK_SCHEDULE, [{ kind: 'user', id: 'U1' }]);
    expect(outcome).toEqual({
      ok: false,
      reason: 'not_email',
      scheduleName: 'Daily Slack update',
      destinationType: 'slack',
    });
    expect(requests(sandbox).every((r) => r.startsWith('GET'))).toBe(true);
    expect(ctx.directory.calls).toEqual([]); // nobody was looked up in Slack either
  });

  it('with the email-only policy, creates non-members first with time zone and mapped attributes', async () => {
    const ctx = flowContext(sandbox, {
      nonMemberPolicy: 'email_only_user',
      attributeMappings: { region: 'title' },
    });
    ctx.directory.person('U1', { email: 'ann@example.com', tz: 'Asia/Tokyo', profile: { title: 'APAC' } });
    ctx.directory.person('U2', { email: 'blobby.hill@blobsrus.com' }); // a member
    const outcome = (await addToSchedule(ctx, SEEDED_SCHEDULE_IDS.externalUsers, [
      { kind: 'user', id: 'U1' },
      { kind: 'user', id: 'U2' },
    ])) as AddOutcome;
    expect(outcome.failed).toEqual([]);
    expect(outcome.added.map((r) => r.email)).toEqual(['ann@example.com', 'blobby.hill@blobsrus.com']);
    expect(outcome.emailOnly).toEqual({ created: ['ann@example.com'], updated: [], createdOrUpdated: [], failed: [] });
    expect(sandbox.state.emailOnlyUsers.get('ann@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Asia/Tokyo',
      region: ['APAC'],
    });
    expect(ctx.progress).toContainEqual({ stage: 'email_only', done: 1, total: 1 });
    expect(recipientEmails(SEEDED_SCHEDULE_IDS.externalUsers)).toEqual([
      'ann@example.com',
      'blobby.hill@blobsrus.com',
      'partner@blobsrus-partners.com',
    ]);
  });

  it('tells an updated email-only user from a created one', async () => {
    const ctx = flowContext(sandbox, { nonMemberPolicy: 'email_only_user' });
    const outcome = (await addToSchedule(ctx, SEEDED_SCHEDULE_IDS.query, [
      { kind: 'email', email: 'partner@blobsrus-partners.com' },
      { kind: 'email', email: 'new@blobsrus.com' },
    ])) as AddOutcome;
    expect(outcome.emailOnly).toMatchObject({
      created: ['new@blobsrus.com'],
      updated: ['partner@blobsrus-partners.com'],
    });
  });

  it('reports a person Omni refuses with Omni’s detail, and still adds the others', async () => {
    const ctx = flowContext(sandbox, { nonMemberPolicy: 'email_only_user' });
    ctx.directory.person('U1', { email: 'ann@example.com', tz: 'Mars/Olympus_Mons' }); // not IANA: not sent
    ctx.directory.person('U2', { email: 'bo@example.com', tz: 'Europe/Paris' });
    sandbox.state.userAttributes.splice(0, sandbox.state.userAttributes.length); // Omni lost its attributes
    const outcome = (await addToSchedule(ctx, SEEDED_SCHEDULE_IDS.query, [
      { kind: 'user', id: 'U1' },
      { kind: 'user', id: 'U2' },
    ])) as AddOutcome;
    expect(outcome.added.map((r) => r.email)).toEqual(['ann@example.com']);
    expect(outcome.failed).toEqual([
      {
        email: 'bo@example.com',
        slackUserId: 'U2',
        detail:
          'The provided user attributes: "omni_user_timezone" do not match the names of existing user attributes.',
      },
    ]);
  });
});

describe('removing from a schedule', () => {
  it('removes recipients, and names those who were not recipients', async () => {
    const ctx = flowContext(sandbox);
    ctx.directory.person('UGONE', { email: 'blobby.hill@blobsrus.com', deleted: true });
    const outcome = (await removeFromSchedule(ctx, ORDERS, [
      { kind: 'user', id: 'UGONE' },
      { kind: 'email', email: 'BLOBMANAGER@myorg.co' },
      { kind: 'email', email: 'stranger@else.org' },
    ])) as RemoveOutcome;
    expect(outcome.removed.map((r) => r.email)).toEqual(['blobby.hill@blobsrus.com', 'BLOBMANAGER@myorg.co']);
    expect(outcome.notRecipients.map((r) => r.email)).toEqual(['stranger@else.org']);
    expect(outcome.omniRemovedCount).toBe(2);
    expect(recipientEmails(ORDERS)).toEqual(['blob.ross@blobsrus.com']);
  });

  it('sends nothing when nobody named is a recipient', async () => {
    const ctx = flowContext(sandbox);
    const outcome = (await removeFromSchedule(ctx, ORDERS, [{ kind: 'email', email: 'x@y.co' }])) as RemoveOutcome;
    expect(outcome.removed).toEqual([]);
    expect(requests(sandbox).some((r) => r.includes('remove-recipients'))).toBe(false);
  });

  it('refuses a Slack delivery before sending anything', async () => {
    const ctx = flowContext(sandbox);
    const outcome = await removeFromSchedule(ctx, SLACK_SCHEDULE, [{ kind: 'email', email: 'x@y.co' }]);
    expect(outcome).toMatchObject({ ok: false, reason: 'not_email', destinationType: 'slack' });
  });
});

describe('a change resumed after a crash (a job’s ledger of chunks)', () => {
  const sentBodies = (path: string) =>
    sandbox.state.requests.filter((r) => r.path.endsWith(path)).map((r) => (r.body as { emails: string[] }).emails);

  it('counts who an earlier run added as added, sends only the rest, and saves the ledger after each chunk', async () => {
    const ctx = flowContext(sandbox);
    ctx.directory.person('U1', { email: 'ann@example.com' });
    ctx.directory.person('U2', { email: 'ben@example.com' });
    await ctx.omni.addRecipients(ORDERS, { emails: ['ann@example.com'] }); // the earlier run's chunk
    sandbox.state.requests.length = 0;
    const saves: unknown[] = [];
    ctx.changeLedger = {
      earlier: { done: ['ann@example.com'], failed: [], count: 1 },
      save: async (record) => void saves.push(record),
    };
    const outcome = (await addToSchedule(ctx, ORDERS, [
      { kind: 'user', id: 'U1' },
      { kind: 'user', id: 'U2' },
    ])) as AddOutcome;
    expect(outcome.added.map((r) => r.email)).toEqual(['ann@example.com', 'ben@example.com']);
    expect(outcome.already).toEqual([]);
    expect(outcome.omniAddedCount).toBe(2);
    expect(sentBodies('/add-recipients')).toEqual([['ben@example.com']]);
    expect(saves).toEqual([{ done: ['ann@example.com', 'ben@example.com'], failed: [], count: 2 }]);
    expect(recipientEmails(ORDERS)).toEqual(expect.arrayContaining(['ann@example.com', 'ben@example.com']));
  });

  it('counts who an earlier run removed as removed, not as “not a recipient”', async () => {
    const ctx = flowContext(sandbox);
    ctx.directory.person('U1', { email: 'ann@example.com' });
    ctx.directory.person('U2', { email: 'ben@example.com' });
    await ctx.omni.addRecipients(ORDERS, { emails: ['ben@example.com'] }); // ann was removed before the crash
    sandbox.state.requests.length = 0;
    ctx.changeLedger = { earlier: { done: ['ann@example.com'], failed: [], count: 1 }, save: async () => undefined };
    const outcome = (await removeFromSchedule(ctx, ORDERS, [
      { kind: 'user', id: 'U1' },
      { kind: 'user', id: 'U2' },
    ])) as RemoveOutcome;
    expect(outcome.removed.map((r) => r.email)).toEqual(['ann@example.com', 'ben@example.com']);
    expect(outcome.notRecipients).toEqual([]);
    expect(outcome.omniRemovedCount).toBe(2);
    expect(sentBodies('/remove-recipients')).toEqual([['ben@example.com']]);
    expect(recipientEmails(ORDERS)).not.toContain('ben@example.com');
  });
});
