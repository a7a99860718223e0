// End to end: the schedule card's buttons where the card was shared (Run now, Pause, Resume, Delete,
// Duplicate, Subscribe, Unsubscribe), the duplicate-run guard, and a list row's menu (Pause, Run now… and
// Delete… with their modals, Show).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds, BlockIds, CallbackIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import {
  auditOf,
  blocksOf,
  deliveriesOf,
  forgetRecentRuns,
  openedView,
  rowNames,
  rowOf,
} from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await forgetRecentRuns(t);
});

/** Posts the card of `id` in the channel with `/schedule share` and returns the stored message. */
async function shareCard(id: string) {
  const before = t.slack.messagesIn(CHANNEL).length;
  await t.command(`share ${id}`);
  const message = t.slack.messagesIn(CHANNEL)[before];
  if (!message) throw new Error('the card was not posted');
  return message;
}

function clickOnMessage(
  message: { ts: string; blocks?: unknown[] },
  actionId: string,
  value: string,
  user = t.users.member,
) {
  return t.action({ actionId, value, message: { ts: message.ts, blocks: message.blocks }, user });
}

describe('the card’s buttons, where the card was shared', () => {
  it('Run now delivers once; a second click within a minute is refused and delivers nothing', async () => {
    const card = await shareCard(ORDERS);
    await clickOnMessage(card, ActionIds.runNowButton, ORDERS);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    const updated = t.slack.message(CHANNEL, card.ts);
    expect(visibleText(updated?.blocks)).toContain(`<@${t.users.member.id}> started a run of this`);

    const second = await clickOnMessage(card, ActionIds.runNowButton, ORDERS, t.users.admin);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    const refusal = second.responses.at(-1);
    expect(refusal).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(refusal?.text)).toMatch(
      new RegExp(`^:hand: It was run \\d+ s ago by <@${t.users.member.id}>: run again\\?$`),
    );
    expect(auditOf(t, 'run', ORDERS).slice(-2)).toEqual(['ok', 'refused']);

    // Another card of the same schedule, and a typed run, are held back too: one schedule, one guard.
    const other = await shareCard(ORDERS);
    const fromOther = await clickOnMessage(other, ActionIds.runNowButton, ORDERS, t.users.owner);
    expect(String(fromOther.responses.at(-1)?.text)).toContain(`by <@${t.users.member.id}>: run again?`);
    const typed = await t.command(`run ${ORDERS}`, { user: t.users.admin });
    expect(typed.texts[0]).toContain(`by <@${t.users.member.id}>: run again?`);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);

    // Confirmed with Run again: it runs, once.
    await t.action({
      actionId: ActionIds.runAgainButton,
      value: ORDERS,
      responseUrl: fromOther.responseUrl,
      user: t.users.owner,
    });
    expect(deliveriesOf(t, ORDERS)).toHaveLength(2);
    expect(auditOf(t, 'run', ORDERS)).toEqual(['ok', 'refused', 'refused', 'refused', 'ok']);
  });

  it('two clicks arriving together still deliver once', async () => {
    const card = await shareCard(SEEDED_SCHEDULE_IDS.orders2);
    await Promise.all([
      clickOnMessage(card, ActionIds.runNowButton, SEEDED_SCHEDULE_IDS.orders2),
      clickOnMessage(card, ActionIds.runNowButton, SEEDED_SCHEDULE_IDS.orders2),
    ]);
    expect(deliveriesOf(t, SEEDED_SCHEDULE_IDS.orders2)).toHaveLength(1);
    // Refused by the app's guard, not by Omni (which would answer 409 to an overlapping trigger).
    expect(auditOf(t, 'run', SEEDED_SCHEDULE_IDS.orders2).sort()).toEqual(['ok', 'refused']);
  });

  it('Pause and Resume update the card in place and say who did it', async () => {
    const card = await shareCard(ORDERS);
    await clickOnMessage(card, ActionIds.pauseScheduleButton, ORDERS);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    const paused = t.slack.message(CHANNEL, card.ts);
    expect(visibleText(paused?.blocks)).toContain(':double_vertical_bar: *Paused* since');
    expect(visibleText(paused?.blocks)).toContain(`<@${t.users.member.id}> paused this`);
    expect(JSON.stringify(paused?.blocks)).toContain(ActionIds.resumeScheduleButton);

    await clickOnMessage(paused ?? card, ActionIds.resumeScheduleButton, ORDERS, t.users.admin);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    const resumed = t.slack.message(CHANNEL, card.ts);
    expect(visibleText(resumed?.blocks)).toContain(`<@${t.users.admin.id}> resumed this`);
    expect(visibleText(resumed?.blocks)).toContain(':arrow_forward: Active');
  });

  it('when chat.update fails, replaces the card through the response_url; if that fails too, says it was done', async () => {
    const card = await shareCard(ORDERS);
    t.slack.failNext('chat.update', { error: 'cant_update_message' });
    const first = await clickOnMessage(card, ActionIds.pauseScheduleButton, ORDERS);
    expect(first.responses.at(-1)?.replace_original).toBe(true);
    expect(visibleText(blocksOf(first.responses.at(-1)))).toContain(`<@${t.users.member.id}> paused this`);

    t.slack.failNext('chat.update', { error: 'cant_update_message' });
    t.slack.failNext('response_url', { status: 500 });
    const replaced = { ts: card.ts, blocks: blocksOf(first.responses.at(-1)) };
    const second = await clickOnMessage(replaced, ActionIds.resumeScheduleButton, ORDERS);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    expect(String(second.responses.at(-1)?.text)).toContain(`<@${t.users.member.id}> resumed *Orders*`);
    expect(String(second.responses.at(-1)?.text)).toContain('This view could not be updated');
  });

  it('Delete turns the card into a note saying who deleted it', async () => {
    const card = await shareCard(SEEDED_SCHEDULE_IDS.externalUsers);
    await clickOnMessage(card, ActionIds.deleteScheduleButton, SEEDED_SCHEDULE_IDS.externalUsers);
    expect(t.sandbox.state.schedules.has(SEEDED_SCHEDULE_IDS.externalUsers)).toBe(false);
    const note = t.slack.message(CHANNEL, card.ts);
    expect(visibleText(note?.blocks)).toContain(
      `:wastebasket: *External users* was deleted by <@${t.users.member.id}>`,
    );
    expect(JSON.stringify(note?.blocks)).not.toContain('action_id');
  });

  it('Omni’s refusal reaches only the clicker, quoting its detail; the card is left as it was', async () => {
    // (A schedule deleted elsewhere is not a refusal: see never-silent.test.ts, the card becomes a deleted card.)
    const card = await shareCard(ORDERS);
    const stored = t.sandbox.state.schedules.get(ORDERS);
    if (!stored) throw new Error('no Orders schedule');
    stored.systemDisabledAt = new Date().toISOString();
    const click = await clickOnMessage(card, ActionIds.pauseScheduleButton, ORDERS);
    expect(String(click.responses.at(-1)?.text)).toContain(
      'Omni refused to pause the schedule: Schedule is system disabled.',
    );
    expect(t.slack.message(CHANNEL, card.ts)?.blocks).toEqual(card.blocks);
  });

  it('refuses guests, changes nothing and audits the refusal', async () => {
    const card = await shareCard(ORDERS);
    const click = await clickOnMessage(card, ActionIds.runNowButton, ORDERS, t.users.guest);
    expect(String(click.responses.at(-1)?.text)).toContain('Guests cannot use Omni schedules in this workspace.');
    expect(deliveriesOf(t, ORDERS)).toHaveLength(0);
    expect(t.audit.at(-1)).toMatchObject({
      action: 'run',
      user: t.users.guest.id,
      outcome: 'refused',
      schedule: ORDERS,
    });
    const { texts } = await t.command(`pause ${ORDERS}`, { user: t.users.guest });
    expect(texts[0]).toContain('Guests cannot use Omni schedules');
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    expect(t.audit.at(-1)).toMatchObject({
      action: 'pause',
      user: t.users.guest.id,
      outcome: 'refused',
      schedule: ORDERS,
      detail: 'guest',
    });
  });
});

