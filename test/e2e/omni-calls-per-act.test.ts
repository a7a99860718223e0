// How many Omni calls each everyday act costs, counted at the sandbox (what Omni would receive).
// Omni allows 60 calls a minute per key, so each call saved is a wait avoided when people are busy.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { blocksOf, omniCallsDuring, rowOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.reset();
});

const omniCalls = (act: () => Promise<unknown>) => omniCallsDuring(t, act);

describe('Omni calls per act', () => {
  it('show: by name 1 (the search is the card), by id 2 (the schedule and its list record)', async () => {
    expect(await omniCalls(() => t.command('show Orders'))).toEqual(['GET /api/v1/schedules']);
    expect(await omniCalls(() => t.command(`show ${ORDERS}`))).toEqual([
      `GET /api/v1/schedules/${ORDERS}`,
      'GET /api/v1/schedules',
    ]);
  });

  it('pause by name: the search, the pause, and one search to read it back (3)', async () => {
    expect(await omniCalls(() => t.command('pause Orders'))).toEqual([
      'GET /api/v1/schedules',
      `PUT /api/v1/schedules/${ORDERS}/pause`,
      'GET /api/v1/schedules',
    ]);
  });

  it('Pause from a list row: the pause, its name, and the page (3, was 4)', async () => {
    const blocks = blocksOf((await t.command('list sort:name asc')).responses[0]);
    const message = { ts: '1700000002.000300', blocks };
    const calls = await omniCalls(() =>
      t.action({
        actionId: ActionIds.scheduleRowOverflow,
        blockId: String(rowOf(blocks, ORDERS).block_id),
        value: `pause:${ORDERS}`,
        message,
        isEphemeral: true,
      }),
    );
    expect(calls).toEqual([
      `PUT /api/v1/schedules/${ORDERS}/pause`,
      `GET /api/v1/schedules/${ORDERS}`,
      'GET /api/v1/schedules',
    ]);
  });

  it('Run now on a shared card: the run, and the schedule read back for the card (3)', async () => {
    await t.command(`share ${ORDERS}`);
    const card = t.slack.messagesIn(CHANNEL).at(-1);
    if (!card) throw new Error('the card was not posted');
    const calls = await omniCalls(() =>
      t.action({ actionId: ActionIds.runNowButton, value: ORDERS, message: { ts: card.ts, blocks: card.blocks } }),
    );
    expect(calls).toEqual([
      `POST /api/v1/schedules/${ORDERS}/trigger`,
      `GET /api/v1/schedules/${ORDERS}`,
      'GET /api/v1/schedules',
    ]);
  });
});
