// End to end: a schedule is found by its name, not only its 36-character id. One match acts at once
// (and the card is drawn from the search, without reading the schedule again); several matches are
// listed with a button each, and the button does what was asked to the one picked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { blocksOf, omniCallsDuring } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const ORDERS2 = SEEDED_SCHEDULE_IDS.orders2;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.reset();
});

const omniCalls = (act: () => Promise<unknown>) => omniCallsDuring(t, act);

describe('found by name', () => {
  it('shows the card of the one schedule with that name, with one Omni call', async () => {
    let shown: Awaited<ReturnType<TestApp['command']>> | undefined;
    const calls = await omniCalls(async () => {
      shown = await t.command('show orders');
    });
    expect(calls).toEqual(['GET /api/v1/schedules']);
    const text = visibleText(blocksOf(shown?.responses[0]));
    expect(text).toContain('Orders');
    expect(text).toContain('*Owner*\nBlob Ross');
  });

  it('a name that matches twice lists both with a button each; the button pauses the one picked', async () => {
    const picker = await t.command('pause ord');
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    const blocks = blocksOf(picker.responses[0]);
    expectValidBlocks('message', blocks);
    const text = visibleText(blocks);
    expect(text).toContain('2 schedules start with “ord”; pick one.');
    expect(text).toContain('*Orders*');
    expect(text).toContain('*Orders (2)*');

    const click = await t.action({
      actionId: ActionIds.pickScheduleButton,
      value: `pause ${ORDERS2}`,
      message: { ts: '1700000000.000100', blocks },
      responseUrl: picker.responseUrl,
    });
    expect(t.sandbox.state.schedules.get(ORDERS2)?.disabledAt).not.toBeNull();
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    const answer = click.responses.at(-1);
    expect(answer?.replace_original).toBe(true);
    expect(visibleText(blocksOf(answer))).toContain(':double_vertical_bar: *Paused* since');
  });

  it('add takes the words before the first person as the name', async () => {
    // Orders (2) delivers to a webhook: the answer names it, so the name was found.
    const { texts } = await t.command('add Orders (2) new.person@example.com');
    expect(texts.at(-1)).toContain('*Orders (2)* delivers to a webhook, not by email.');
  });

  it('escapes what was typed when nothing matches', async () => {
    const { texts } = await t.command('show <b>&nothing');
    expect(texts[0]).toContain('No schedule matches “&lt;b&gt;&amp;nothing”');
  });
});
