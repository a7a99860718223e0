// End to end: App Home (app_home_opened → views.publish) with the connection, counts by state, the viewer's
// sections (Yours, You receive, Failing) with their menus, actions taken from Home, Refresh, and the
// failure-alerts setting with its controls for admins.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { appHomeOpenedEvent } from '../../src/fake-slack/payloads.js';
import { ActionIds, CallbackIds, WatchActionIds } from '../../src/ids.js';
import { MISSING_QUERY_SCHEDULE_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { enqueueIndexCrawl } from '../../src/people/index.js';
import { watchServices } from '../../src/slack/watch-services.js';
import { workspaceKey } from '../../src/store/index.js';
import { visibleText } from '../support/block-text.js';
import { addSchedules, type Blocks, forgetRecentRuns, openedView, rowNames, rowOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;

/** The names of the rows under one of Home's headings (up to the next divider). */
function namesUnder(blocks: Blocks, heading: string): string[] {
  const start = blocks.findIndex((b) => b.type === 'header' && visibleText(b).startsWith(heading));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = blocks.findIndex((b, i) => i > start && b.type === 'divider');
  return rowNames(blocks.slice(start, end < 0 ? undefined : end));
}

describe('App Home, connected', () => {
  let t: TestApp;
  /** Blob Ross in Slack: his Omni account owns Orders, Web Traffic Analysis and Regional sales alert. */
  let viewer: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    viewer = t.addMember({ id: 'U0BLOBR01', name: 'blob', profile: { email: 'blob.ross@blobsrus.com' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.sandbox.reset();
    await forgetRecentRuns(t);
    await t.store.cache('home-listing').delete('team:T00000001');
  });

  async function openHome(user: { id: string } = viewer) {
    const res = await t.event(appHomeOpenedEvent(user.id));
    expect(res.status).toBe(200);
    const home = t.slack.homeView(user.id);
    if (!home) throw new Error('no Home tab was published');
    return home;
  }

  /** Opens Home and, from Orders' row menu, its card in a modal. */
  async function openOrdersCard(user?: { id: string }) {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    const opened = t.slack.callsTo('views.open').length;
    await t.action({
      ...(user ? { user } : {}),
      actionId: ActionIds.scheduleRowOverflow,
      blockId,
      value: `show:${ORDERS}`,
      view: home,
    });
    return { home, modal: openedView(t.slack, opened) };
  }

  it('shows the connection, counts by state, the viewer’s schedules and what is failing', async () => {
    const home = await openHome();
    expectValidBlocks('home', { type: 'home', blocks: home.blocks });
    const text = visibleText(home.blocks);
    expect(text).toContain(`:large_green_circle: Connected to *${t.sandbox.url}* by <@U0ADMIN01>`);
    // Seed: ⚡️🍣 Query (ERROR_DELIVERED) and Regional sales alert (system-disabled) fail; three are paused.
    expect(text).toContain(':rotating_light: *Failing*\n2');
    expect(text).toContain(':no_entry: *Disabled by Omni*\n1');
    expect(text).toContain(':double_vertical_bar: *Paused*\n3');
    expect(text).toContain(':arrow_forward: *Active*\n3');
    expect(text).toContain('7 schedules in Omni: 1 disabled by Omni, 3 paused, 3 active.');
    const blocks = home.blocks as Blocks;
    // Yours: failing first.
    expect(namesUnder(blocks, ':bust_in_silhouette: Yours (3)')[0]).toBe('Regional sales alert');
    expect(namesUnder(blocks, ':bust_in_silhouette: Yours').sort()).toEqual(
      ['Orders', 'Regional sales alert', 'Web Traffic Analysis'].sort(),
    );
    expect(namesUnder(blocks, ':rotating_light: Failing (2)').sort()).toEqual(['Regional sales alert', '⚡️🍣 Query']);
    expect(text).toContain('*For you:* 3 of yours · 0 you receive · 2 failing, of 7 in Omni.');
    // The recipient index has not been built in this test: You receive says so rather than "none".
    expect(text).toContain('The app has not yet read every schedule’s recipients (it does so hourly)');
    expect(visibleText(rowOf(home.blocks as Blocks, MISSING_QUERY_SCHEDULE_ID))).toContain(
      'a query it delivers no longer exists on the dashboard',
    );
    expect(JSON.stringify(home.blocks)).toContain(ActionIds.scheduleRowOverflow);
  });

  it('is not published for the Messages tab', async () => {
    const before = t.slack.callsTo('views.publish').length;
    await t.event(appHomeOpenedEvent(t.users.member.id, 'messages'));
    expect(t.slack.callsTo('views.publish')).toHaveLength(before);
  });

  it('keeps to 100 blocks with many schedules and says how many it shows', async () => {
    addSchedules(t.sandbox, 130, 'Bulk report', ORDERS);
    const home = await openHome();
    expectValidBlocks('home', { type: 'home', blocks: home.blocks });
    expect(visibleText(home.blocks)).toContain('Showing 8 of 133. `/schedule list mine` shows them all.');
  });

  it('pausing from a row pauses in Omni and republishes Home with who did it', async () => {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    await t.action({
      user: viewer,
      actionId: ActionIds.scheduleRowOverflow,
      blockId,
      value: `pause:${ORDERS}`,
      view: home,
    });
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    const after = t.slack.homeView(viewer.id);
    const text = visibleText(after?.blocks);
    expect(text).toContain(`<@${viewer.id}> paused *Orders*`);
    expect(text).toContain(':double_vertical_bar: *Paused*\n4');
    expect(t.audit.at(-1)).toMatchObject({ action: 'pause', schedule: ORDERS, outcome: 'ok' });
  });

  it('Run now… from Home confirms in a modal, delivers once, and refuses a second run within a minute', async () => {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    const runFromHome = async () => {
      const opened = t.slack.callsTo('views.open').length;
      await t.action({
        user: viewer,
        actionId: ActionIds.scheduleRowOverflow,
        blockId,
        value: `run:${ORDERS}`,
        view: home,
      });
      const modal = openedView(t.slack, opened);
      if (!modal) throw new Error('no confirm modal');
      await t.submitView({ user: viewer, view: modal });
    };
    await runFromHome();
    expect(t.sandbox.state.deliveries.filter((d) => d.scheduleId === ORDERS)).toHaveLength(1);
    expect(visibleText(t.slack.homeView(viewer.id)?.blocks)).toContain('started a run of *Orders*');

    await runFromHome();
    expect(t.sandbox.state.deliveries.filter((d) => d.scheduleId === ORDERS)).toHaveLength(1);
    expect(visibleText(t.slack.homeView(viewer.id)?.blocks)).toContain(':hand: It was run 1 s ago by you: run again?');
  });

  it('Omni’s refusal shows at the top of Home', async () => {
    const home = await openHome();
    t.sandbox.state.schedules.delete(ORDERS); // deleted in Omni since Home was drawn
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    await t.action({
      user: viewer,
      actionId: ActionIds.scheduleRowOverflow,
      blockId,
      value: `pause:${ORDERS}`,
      view: home,
    });
    expect(visibleText(t.slack.homeView(viewer.id)?.blocks)).toContain(
      `Omni refused to pause the schedule: Scheduled task with id ${ORDERS} does not exist.`,
    );
    expect(t.audit.at(-1)).toMatchObject({ action: 'pause', schedule: ORDERS, outcome: 'failed' });
  });

  it('Show card opens the card in a modal; its buttons update it there, and closing it refreshes Home', async () => {
    const { modal } = await openOrdersCard(viewer);
    const viewId = modal.id;
    expect(modal.callback_id).toBe(CallbackIds.scheduleCardView);
    expect(visibleText(modal.blocks)).toContain('*Owner*\nBlob Ross');

    await t.action({
      user: viewer,
      actionId: ActionIds.pauseScheduleButton,
      value: ORDERS,
      view: modal,
    });
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    const updated = t.slack.views.get(viewId);
    expect(visibleText(updated?.blocks)).toContain(`<@${viewer.id}> paused this`);
    expect(JSON.stringify(updated?.blocks)).toContain(ActionIds.resumeScheduleButton);

    const publishes = t.slack.callsTo('views.publish').length;
    if (!updated) throw new Error('the card modal is gone');
    const closed = await t.closeView(updated, { user: viewer });
    expect(closed?.status).toBe(200);
    expect(t.slack.callsTo('views.publish')).toHaveLength(publishes + 1);
    expect(visibleText(t.slack.homeView(viewer.id)?.blocks)).toContain(':double_vertical_bar: *Paused*\n4');
  });

  it('a slow Omni: the card modal shows "Asking Omni…" on top, then the new card replaces it', async () => {
    const { modal } = await openOrdersCard();
    const slow = await t.startSandbox({ latencyMs: 1_700 });
    await t.connect({ sandbox: slow });
    try {
      const before = t.slack.callsTo('views.update').length;
      await t.action({ actionId: ActionIds.pauseScheduleButton, value: ORDERS, view: modal });
      const updates = t.slack.callsTo('views.update').slice(before);
      const first = visibleText((updates[0]?.params.view as { blocks?: unknown[] } | undefined)?.blocks);
      expect(first).toContain('Asking Omni…');
      expect(first).toContain('*Owner*\nBlob Ross');
      const shown = visibleText(t.slack.views.get(modal.id)?.blocks);
      expect(shown).toContain(`<@${t.users.member.id}> paused this`);
      expect(shown).not.toContain('Asking Omni…');
    } finally {
      await t.connect();
    }
  });

  it('Edit on a card shown in a modal stacks the form on it (views.push), as Slack wants', async () => {
    const { modal } = await openOrdersCard(viewer);
    const pushes = t.slack.callsTo('views.push').length;
    const opens = t.slack.callsTo('views.open').length;
    await t.action({ user: viewer, actionId: ActionIds.editScheduleButton, value: ORDERS, view: modal });
    expect(t.slack.callsTo('views.open')).toHaveLength(opens);
    const pushed = t.slack.callsTo('views.push').slice(pushes);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.response).toMatchObject({ ok: true });
    const form = await t.slack.waitFor(
      () => [...t.slack.views.values()].find((v) => v.callback_id === CallbackIds.scheduleFormView),
      5000,
    );
    expect(form?.title).toMatchObject({ text: 'Edit schedule' });
  });

  it('Refresh reads Omni again instead of the cached counts', async () => {
    await openHome();
    t.sandbox.state.schedules.delete(ORDERS);
    const cached = await openHome();
    expect(rowNames(cached.blocks as Blocks)).toContain('Orders');
    await t.action({ user: viewer, actionId: ActionIds.refreshHomeButton, value: 'refresh', view: cached });
    expect(rowNames(t.slack.homeView(viewer.id)?.blocks as Blocks)).not.toContain('Orders');
  });

  it('shows guests only a refusal', async () => {
    const home = await openHome(t.users.guest);
    expect(visibleText(home.blocks)).toContain(':lock: Guests cannot use Omni schedules in this workspace.');
    expect(JSON.stringify(home.blocks)).not.toContain('action_id');
  });
});

describe('App Home is personal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a viewer sees what they own under Yours and what is delivered to them under You receive', async () => {
    // Blobby Hill owns Orders (2) (a webhook) and ⚡️🍣 Query among others; Orders, owned by Blob Ross, is
    // emailed to him. The recipient index is built first, as the hourly tick does.
    const blobby = t.addMember({ id: 'U0BLOBBY1', name: 'blobby', profile: { email: 'blobby.hill@blobsrus.com' } });
    const { id } = await enqueueIndexCrawl(t.jobs, workspaceKey(t.scope));
    expect((await t.jobs.finished(id)).status).toBe('done');

    await t.event(appHomeOpenedEvent(blobby.id));
    const blocks = (t.slack.homeView(blobby.id)?.blocks ?? []) as Blocks;
    expectValidBlocks('home', { type: 'home', blocks });
    const yours = namesUnder(blocks, ':bust_in_silhouette: Yours (4)');
    expect(yours).toContain('Orders (2)');
    expect(yours).not.toContain('Orders');
    const receive = namesUnder(blocks, ':envelope_with_arrow: You receive (2)');
    expect(receive.sort()).toEqual(['Orders', '⚡️🍣 Query']);
    expect(namesUnder(blocks, ':rotating_light: Failing (2)').sort()).toEqual(['Regional sales alert', '⚡️🍣 Query']);
    // ⚡️🍣 Query is his, delivered to him and failing: shown under each heading, counted in each.
    expect(visibleText(blocks)).toContain('*For you:* 4 of yours · 2 you receive · 2 failing, of 7 in Omni.');
  });

  it('costs one list call per page and one user look-up when nothing is cached, then no Omni call', async () => {
    const blob = t.addMember({ id: 'U0BLOBR02', name: 'blob2', profile: { email: 'blob.ross@blobsrus.com' } });
    await t.store.cache('home-listing').delete(workspaceKey(t.scope));
    const requests = () => t.sandbox.state.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
    const before = requests().length;
    await t.event(appHomeOpenedEvent(blob.id));
    const cold = requests().slice(before);
    const between = requests().length;
    await t.event(appHomeOpenedEvent(blob.id));
    const warm = requests().slice(between);
    expect({ cold, warm }).toEqual({ cold: ['GET /api/v1/schedules', 'GET /api/scim/v2/Users'], warm: [] });
  });

  it('someone without an Omni account is told why Yours is empty', async () => {
    await t.event(appHomeOpenedEvent(t.users.member.id));
    const text = visibleText(t.slack.homeView(t.users.member.id)?.blocks);
    expect(text).toContain('No Omni user has your email (maria@example.com).');
    expect(text).toContain('*For you:* 0 of yours · 0 you receive · 2 failing, of 7 in Omni.');
  });
});

