// Failure alerts and snooze end to end: the real receiver, the fake Slack, the sandbox with asynchronous runs.
// The watch's ticks are called directly (the timers only call the same tick); the app's clock is virtual.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisClaims } from '../../src/coordination/claims.js';
import { installShared } from '../../src/coordination/shared.js';
import { ActionIds, WatchActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { createDeps } from '../../src/slack/deps-factory.js';
import { startWatch, watchServices } from '../../src/slack/watch-services.js';
import { workspaceKey } from '../../src/store/index.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from '../coordination/support.js';
import { visibleText as blockText } from '../support/block-text.js';
import { forgetRecentRuns } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS2 = SEEDED_SCHEDULE_IDS.orders2;
const QUERY = SEEDED_SCHEDULE_IDS.query; // seeded with a failed last run (ERROR_DELIVERED)
const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';
const OWNER = 'U0BLOBBY1'; // the Slack person with the email of both schedules' Omni owner
const OWNER_DM = 'D0BLOBBY1';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function start() {
  let now = new Date('2026-12-04T10:00:00Z').getTime();
  const app = await startTestApp({
    sandbox: { runMs: 60_000 },
    env: { ALERT_CHECK_INTERVAL_S: '60' },
    now: () => new Date(now),
  });
  app.slack.addUser({ id: OWNER, name: 'blobby', profile: { email: 'blobby.hill@blobsrus.com' } });
  const team = workspaceKey(app.scope);
  return {
    app,
    team,
    advance(ms: number) {
      now += ms;
    },
    /**
     * The next interval: the virtual clock moves on, and the store's copy of the per-interval check claim
     * (which the store expires on the wall clock) goes, as it would after ALERT_CHECK_INTERVAL_S.
     */
    async nextInterval() {
      now += 61_000;
      await app.store.cache('claims').delete(`watch-check:${team}`);
    },
  };
}

const alertsIn = (app: TestApp, channel: string, name: string) =>
  app.slack
    .messagesIn(channel)
    .filter((m) => blockText(m.blocks ?? []).includes(name) || String(m.text).includes(name));

describe('failure alerts', () => {
  it('a failing run is announced once in the channel and to the owner; buttons work; recovery updates the same messages; a restart announces nothing again', async () => {
    const { app, team, nextInterval } = await start();
    t = app;
    // Only admins turn alerts on.
    const refused = await app.command(`alerts on <#${CHANNEL}|general>`, { user: app.users.member });
    expect(refused.texts.join('\n')).toMatch(/admin/i);
    const on = await app.command(`alerts on <#${CHANNEL}|general>`, { user: app.users.admin });
    expect(on.texts.join('\n')).toContain(`Failure alerts are on in <#${CHANNEL}>`);
    expect(app.slack.messagesIn(CHANNEL).at(-1)?.text).toContain('turned on failure alerts');

    // Orders (2) delivers to a webhook on a closed loopback port: its run fails when the sandbox finishes it.
    const orders2 = app.sandbox.state.schedules.get(ORDERS2);
    if (!orders2) throw new Error('seeded schedule missing');
    orders2.destination = { type: 'webhook', url: 'http://127.0.0.1:1/hook' };
    await app.command(`run ${ORDERS2}`);
    await app.sandbox.finishRunsNow();
    expect(app.sandbox.state.schedules.get(ORDERS2)?.lastStatus).toBe('ERROR');

    const { watcher } = watchServices(app.deps);
    expect(await watcher.tick()).toEqual([team]);
    const [inChannel, ...moreInChannel] = alertsIn(app, CHANNEL, 'Orders (2)');
    expect(moreInChannel).toEqual([]);
    expect(blockText(inChannel?.blocks ?? [])).toContain('is failing');
    expect(alertsIn(app, OWNER_DM, 'Orders (2)')).toHaveLength(1);
    expect(alertsIn(app, CHANNEL, 'Query')).toHaveLength(1);

    // The next check, and a restarted process on the same store, announce nothing again.
    await nextInterval();
    await watcher.tick();
    await nextInterval();
    const restarted = createDeps(app.config, app.store, { now: app.deps.now });
    expect(await watchServices(restarted).watcher.tick()).toEqual([team]);
    expect(alertsIn(app, CHANNEL, 'Orders (2)')).toHaveLength(1);
    expect(alertsIn(app, OWNER_DM, 'Orders (2)')).toHaveLength(1);

    const status = await app.command('alerts');
    expect(status.responses.map((r) => blockText((r.blocks as unknown[]) ?? [])).join('\n')).toMatch(
      /Failing now \(3\)[\s\S]*Orders \(2\)/,
    );

    // Mute for me, by the owner, in the DM.
    const dm = alertsIn(app, OWNER_DM, 'Orders (2)')[0];
    const mute = await app.action(
      { actionId: WatchActionIds.alertMute, value: ORDERS2, message: { ts: dm?.ts ?? '', blocks: dm?.blocks ?? [] } },
      { user: OWNER, channel: OWNER_DM },
    );
    expect(mute.status).toBe(200);
    expect(await watchServices(app.deps).records.mutedBy(team, ORDERS2)).toEqual([OWNER]);

    // Pause on Query's alert pauses it in Omni.
    const queryAlert = alertsIn(app, CHANNEL, 'Query')[0];
    await app.action({
      actionId: WatchActionIds.alertPause,
      value: QUERY,
      message: { ts: queryAlert?.ts ?? '', blocks: queryAlert?.blocks ?? [] },
    });
    expect(app.sandbox.state.schedules.get(QUERY)?.disabledAt).not.toBeNull();

    // Snooze for 1 week from the same alert: the wake-up is recorded (Omni already has it paused).
    const snoozed = await app.action({
      actionId: WatchActionIds.alertSnooze,
      value: `1w|${QUERY}`,
      message: { ts: queryAlert?.ts ?? '', blocks: queryAlert?.blocks ?? [] },
    });
    expect(snoozed.responses.map((r) => String(r.text)).join('\n')).toMatch(
      /snoozed \*⚡️🍣 Query\*: paused in Omni until/,
    );
    expect(await watchServices(app.deps).snooze.snoozed(team, QUERY)).toMatchObject({ by: app.users.member.id });

    // Fixed destination; Run again from the channel's alert; the run succeeds; the same messages say so.
    orders2.destination = { type: 'webhook', url: 'https://example.com/hook' };
    // This test started the failing runs from Slack moments ago; Omni's own runs hold no guard in the app.
    await forgetRecentRuns(app);
    await app.action({
      actionId: WatchActionIds.alertRunAgain,
      value: ORDERS2,
      message: { ts: inChannel?.ts ?? '', blocks: inChannel?.blocks ?? [] },
    });
    await app.sandbox.finishRunsNow();
    expect(app.sandbox.state.schedules.get(ORDERS2)?.lastStatus).toBe('COMPLETE');
    await nextInterval();
    await watcher.tick();
    const updated = app.slack.message(CHANNEL, inChannel?.ts ?? '');
    expect(blockText(updated?.blocks ?? [])).toContain('recovered');
    expect(alertsIn(app, CHANNEL, 'Orders (2)')).toHaveLength(1);
    expect(blockText(alertsIn(app, OWNER_DM, 'Orders (2)')[0]?.blocks ?? [])).toContain('recovered');

    const off = await app.command('alerts off', { user: app.users.admin });
    expect(off.texts.join('\n')).toContain('Failure alerts are off');
  });
});

const redisReason = await redisUnreachable();

describe('failure alerts with two replicas on one Redis', () => {
  if (redisReason) {
    serviceMissing('failure alerts on Redis', redisReason);
    return;
  }
  it('two replicas ticking at once announce each failure once (claims installed as start-up does)', async () => {
    const { app, team } = await start();
    t = app;
    const redis = new Redis(REDIS_URL);
    installShared({ claims: new RedisClaims(redis, `${uniquePrefix()}:claim:`) });
    try {
      await app.command(`alerts on <#${CHANNEL}|general>`, { user: app.users.admin });
      const other = createDeps(app.config, app.store, { now: app.deps.now });
      const checked = await Promise.all([watchServices(app.deps).watcher.tick(), watchServices(other).watcher.tick()]);
      expect(checked.flat()).toEqual([team]);
      expect(alertsIn(app, CHANNEL, 'Query')).toHaveLength(1);
      expect(alertsIn(app, OWNER_DM, 'Query')).toHaveLength(1);
    } finally {
      installShared({});
      redis.disconnect();
    }
  });
});

describe('the timers', () => {
  it('startWatch runs the check on its own once alerts are on, and stop() ends it', async () => {
    const app = await startTestApp({ env: { ALERT_CHECK_INTERVAL_S: '1' } });
    t = app;
    await app.command(`alerts on <#${CHANNEL}|general>`, { user: app.users.admin });
    const errors: string[] = [];
    const watch = startWatch(app.deps, { onError: (message) => errors.push(message) });
    try {
      // The seeded failing schedule is announced by a tick nobody called (waits for the message, at most 10 s).
      await app.slack.waitFor(() => alertsIn(app, CHANNEL, 'Query').length > 0, 10_000);
    } finally {
      await watch.stop();
    }
    expect(errors).toEqual([]);
    expect(alertsIn(app, CHANNEL, 'Query')).toHaveLength(1);
  });
});

describe('snooze', () => {
  it('pauses now and resumes at the moment, also after a restart; Resume now cancels the wake-up', async () => {
    const { app, advance } = await start();
    t = app;
    const paused = () => app.sandbox.state.schedules.get(ORDERS)?.disabledAt ?? null;

    const bad = await app.command('snooze Orders for a while');
    expect(bad.texts.join('\n')).toMatch(/for|until/);
    expect(paused()).toBeNull();

    const done = await app.command(`snooze ${ORDERS} for 3d`);
    expect(paused()).not.toBeNull();
    const card = done.responses[0];
    expect(blockText((card?.blocks as unknown[]) ?? [])).toContain('Snoozed until');

    // Restarted before the moment: nothing wakes early; at the moment, the restarted process resumes it.
    const restarted = watchServices(createDeps(app.config, app.store, { now: app.deps.now }));
    expect(await restarted.snooze.tick()).toEqual([]);
    advance(3 * 24 * 60 * 60_000);
    expect(await restarted.snooze.tick()).toEqual([ORDERS]);
    expect(paused()).toBeNull();

    // Snoozed again, then Resume now on the card: resumed, and no wake-up is left.
    const again = await app.command(`snooze ${ORDERS} until 2027-01-05`);
    expect(paused()).not.toBeNull();
    await app.action({
      actionId: WatchActionIds.snoozeResumeNow,
      value: ORDERS,
      message: { ts: '1.0', blocks: (again.responses[0]?.blocks as unknown[]) ?? [] },
      responseUrl: again.responseUrl,
    });
    expect(paused()).toBeNull();
    expect(await watchServices(app.deps).snooze.snoozed(workspaceKey(app.scope), ORDERS)).toBeUndefined();
  });

  it("the card's Snooze… menu pauses in Omni, records the wake-up and redraws the card; Pause keeps the line", async () => {
    const { app } = await start();
    t = app;
    const team = workspaceKey(app.scope);
    const paused = () => app.sandbox.state.schedules.get(ORDERS)?.disabledAt ?? null;
    const shown = await app.command(`show ${ORDERS}`);
    const cardBlocks = (shown.responses[0]?.blocks as unknown[]) ?? [];
    expect(JSON.stringify(cardBlocks)).toContain(WatchActionIds.cardSnooze);

    const snoozed = await app.action({
      actionId: WatchActionIds.cardSnooze,
      value: `1w|${ORDERS}`,
      message: { ts: '1.0', blocks: cardBlocks },
      responseUrl: shown.responseUrl,
      isEphemeral: true,
    });
    expect(snoozed.status).toBe(200);
    expect(paused()).not.toBeNull();
    const wake = await watchServices(app.deps).snooze.snoozed(team, ORDERS);
    expect(wake).toMatchObject({ by: app.users.member.id, until: app.deps.now().getTime() + 7 * 24 * 60 * 60_000 });
    const redrawn = snoozed.responses.at(-1);
    expect(redrawn?.replace_original).toBe(true);
    const redrawnText = blockText((redrawn?.blocks as unknown[]) ?? []);
    expect(redrawnText).toContain('Snoozed until');
    expect(redrawnText).toContain(`by <@${app.users.member.id}>`);
    expect(JSON.stringify(redrawn?.blocks)).toContain(WatchActionIds.snoozeResumeNow);

    // Run now on the redrawn card: the card it becomes still says it is snoozed.
    const ran = await app.action({
      actionId: ActionIds.runNowButton,
      value: ORDERS,
      message: { ts: '1.0', blocks: (redrawn?.blocks as unknown[]) ?? [] },
      responseUrl: shown.responseUrl,
      isEphemeral: true,
    });
    expect(blockText((ran.responses.at(-1)?.blocks as unknown[]) ?? [])).toContain('Snoozed until');
  });

  it('tells the person who snoozed when Omni refuses the resume at the moment', async () => {
    const { app, advance } = await start();
    t = app;
    await app.command(`snooze ${ORDERS2} for 2d`);
    app.sandbox.state.schedules.delete(ORDERS2);
    advance(2 * 24 * 60 * 60_000);
    expect(await watchServices(app.deps).snooze.tick()).toEqual([ORDERS2]);
    const told = app.slack.messagesIn(`D${app.users.member.id.slice(1)}`).map((m) => String(m.text));
    expect(told).toEqual([
      expect.stringMatching(/Your snooze of \*Orders \(2\)\* ended, but Omni refused to resume it: /),
    ]);
  });
});
