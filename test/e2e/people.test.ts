// People through the real receiver: a departed person is announced to admins and removed everywhere with
// one click; a followed channel's joins and leaves change Omni's recipients, and the reconcile catches a
// missed event; an offboarding job left by a stopped process is resumed by the next one, changing no
// schedule twice.
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS } from '../../src/fake-slack/fake-slack.js';
import { ActionIds, PeopleActionIds } from '../../src/ids.js';
import { StoreJobs } from '../../src/jobs/index.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID } from '../../src/omni-sandbox/index.js';
import {
  enqueueIndexCrawl,
  enqueueOffboarding,
  type OffboardSummary,
  registerPeopleJobs,
} from '../../src/people/index.js';
import { registerJobHandlers } from '../../src/slack/background.js';
import { workspaceKey } from '../../src/store/index.js';
import { emailsOf, seedEmailSchedules } from '../people/support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LEAVER = 'leaver@example.com';
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Brings the recipient index up to date, as the hourly tick does. */
async function indexNow(app: TestApp): Promise<void> {
  const { id } = await enqueueIndexCrawl(app.jobs, workspaceKey(app.scope));
  const record = await app.jobs.finished(id);
  expect(record.status).toBe('done');
}

function removeCalls(app: TestApp, scheduleId: string): number {
  return app.sandbox.state.requests.filter(
    (r) => r.method === 'PUT' && r.path.endsWith(`${scheduleId}/remove-recipients`),
  ).length;
}

