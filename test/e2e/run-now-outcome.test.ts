// Run now on a shared card when Omni runs asynchronously: the card says who started the run and when, then
// is redrawn in place with what Omni recorded (delivered, or failed), or says it stopped checking; a click
// while a run is going gets Omni's 409 in words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { deliveriesOf, forgetRecentRuns } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';

/** The watcher's waits pass only when the test lets them. */
const waiting: (() => void)[] = [];
const sleeps: number[] = [];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    // Long enough that no run ends by itself during a test; finishRunsNow() ends them.
    sandbox: { runMs: 3_600_000 },
    runWatch: {
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise<void>((resolve) => waiting.push(resolve));
      },
    },
  });
});
afterAll(async () => {
  await t.sandbox.finishRunsNow();
  await t.close();
});
beforeEach(async () => {
  await t.sandbox.finishRunsNow();
  t.sandbox.reset();
  // Each test starts past the app's one-run-a-minute guard.
  await forgetRecentRuns(t);
  sleeps.length = 0;
});

/** Lets every wait pass until the card stops following its run. */
async function followToTheEnd(): Promise<void> {
  const watches = t.deps.runWatches;
  if (!watches) throw new Error('the app follows no runs');
  while (watches.following > 0) {
    for (const resolve of waiting.splice(0)) resolve();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function shareCard(id: string) {
  const before = t.slack.messagesIn(CHANNEL).length;
  await t.command(`share ${id}`);
  const message = t.slack.messagesIn(CHANNEL)[before];
  if (!message) throw new Error('the card was not posted');
  return message;
}

const click = (message: { ts: string; blocks?: unknown[] }, id: string, user = t.users.member) =>
  t.action({ actionId: ActionIds.runNowButton, value: id, message: { ts: message.ts, blocks: message.blocks }, user });

const cardText = (ts: string) => visibleText(t.slack.message(CHANNEL, ts)?.blocks);

describe('Run now on a card, with Omni recording the outcome later', () => {
  it('says who started it, then shows Delivered in place once Omni records it', async () => {
    const card = await shareCard(ORDERS);
    await click(card, ORDERS);
    expect(cardText(card.ts)).toContain(`<@${t.users.member.id}> started a run of this`);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(0);

    await t.sandbox.finishRunsNow();
    await followToTheEnd();
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    const text = cardText(card.ts);
    expect(text).toContain(`<@${t.users.member.id}> started a run`);
    expect(text).toContain(':white_check_mark: Delivered');
    // The waits keep the checks inside a tenth of the key's budget, backing off from 5 s.
    expect(sleeps[0]).toBe(5_000);
  });

  it('a second click while the run is going says a run is already going (Omni’s 409)', async () => {
    const first = await shareCard(ORDERS);
    const second = await shareCard(ORDERS);
    await click(first, ORDERS);
    // A minute later (past the app's own guard) the run is still going: Omni answers 409.
    await forgetRecentRuns(t);
    const refused = await click(second, ORDERS, t.users.admin);
    expect(String(refused.responses.at(-1)?.text)).toContain('A run of this schedule is already going');
    await t.sandbox.finishRunsNow();
    await followToTheEnd();
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
  });

  it('a failed run shows Failed on the card', async () => {
    const omni = await t.deps.omniFor(t.scope);
    const created = await omni.createSchedule({
      identifier: '12db1a0a',
      name: 'Hook nobody answers',
      schedule: '0 9 ? * MON-FRI *',
      timezone: 'UTC',
      format: 'csv',
      destinationType: 'webhook',
      url: 'http://127.0.0.1:1/hook',
    });
    const id = created.id;
    if (!id) throw new Error('Omni gave no id');
    const card = await shareCard(id);
    await click(card, id);
    await t.sandbox.finishRunsNow();
    await followToTheEnd();
    expect(cardText(card.ts)).toContain(':x: Failed');
  });

  it('stops checking politely when Omni has not recorded the outcome within the bound', async () => {
    const card = await shareCard(ORDERS);
    await click(card, ORDERS);
    await followToTheEnd();
    const text = cardText(card.ts);
    expect(text).toContain('Omni had not recorded its outcome after 15 min, so this card stopped checking');
    expect(text).toContain(`/schedule show ${ORDERS}`);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(15 * 60_000);
  });
});
