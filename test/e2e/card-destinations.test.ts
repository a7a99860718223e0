// End to end: a card says exactly where its schedule goes, from the GET-one answer it already reads: a
// webhook's host (never its path or query, which often carry its token), an SFTP server and folder (never
// its user or password).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { type Schedule, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { blocksOf, forgetRecentRuns, omniCallsDuring } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOOK = SEEDED_SCHEDULE_IDS.orders2;
const SFTP = '0f0e0d0c-0000-4000-8000-00000000e001';
const CHANNEL = 'C0000GEN1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await forgetRecentRuns(t);
  const hook = t.sandbox.state.schedules.get(HOOK) as Schedule;
  hook.destination = { type: 'webhook', url: 'https://hooks.example.com/T000/B000/XXXXSECRET?token=abc123' };
  t.sandbox.state.schedules.set(SFTP, {
    ...structuredClone(hook),
    id: SFTP,
    destinationId: '0f0e0d0c-0000-4000-8000-00000000e002',
    name: 'Orders to SFTP',
    format: 'csv',
    destination: {
      type: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 2222,
      username: 'ftp-account',
      path: '/reports/daily',
      hasPassword: true,
    },
  });
});

const cardText = async (id: string) => {
  const { responses } = await t.command(`show ${id}`);
  return JSON.stringify(blocksOf(responses.at(-1))) + visibleText(blocksOf(responses.at(-1)));
};

describe('where the card says a schedule goes', () => {
  it("a webhook schedule's card shows the host and not the path or query", async () => {
    const text = await cardText(HOOK);
    expect(text).toContain(':link: Webhook');
    expect(text).toContain('to `hooks.example.com`');
    expect(text).not.toMatch(/XXXXSECRET|abc123|T000/);
  });

  it("an SFTP schedule's card shows the server and folder, not the account", async () => {
    const text = await cardText(SFTP);
    expect(text).toContain(':file_folder: SFTP (CSV) to `sftp.blobsrus.com:2222`, folder `/reports/daily`');
    expect(text).not.toContain('ftp-account');
  });

  it('the card redrawn after Run now still says where, from the read-back it already made', async () => {
    await t.command(`share ${HOOK}`);
    const card = t.slack.messagesIn(CHANNEL).at(-1);
    if (!card) throw new Error('the card was not posted');
    const calls = await omniCallsDuring(t, () =>
      t.action({ actionId: ActionIds.runNowButton, value: HOOK, message: { ts: card.ts, blocks: card.blocks } }),
    );
    expect(calls).toEqual([
      `POST /api/v1/schedules/${HOOK}/trigger`,
      `GET /api/v1/schedules/${HOOK}`,
      'GET /api/v1/schedules',
    ]);
    const redrawn = visibleText(t.slack.message(CHANNEL, card.ts)?.blocks);
    expect(redrawn).toContain('started a run of this');
    expect(redrawn).toContain('to `hooks.example.com`');
    expect(redrawn).not.toContain('XXXXSECRET');
  });
});