describe('someone leaves', () => {
  it('tells the admins what the departed person receives and removes them from all with one click', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    t = await startTestApp({ now: () => new Date(now) });
    const app = t;
    const leaver = app.addMember({ id: 'U0LEAVER1', name: 'lee', profile: { email: LEAVER } });
    const theirs = seedEmailSchedules(app.sandbox, 3, () => [LEAVER, 'stays@example.com']);
    const others = seedEmailSchedules(app.sandbox, 2, () => ['stays@example.com']);
    // Asked before the index was built, `who` says so and starts reading every schedule.
    const early = await app.command('who stays@example.com');
    expect(JSON.stringify(early.responses[0])).toContain('The app is reading every schedule now');
    await indexNow(app);
    // An hour later the tick refreshes the index of every workspace the app has heard from.
    now += 2 * 3600_000;
    const tick = await app.background.tick();
    expect(tick.crawled).toEqual([workspaceKey(app.scope)]);
    await indexNow(app);

    const who = await app.command(`who <@${leaver.id}|lee>`);
    expect(who.texts[0]).toBe(`<@${leaver.id}> receives 3 schedules by email.`);

    await app.event({ type: 'user_change', user: { ...leaver, deleted: true } });
    const dms = app.slack.messages.filter((m) => m.text?.startsWith(`${LEAVER} was deactivated`));
    // chat.postMessage to a user id lands in the app's DM with them.
    expect(dms.map((m) => m.channel).sort()).toEqual(['D0ADMIN01', 'D0OWNER01']);
    expect(dms[0]?.text).toBe(`${LEAVER} was deactivated: they receive 3 schedules and own 0 schedules.`);
    // Slack sends user_change again on later edits: announced once.
    await app.event({ type: 'user_change', user: { ...leaver, deleted: true, real_name: 'Lee' } });
    expect(app.slack.messages.filter((m) => m.text?.startsWith(`${LEAVER} was deactivated`))).toHaveLength(2);

    // A member may not act on the admins' message.
    const dm = dms[0] as { ts: string; blocks?: unknown[]; text?: string; channel: string };
    const refused = await app.action(
      { actionId: PeopleActionIds.removeFromAll, message: dm, channel: dm.channel },
      { user: app.users.member },
    );
    expect(JSON.stringify(refused.responses)).toContain('Only workspace admins and owners');
    expect(theirs.every((id) => emailsOf(app.sandbox, id).includes(LEAVER))).toBe(true);

    const clicked = await app.action(
      { actionId: PeopleActionIds.removeFromAll, message: dm, channel: dm.channel },
      { user: app.users.admin },
    );
    // The answer points at the progress message in the admin's DM with the app, which ends as the summary.
    expect(clicked.responses.map((r) => String(r.text))).toEqual([
      `:hourglass_flowing_sand: Removing ${LEAVER} from 3 schedules: the progress and the summary are in your DM with the app.`,
    ]);
    expect(app.slack.messagesIn('D0ADMIN01').at(-1)?.text).toBe(`Done: removed ${LEAVER} from 3 schedules.`);
    for (const id of theirs) expect(emailsOf(app.sandbox, id)).toEqual(['stays@example.com']);
    for (const id of others) expect(removeCalls(app, id)).toBe(0);
    expect((await app.command(`who ${LEAVER}`)).texts[0]).toBe(`${LEAVER} receives 0 schedules by email.`);
  });

  it('/schedule remove-everywhere names the count before anything changes (admins only)', async () => {
    t = await startTestApp();
    const app = t;
    const theirs = seedEmailSchedules(app.sandbox, 2, () => [LEAVER]);
    await indexNow(app);

    const member = await app.command(`remove-everywhere ${LEAVER}`);
    expect(member.texts[0]).toContain('Only workspace admins and owners');

    const asked = await app.command(`remove-everywhere ${LEAVER}`, { user: app.users.admin });
    const prompt = asked.responses[0] as {
      blocks: { type: string; elements?: { confirm?: { text: { text: string } } }[] }[];
    };
    expect(asked.texts[0]).toBe(`${LEAVER} receives 2 schedules.`);
    const button = prompt.blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.confirm?.text.text).toBe(
      `Remove ${LEAVER} from the 2 schedules they receive? Nothing else on those schedules changes.`,
    );
    expect(theirs.every((id) => emailsOf(app.sandbox, id).includes(LEAVER))).toBe(true);

    const clicked = await app.action(
      { actionId: PeopleActionIds.removeFromAll, message: { ts: '1.0', blocks: prompt.blocks } },
      { user: app.users.admin },
    );
    expect(clicked.responses.map((r) => String(r.text)).at(-1)).toContain('in your DM with the app');
    expect(app.slack.messagesIn('D0ADMIN01').at(-1)?.text).toBe(`Done: removed ${LEAVER} from 2 schedules.`);
    for (const id of theirs) expect(emailsOf(app.sandbox, id)).toEqual([]);
  });

  it('hands the schedules a departed person owns to the admin-picked new owner', async () => {
    t = await startTestApp();
    const app = t;
    const hill = 'blobby.hill@blobsrus.com';
    const leaver = app.addMember({ id: 'U0HILL001', name: 'hill', profile: { email: hill } });
    const newOwner = app.addMember({ id: 'U0ROSS001', name: 'ross', profile: { email: 'blob.ross@blobsrus.com' } });
    const owned = seedEmailSchedules(
      app.sandbox,
      2,
      () => ['stays@example.com'],
      () => BLOBBY_HILL_ID,
    );
    await indexNow(app);
    // The index lists email schedules (the ones with recipients): those are the ones offered.
    const ownedEmail = () =>
      [...app.sandbox.state.schedules.values()].filter(
        (s) => s.ownerId === BLOBBY_HILL_ID && s.destination.type === 'email',
      );
    const ownedBefore = ownedEmail().length;

    await app.event({ type: 'user_change', user: { ...leaver, deleted: true } });
    const dm = app.slack.messages.find((m) => m.channel === 'D0ADMIN01') as { ts: string; blocks?: unknown[] };
    expect(JSON.stringify(dm.blocks)).toContain('Transfer ownership');
    const asked = await app.action(
      { actionId: PeopleActionIds.transferOwnership, message: dm, channel: 'D0ADMIN01' },
      { user: app.users.admin },
    );
    const prompt = asked.responses[0] as { text: string; blocks: unknown[] };
    expect(prompt.text).toContain(`Who takes over the ${ownedBefore} schedules ${hill} owns?`);

    const picked = await app.action(
      {
        actionId: PeopleActionIds.transferOwnerSelect,
        message: { ts: '2.0', blocks: prompt.blocks },
        action: { selected_user: newOwner.id },
      },
      { user: app.users.admin },
    );
    expect(picked.responses.map((r) => String(r.text)).at(-1)).toContain('in your DM with the app');
    expect(app.slack.messagesIn('D0ADMIN01').at(-1)?.text).toBe(`Done: handed over ${ownedBefore} schedules.`);
    for (const id of owned) expect(app.sandbox.state.schedules.get(id)?.ownerId).toBe(BLOB_ROSS_ID);
    expect(ownedEmail()).toEqual([]);
  });
});

