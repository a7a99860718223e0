// End to end: nobody looks at nothing. A slow Omni gets an "Asking Omni…" line that the answer replaces
// in place; a pause of a paused schedule is the card saying so; a card whose schedule was deleted
// elsewhere becomes a deleted card without buttons.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { addSchedules, blocksOf, clickOnCard, rowNames, rowOf, shareCard } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await t.connect();
});

describe('a slow Omni', () => {
  it('shows "Asking Omni…" and then replaces it with the card', async () => {
    // Each Omni answer takes longer than the interim delay, so the line must go out before the card.
    const slow = await t.startSandbox({ latencyMs: 1_700 });
    await t.connect({ sandbox: slow });
    const { responses } = await t.command(`show ${ORDERS}`);
    expect(responses).toHaveLength(2);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', text: 'Asking Omni…' });
    expect(responses[1]?.replace_original).toBe(true);
    expect(visibleText(blocksOf(responses[1]))).toContain('Orders');
  });

  it('answers at once, without the interim line, when Omni is quick', async () => {
    const { responses } = await t.command(`show ${ORDERS}`);
    expect(responses).toHaveLength(1);
    expect(responses[0]?.replace_original).toBeUndefined();
  });
});

describe('a slow Omni, for a button', () => {
  it('a card\'s Pause: the card shows "Asking Omni…" on top, then the paused card replaces it', async () => {
    const card = await shareCard(t, ORDERS);
    const slow = await t.startSandbox({ latencyMs: 1_700 });
    await t.connect({ sandbox: slow });
    const updates = await clickOnCard(t, card, ActionIds.pauseScheduleButton, ORDERS);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    const first = visibleText(updates[0]?.params.blocks);
    expect(first).toContain('Asking Omni…');
    expect(first).toContain(`Schedule \`${ORDERS}\``); // the card, still under the line
    const shown = visibleText(t.slack.message(CHANNEL, card.ts)?.blocks);
    expect(shown).toContain(`<@${t.users.member.id}> paused this`);
    expect(shown).not.toContain('Asking Omni…');
  });

  it('Pause from a list row: the page shows "Asking Omni…", then the new page replaces it in place', async () => {
    const blocks = blocksOf((await t.command('list sort:name asc')).responses[0]);
    const slow = await t.startSandbox({ latencyMs: 1_700 });
    await t.connect({ sandbox: slow });
    const menu = await t.action({
      actionId: ActionIds.scheduleRowOverflow,
      blockId: String(rowOf(blocks, ORDERS).block_id),
      value: `pause:${ORDERS}`,
      message: { ts: '1700000002.000300', blocks },
      isEphemeral: true,
    });
    expect(menu.responses.every((r) => r.replace_original === true)).toBe(true);
    expect(visibleText(blocksOf(menu.responses[0]))).toContain('Asking Omni…');
    expect(rowNames(blocksOf(menu.responses[0]))).toContain('Orders');
    const last = visibleText(blocksOf(menu.responses.at(-1)));
    expect(last).toContain('paused *Orders*');
    expect(last).not.toContain('Asking Omni…');
  });

  it('Next on a list page: "Asking Omni…" on the page, then the next page in its place', async () => {
    const slow = await t.startSandbox({ latencyMs: 1_700 });
    addSchedules(slow, 25, 'Paging report', ORDERS);
    await t.connect({ sandbox: slow });
    const blocksWithNext = blocksOf((await t.command('list paging sort:name asc')).responses.at(-1));
    const next = await t.action({
      actionId: ActionIds.listNextPageButton,
      message: { ts: '1700000000.000100', blocks: blocksWithNext },
      isEphemeral: true,
    });
    expect(visibleText(blocksOf(next.responses[0]))).toContain('Asking Omni…');
    expect(rowNames(blocksOf(next.responses[0]))[0]).toBe('Paging report 01');
    const last = blocksOf(next.responses.at(-1));
    expect(rowNames(last)[0]).toBe('Paging report 21');
    expect(visibleText(last)).not.toContain('Asking Omni…');
  });

  it('a quick answer leaves no line behind', async () => {
    const card = await shareCard(t, ORDERS);
    const updates = await clickOnCard(t, card, ActionIds.pauseScheduleButton, ORDERS);
    expect(updates.map((u) => visibleText(u.params.blocks)).join('\n')).not.toContain('Asking Omni…');
  });
});

describe('words that match what happened', () => {
  it('pausing a paused schedule answers with its card, saying it was already paused', async () => {
    await t.command(`pause ${ORDERS}`);
    const again = await t.command(`pause ${ORDERS}`);
    const text = visibleText(blocksOf(again.responses[0]));
    expect(text).toContain(':double_vertical_bar: *Paused* since');
    expect(text).toContain('This schedule was already paused; nothing was changed.');
    expect(text).not.toContain('Omni refused');
  });

  it('a card whose schedule was deleted elsewhere is redrawn as deleted, with no buttons', async () => {
    const card = await shareCard(t, ORDERS);
    t.sandbox.state.schedules.delete(ORDERS);
    const click = await t.action({
      actionId: ActionIds.pauseScheduleButton,
      value: ORDERS,
      message: { ts: card.ts, blocks: card.blocks },
    });
    const redrawn = t.slack.message(CHANNEL, card.ts);
    expect(visibleText(redrawn?.blocks)).toContain('no longer exists in Omni: it was deleted elsewhere.');
    expect(JSON.stringify(redrawn?.blocks)).not.toContain('"actions"');
    expect(click.responses.map((r) => String(r.text ?? ''))).not.toContainEqual(
      expect.stringContaining('does not exist'),
    );
  });

  it('a list row whose schedule was deleted elsewhere: the page is drawn again without it, saying why', async () => {
    const blocks = blocksOf((await t.command('list sort:name asc')).responses[0]);
    const blockId = String(rowOf(blocks, ORDERS).block_id);
    t.sandbox.state.schedules.delete(ORDERS);
    const menu = await t.action({
      actionId: ActionIds.scheduleRowOverflow,
      blockId,
      value: `pause:${ORDERS}`,
      message: { ts: '1700000002.000300', blocks },
      isEphemeral: true,
    });
    const redrawn = blocksOf(menu.responses.at(-1));
    expect(visibleText(redrawn)).toContain('That schedule no longer exists in Omni: it was deleted elsewhere.');
    expect(rowNames(redrawn)).not.toContain('Orders');
  });
});
