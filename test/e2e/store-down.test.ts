// End to end: the app's storage stops answering. Each request is still acknowledged at once, and the person
// reads "Storage is not answering; nothing was changed" where Slack would otherwise say the app did not
// respond; nothing reaches Omni.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { STORE_DOWN_TEXT } from '../../src/slack/errors.js';
import { deliveriesOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;

// An app of its own: after one request (so the store's namespaces are open, as in a running app) its store
// is closed for good, and every operation fails with StoreUnavailableError as it does when the backend is
// down (test/store/unavailable.test.ts).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.command('help');
  await t.deps.store.close();
});
afterAll(() => t?.close());

describe('while the store is down', () => {
  it('/schedule list is acknowledged and answers that storage is not answering; Omni is not asked', async () => {
    const before = t.sandbox.state.requests.length;
    const { status, body, responses } = await t.command('list');
    expect(status).toBe(200);
    expect(body).toBeFalsy(); // a plain ack: Slack shows no error of its own
    expect(responses.map((r) => r.text)).toEqual([STORE_DOWN_TEXT]);
    expect(t.sandbox.state.requests.length).toBe(before);
  });

  it('a Run now click is acknowledged, answers the same, and runs nothing', async () => {
    const { status, responses } = await t.action({
      actionId: ActionIds.runNowButton,
      value: ORDERS,
      message: { ts: '1700000004.000100' },
    });
    expect(status).toBe(200);
    expect(responses.map((r) => r.text)).toEqual([STORE_DOWN_TEXT]);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(0);
  });
});

describe('when the store is down before the first request', () => {
  it('the replay check cannot even open its namespace: acknowledged, with the same answer', async () => {
    const fresh = await startTestApp();
    try {
      await fresh.deps.store.close();
      const { status, responses } = await fresh.command('list');
      expect(status).toBe(200);
      expect(responses.map((r) => r.text)).toEqual([STORE_DOWN_TEXT]);
    } finally {
      await fresh.close();
    }
  });
});