describe('a schedule that follows a channel', () => {
  it('adds people who join and removes people who leave; the reconcile catches a missed event', async () => {
    t = await startTestApp();
    const app = t;
    const ann = app.addMember({ id: 'U0ANN0001', name: 'ann', profile: { email: 'ann@example.com' } });
    const bob = app.addMember({ id: 'U0BOB0001', name: 'bob', profile: { email: 'bob@example.com' } });
    const cid = app.addMember({ id: 'U0CID0001', name: 'cid', profile: { email: 'cid@example.com' } });
    const dee = app.addMember({ id: 'U0DEE0001', name: 'dee', profile: { email: 'dee@example.com' } });
    const channel = app.slack.addChannel('C0SALES01', [ann.id], { name: 'sales' });
    const [scheduleId] = seedEmailSchedules(app.sandbox, 1, () => ['byhand@example.com']) as [string];

    const followed = await app.command(`follow ${scheduleId} <#${channel.id}|sales>`);
    expect(followed.texts[0]).toContain(`now follows <#${channel.id}>: added 1 person.`);
    expect(emailsOf(app.sandbox, scheduleId)).toEqual(['ann@example.com', 'byhand@example.com']);

    channel.members.push(bob.id);
    await app.event({ type: 'member_joined_channel', user: bob.id, channel: channel.id, channel_type: 'C' });
    await expect.poll(() => emailsOf(app.sandbox, scheduleId)).toContain('bob@example.com');

    channel.members.splice(channel.members.indexOf(ann.id), 1);
    await app.event({ type: 'member_left_channel', user: ann.id, channel: channel.id, channel_type: 'C' });
    await expect.poll(() => emailsOf(app.sandbox, scheduleId)).not.toContain('ann@example.com');

    // Two changes Slack's events never reached the app for: the daily reconcile puts them right.
    channel.members.push(cid.id, dee.id);
    channel.members.splice(channel.members.indexOf(bob.id), 1);
    await app.command('who ann@example.com'); // the tick covers workspaces the app has heard from
    const tick = await app.background.tick();
    expect(tick.reconciled).toEqual([workspaceKey(app.scope)]);
    await expect
      .poll(() => emailsOf(app.sandbox, scheduleId))
      .toEqual(['byhand@example.com', 'cid@example.com', 'dee@example.com']);

    const unfollowed = await app.command(`unfollow ${scheduleId}`);
    expect(unfollowed.texts[0]).toContain('Unfollowed');
    await app.event({ type: 'member_left_channel', user: cid.id, channel: channel.id, channel_type: 'C' });
    expect(emailsOf(app.sandbox, scheduleId)).toEqual(['byhand@example.com', 'cid@example.com', 'dee@example.com']);
  });
});

describe('following from the card', () => {
  it('offers a channel picker on an email card, then shows what it follows with Unfollow', async () => {
    t = await startTestApp();
    const app = t;
    const ann = app.addMember({ id: 'U0ANN0001', name: 'ann', profile: { email: 'ann@example.com' } });
    const channel = app.slack.addChannel('C0OPS0001', [ann.id], { name: 'ops' });
    const [scheduleId] = seedEmailSchedules(app.sandbox, 1, () => []) as [string];

    const shown = await app.command(`show ${scheduleId}`);
    const card = shown.responses.at(-1) as { blocks: unknown[] };
    expect(JSON.stringify(card.blocks)).toContain('Follow a channel');
    const picked = await app.action({
      actionId: PeopleActionIds.followSource,
      message: { ts: '3.0', blocks: card.blocks },
      action: { selected_conversation: channel.id },
    });
    expect(JSON.stringify(picked.responses)).toContain(`now follows <#${channel.id}>: added 1 person.`);
    expect(emailsOf(app.sandbox, scheduleId)).toEqual(['ann@example.com']);

    const again = await app.command(`show ${scheduleId}`);
    const followed = again.responses.at(-1) as { blocks: unknown[] };
    expect(JSON.stringify(followed.blocks)).toContain(`Follows <#${channel.id}>`);
    const unfollowed = await app.action({
      actionId: PeopleActionIds.unfollow,
      message: { ts: '4.0', blocks: followed.blocks },
    });
    expect(JSON.stringify(unfollowed.responses)).toContain('Unfollowed: everyone who receives the report now keeps');
    expect(emailsOf(app.sandbox, scheduleId)).toEqual(['ann@example.com']);
  });
});