describe('App Home: failure alerts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const CHANNEL = 'C0000GEN1';

  async function homeOf(user: { id: string }) {
    await t.event(appHomeOpenedEvent(user.id));
    const home = t.slack.homeView(user.id);
    if (!home) throw new Error('no Home tab was published');
    return home;
  }

  it('an admin turns alerts on in a channel picked on Home, then off; /schedule alerts agrees', async () => {
    const admin = t.users.admin;
    const home = await homeOf(admin);
    expect(visibleText(home.blocks)).toContain(':no_bell: Failure alerts are *off*.');
    expect(JSON.stringify(home.blocks)).not.toContain(WatchActionIds.homeAlertsOff);

    await t.action({ user: admin, actionId: WatchActionIds.homeAlertsChannel, value: CHANNEL, view: home });
    expect(t.slack.messagesIn(CHANNEL).at(-1)?.text).toContain(`<@${admin.id}> turned on failure alerts`);
    const on = t.slack.homeView(admin.id);
    expect(visibleText(on?.blocks)).toContain(`:bell: Failure alerts are on in <#${CHANNEL}>. Omni is checked every`);
    expect(visibleText(on?.blocks)).toContain(`:bell: Failure alerts are *on* in <#${CHANNEL}>. Not checked yet.`);
    expect((await t.command('alerts')).texts.join('\n')).toContain('Failure alerts are on');
    expect(visibleText((await t.command('alerts')).responses[0]?.blocks)).toContain(
      `Failure alerts are *on* in <#${CHANNEL}> (turned on by <@${admin.id}>)`,
    );
    expect(t.audit.at(-1)).toMatchObject({ action: 'alerts', outcome: 'ok', detail: `on in ${CHANNEL}` });

    if (!on) throw new Error('Home was not published again');
    await t.action({ user: admin, actionId: WatchActionIds.homeAlertsOff, value: 'off', view: on });
    const off = t.slack.homeView(admin.id);
    expect(visibleText(off?.blocks)).toContain(':no_bell: Failure alerts are off.');
    expect(visibleText(off?.blocks)).toContain(':no_bell: Failure alerts are *off*.');
    expect((await t.command('alerts')).texts.join('\n')).toContain('Failure alerts are off');
  });

  it('a member sees the setting without controls, and a forged click from a member changes nothing', async () => {
    const admin = t.users.admin;
    const member = t.users.member;
    await t.command(`alerts on <#${CHANNEL}|general>`, { user: admin });
    const memberHome = await homeOf(member);
    expect(visibleText(memberHome.blocks)).toContain(`:bell: Failure alerts are *on* in <#${CHANNEL}>.`);
    expect(JSON.stringify(memberHome.blocks)).not.toContain(WatchActionIds.homeAlertsChannel);
    expect(JSON.stringify(memberHome.blocks)).not.toContain(WatchActionIds.homeAlertsOff);

    // The member replays the admin's Turn off button.
    const adminHome = await homeOf(admin);
    const posted = t.slack.messagesIn(CHANNEL).length;
    await t.action({ user: member, actionId: WatchActionIds.homeAlertsOff, value: 'off', view: adminHome });
    await t.action({ user: member, actionId: WatchActionIds.homeAlertsChannel, value: 'C0OTHER01', view: adminHome });
    expect(visibleText(t.slack.homeView(member.id)?.blocks)).toContain(
      ':lock: Only workspace admins and owners can do this.',
    );
    expect(t.audit.at(-1)).toMatchObject({ action: 'alerts', user: member.id, outcome: 'refused' });
    expect(t.slack.messagesIn(CHANNEL)).toHaveLength(posted);
    expect(await watchServices(t.deps).records.setting(workspaceKey(t.scope))).toMatchObject({
      enabled: true,
      channelId: CHANNEL,
      setBy: admin.id,
    });
  });
});

describe('App Home, not connected', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ connect: false });
  });
  afterAll(() => t.close());

  it('offers admins the Connect button and tells members to ask an admin', async () => {
    await t.event(appHomeOpenedEvent(t.users.admin.id));
    const admin = t.slack.homeView(t.users.admin.id);
    expect(visibleText(admin?.blocks)).toContain('*Not connected to Omni.*');
    expect(JSON.stringify(admin?.blocks)).toContain(ActionIds.openConnectButton);

    await t.event(appHomeOpenedEvent(t.users.member.id));
    const member = t.slack.homeView(t.users.member.id);
    expect(visibleText(member?.blocks)).toContain('A workspace admin or owner can connect it with `/schedule connect`');
    expect(JSON.stringify(member?.blocks)).not.toContain(ActionIds.openConnectButton);
  });
});
