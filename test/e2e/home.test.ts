// End to end: App Home (app_home_opened → views.publish) with the connection, counts by state (failing
// first), the first schedules with their menus, actions taken from Home, and Refresh.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { appHomeOpenedEvent } from '../../src/fake-slack/payloads.js';
import { ActionIds, CallbackIds } from '../../src/ids.js';
import { MISSING_QUERY_SCHEDULE_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { addSchedules, type Blocks, forgetRecentRuns, openedView, rowNames, rowOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;

describe('App Home, connected', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.sandbox.reset();
    await forgetRecentRuns(t);
    await t.store.cache('home-schedules').delete('team:T00000001');
  });

  async function openHome(user = t.users.member) {
    const res = await t.event(appHomeOpenedEvent(user.id));
    expect(res.status).toBe(200);
    const home = t.slack.homeView(user.id);
    if (!home) throw new Error('no Home tab was published');
    return home;
  }

  it('shows the connection, counts with failing first, and failing schedules on top', async () => {
    const home = await openHome();
    expectValidBlocks('home', { type: 'home', blocks: home.blocks });
    const text = visibleText(home.blocks);
    expect(text).toContain(`:large_green_circle: Connected to *${t.sandbox.url}* by <@U0ADMIN01>`);
    // Seed: ⚡️🍣 Query (ERROR_DELIVERED) and Regional sales alert (system-disabled) fail; three are paused.
    expect(text).toContain(':rotating_light: *Failing*\n2');
    expect(text).toContain(':no_entry: *Disabled by Omni*\n1');
    expect(text).toContain(':double_vertical_bar: *Paused*\n3');
    expect(text).toContain(':arrow_forward: *Active*\n3');
    expect(text.indexOf('*Failing*')).toBeLessThan(text.indexOf('*Paused*'));
    const names = rowNames(home.blocks as Blocks);
    expect(names).toHaveLength(7);
    expect(names.slice(0, 2).sort()).toEqual(['Regional sales alert', '⚡️🍣 Query']);
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
    expect(visibleText(home.blocks)).toContain('Showing 20 of 137');
  });

  it('pausing from a row pauses in Omni and republishes Home with who did it', async () => {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `pause:${ORDERS}`, view: home });
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    const after = t.slack.homeView(t.users.member.id);
    const text = visibleText(after?.blocks);
    expect(text).toContain(`<@${t.users.member.id}> paused *Orders*`);
    expect(text).toContain(':double_vertical_bar: *Paused*\n4');
    expect(t.audit.at(-1)).toMatchObject({ action: 'pause', schedule: ORDERS, outcome: 'ok' });
  });

  it('Run now… from Home confirms in a modal, delivers once, and refuses a second run within a minute', async () => {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    const runFromHome = async () => {
      const opened = t.slack.callsTo('views.open').length;
      await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `run:${ORDERS}`, view: home });
      const modal = openedView(t.slack, opened);
      if (!modal) throw new Error('no confirm modal');
      await t.submitView({ view: modal });
    };
    await runFromHome();
    expect(t.sandbox.state.deliveries.filter((d) => d.scheduleId === ORDERS)).toHaveLength(1);
    expect(visibleText(t.slack.homeView(t.users.member.id)?.blocks)).toContain('started a run of *Orders*');

    await runFromHome();
    expect(t.sandbox.state.deliveries.filter((d) => d.scheduleId === ORDERS)).toHaveLength(1);
    expect(visibleText(t.slack.homeView(t.users.member.id)?.blocks)).toContain(
      ':hand: It was run 1 s ago by you: run again?',
    );
  });

  it('Omni’s refusal shows at the top of Home', async () => {
    const home = await openHome();
    t.sandbox.state.schedules.delete(ORDERS); // deleted in Omni since Home was drawn
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `pause:${ORDERS}`, view: home });
    expect(visibleText(t.slack.homeView(t.users.member.id)?.blocks)).toContain(
      `Omni refused to pause the schedule: Scheduled task with id ${ORDERS} does not exist.`,
    );
    expect(t.audit.at(-1)).toMatchObject({ action: 'pause', schedule: ORDERS, outcome: 'failed' });
  });

  it('Show card opens the card in a modal; its buttons update it there, and closing it refreshes Home', async () => {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    const opened = t.slack.callsTo('views.open').length;
    await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `show:${ORDERS}`, view: home });
    const modal = openedView(t.slack, opened);
    const viewId = modal.id;
    expect(modal.callback_id).toBe(CallbackIds.scheduleCardView);
    expect(visibleText(modal.blocks)).toContain('*Owner*\nBlob Ross');

    await t.action({
      actionId: ActionIds.pauseScheduleButton,
      value: ORDERS,
      view: modal,
    });
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    const updated = t.slack.views.get(viewId);
    expect(visibleText(updated?.blocks)).toContain(`<@${t.users.member.id}> paused this`);
    expect(JSON.stringify(updated?.blocks)).toContain(ActionIds.resumeScheduleButton);

    const publishes = t.slack.callsTo('views.publish').length;
    if (!updated) throw new Error('the card modal is gone');
    const closed = await t.closeView(updated);
    expect(closed?.status).toBe(200);
    expect(t.slack.callsTo('views.publish')).toHaveLength(publishes + 1);
    expect(visibleText(t.slack.homeView(t.users.member.id)?.blocks)).toContain(':double_vertical_bar: *Paused*\n4');
  });

  it('a slow Omni: the card modal shows "Asking Omni…" on top, then the new card replaces it', async () => {
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    const opened = t.slack.callsTo('views.open').length;
    await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `show:${ORDERS}`, view: home });
    const modal = openedView(t.slack, opened);
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
    const home = await openHome();
    const blockId = String(rowOf(home.blocks as Blocks, ORDERS).block_id);
    const opened = t.slack.callsTo('views.open').length;
    await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `show:${ORDERS}`, view: home });
    const modal = openedView(t.slack, opened);
    const pushes = t.slack.callsTo('views.push').length;
    const opens = t.slack.callsTo('views.open').length;
    await t.action({ actionId: ActionIds.editScheduleButton, value: ORDERS, view: modal });
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
    await t.action({ actionId: ActionIds.refreshHomeButton, value: 'refresh', view: cached });
    expect(rowNames(t.slack.homeView(t.users.member.id)?.blocks as Blocks)).not.toContain('Orders');
  });

  it('shows guests only a refusal', async () => {
    const home = await openHome(t.users.guest);
    expect(visibleText(home.blocks)).toContain(':lock: Guests cannot use Omni schedules in this workspace.');
    expect(JSON.stringify(home.blocks)).not.toContain('action_id');
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