describe('a card redrawn after an act', () => {
  it('still says what the schedule follows after Resume and Pause from the card', async () => {
    t = await startTestApp();
    const app = t;
    const ann = app.addMember({ id: 'U0ANN0002', name: 'ann', profile: { email: 'ann@example.com' } });
    const channel = app.slack.addChannel('C0OPS0002', [ann.id], { name: 'ops' });
    const [scheduleId] = seedEmailSchedules(app.sandbox, 1, () => []) as [string];
    const followed = await app.command(`follow ${scheduleId} <#${channel.id}|ops>`);
    expect(followed.texts[0]).toContain(`now follows <#${channel.id}>`);

    const shown = await app.command(`show ${scheduleId}`);
    let blocks = (shown.responses.at(-1) as { blocks: unknown[] }).blocks;
    expect(JSON.stringify(blocks)).toContain(`Follows <#${channel.id}>`);
    // Seeded paused: Resume first, then Pause.
    for (const actionId of [ActionIds.resumeScheduleButton, ActionIds.pauseScheduleButton]) {
      const acted = await app.action({
        actionId,
        value: scheduleId,
        message: { ts: '5.0', blocks },
        responseUrl: shown.responseUrl,
        isEphemeral: true,
      });
      const redrawn = acted.responses.at(-1) as { replace_original?: boolean; blocks: unknown[] };
      expect(redrawn.replace_original, actionId).toBe(true);
      expect(JSON.stringify(redrawn.blocks), actionId).toContain(`Follows <#${channel.id}>`);
      expect(JSON.stringify(redrawn.blocks), actionId).toContain(PeopleActionIds.unfollow);
      blocks = redrawn.blocks;
    }
    expect(app.sandbox.state.schedules.get(scheduleId)?.disabledAt).not.toBeNull();
  });
});

describe('a restart', () => {
  it('resumes an offboarding job a dead process left half done, changing no schedule twice', async () => {
    t = await startTestApp();
    const app = t;
    const ids = seedEmailSchedules(app.sandbox, 4, () => [LEAVER, 'stays@example.com']);
    const steps = ids.map((scheduleId, i) => ({ scheduleId, name: `Report ${i}`, action: 'remove' as const }));
    // A process dies during the job: its handler never gets past the third schedule.
    await app.jobs.close();
    let paced = 0;
    const dying = new StoreJobs({ cache: app.store.cache('jobs') });
    registerPeopleJobs(dying, {
      ...app.background.people.work,
      pace: () => {
        paced += 1;
        return paced > 2 ? new Promise<void>(() => undefined) : Promise.resolve();
      },
    });
    await dying.start();
    // The progress message the click posted in the admin's DM with the app: the job keeps where it is.
    const bot = new WebClient(FAKE_DEFAULTS.token, { slackApiUrl: app.slack.apiUrl });
    const posted = await bot.chat.postMessage({ channel: app.users.admin.id, text: 'Removing…' });
    const message = { channel: String(posted.channel), ts: String(posted.ts) };
    const workspace = workspaceKey(app.scope);
    const { id } = await enqueueOffboarding(dying, { workspace, email: LEAVER, steps, message });
    // The same click delivered twice (Slack retries) joins the job rather than queueing a second.
    const again = await enqueueOffboarding(dying, {
      workspace,
      email: LEAVER,
      steps,
      message: { ...message, ts: '9.9' },
    });
    expect(again).toMatchObject({ id, outcome: 'joined' });
    await expect.poll(() => paced).toBe(3);
    expect(ids.map((s) => emailsOf(app.sandbox, s).includes(LEAVER))).toEqual([false, false, true, true]);

    // The next process starts its runner: the job is resumed from the store and runs once.
    const next = new StoreJobs({ cache: app.store.cache('jobs') });
    registerJobHandlers(next, app.background.people);
    await next.start();
    const record = await next.finished(id);
    expect(record.result as OffboardSummary).toMatchObject({ removed: 4, notThere: 0, failed: [] });
    // The summary reached the message the dead process posted, though no one there is waiting for it.
    expect(app.slack.message(message.channel, message.ts)?.text).toBe(`Done: removed ${LEAVER} from 4 schedules.`);
    for (const scheduleId of ids) {
      expect(emailsOf(app.sandbox, scheduleId)).toEqual(['stays@example.com']);
      expect(removeCalls(app, scheduleId)).toBe(1);
    }
    await next.close();
  });
});