describe('the card’s Duplicate and recipients buttons', () => {
  it('Duplicate opens the schedule form with a copy of the schedule, Omni unchanged until it is submitted', async () => {
    const card = await shareCard(ORDERS);
    const opened = t.slack.callsTo('views.open').length;
    const count = t.sandbox.state.schedules.size;
    await clickOnMessage(card, ActionIds.duplicateScheduleButton, ORDERS);
    const form = t.slack.views.get(openedView(t.slack, opened).id);
    expect(form?.callback_id).toBe(CallbackIds.scheduleFormView);
    expect(JSON.parse(String(form?.private_metadata))).toMatchObject({ mode: 'duplicate', scheduleId: ORDERS });
    expect(JSON.stringify(form?.blocks)).toContain('Copy of Orders');
    expect(t.sandbox.state.schedules.size).toBe(count);
  });

  it('when Slack will not open the form (an expired trigger), tells the clicker so', async () => {
    const card = await shareCard(ORDERS);
    t.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const click = await clickOnMessage(card, ActionIds.duplicateScheduleButton, ORDERS);
    expect(click.responses.at(-1)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(click.responses.at(-1)?.text)).toBe(
      ":warning: The form could not be opened. Slack refused the app's request (`expired_trigger_id`). Try again; if it persists, tell whoever runs this app.",
    );
  });

  it('Subscribe adds the clicker and Unsubscribe, on the same card, takes them off again', async () => {
    const card = await shareCard(ORDERS);
    const row = (card.blocks as Record<string, unknown>[]).find((b) => b.block_id === BlockIds.scheduleCardRecipients);
    expect(visibleText(row)).toBe('Recipients\nSubscribe\nUnsubscribe');
    const mine = () => recipientEmails(t.sandbox, ORDERS).filter((e) => e === 'maria@example.com');

    await clickOnMessage(card, ActionIds.subscribeButton, ORDERS);
    expect(mine()).toEqual(['maria@example.com']);
    const unsubscribe = await clickOnMessage(card, ActionIds.unsubscribeButton, ORDERS);
    expect(mine()).toEqual([]);
    expect(unsubscribe.responses.at(-1)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(unsubscribe.responses.at(-1)?.text)).toContain('You no longer receive *Orders*');
    expect(t.audit.at(-1)).toMatchObject({
      action: 'remove_recipients',
      user: t.users.member.id,
      schedule: ORDERS,
      outcome: 'ok',
    });
  });
});

describe('a list row’s menu', () => {
  async function listPage() {
    const blocks = blocksOf((await t.command('list sort:name asc')).responses[0]);
    return { ts: '1700000002.000300', blocks };
  }

  function chooseInRow(message: { ts: string; blocks: Record<string, unknown>[] }, verb: string, id = ORDERS) {
    const blockId = String(rowOf(message.blocks, id).block_id);
    return t.action({
      actionId: ActionIds.scheduleRowOverflow,
      blockId,
      value: `${verb}:${id}`,
      message,
      isEphemeral: true,
    });
  }

  it('Pause redraws the list page in place with the row paused and who did it', async () => {
    const message = await listPage();
    const menu = await chooseInRow(message, 'pause');
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    const redrawn = menu.responses.at(-1);
    expect(redrawn?.replace_original).toBe(true);
    const blocks = blocksOf(redrawn);
    expect(visibleText(blocks)).toContain(`<@${t.users.member.id}> paused *Orders*`);
    expect(visibleText(rowOf(blocks, ORDERS))).toContain(':double_vertical_bar: *Paused*');
    expect(rowNames(blocks)).toEqual(rowNames(message.blocks));
  });

  it('Run now… opens a confirm modal; submitting it delivers and redraws the list', async () => {
    const message = await listPage();
    const opened = t.slack.callsTo('views.open').length;
    await chooseInRow(message, 'run');
    expect(deliveriesOf(t, ORDERS)).toHaveLength(0);
    const modal = openedView(t.slack, opened);
    expect(modal.callback_id).toBe(CallbackIds.confirmRunView);
    expect(visibleText(modal.blocks)).toContain('Omni delivers *Orders* now.');
    expect(JSON.stringify(modal.private_metadata)).not.toMatch(/respond|https?:/);

    const before = t.slack.responses.length;
    await t.submitView({ view: modal });
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    const redraw = t.slack.responses
      .slice(before)
      .find((r) => (r.body as { replace_original?: boolean }).replace_original);
    expect(visibleText(blocksOf(redraw?.body as Record<string, unknown>))).toContain(
      `<@${t.users.member.id}> started a run of *Orders*`,
    );
  });

  it('Delete… asks in a modal before deleting', async () => {
    const message = await listPage();
    const opened = t.slack.callsTo('views.open').length;
    await chooseInRow(message, 'delete');
    expect(t.sandbox.state.schedules.has(ORDERS)).toBe(true);
    const modal = openedView(t.slack, opened);
    expect(modal.submit).toMatchObject({ text: 'Delete' });
    await t.submitView({ view: modal });
    expect(t.sandbox.state.schedules.has(ORDERS)).toBe(false);
  });

  it('Edit… opens the schedule form, as `/schedule edit` does', async () => {
    const message = await listPage();
    const opened = t.slack.callsTo('views.open').length;
    await chooseInRow(message, 'edit');
    expect(openedView(t.slack, opened).callback_id).toBe(CallbackIds.scheduleFormView);
  });

  it('Show card answers with the card next to the list', async () => {
    const message = await listPage();
    const shown = await chooseInRow(message, 'show');
    expect(shown.responses.at(-1)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(blocksOf(shown.responses.at(-1)))).toContain('*Owner*\nBlob Ross');
  });
});
