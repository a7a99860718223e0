// End to end: `/schedule list mine|receiving|paused|disabled`, the searches Omni cannot do itself,
// each saying what the app did instead of a bare "No schedules match".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { MISSING_QUERY_SCHEDULE_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { blocksOf, rowNames } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.reset();
});

describe('/schedule list, by what Omni cannot search', () => {
  it('paused: only paused schedules, and a note saying the app looked through them', async () => {
    const blocks = blocksOf((await t.command('list paused')).responses[0]);
    expectValidBlocks('message', blocks);
    const names = rowNames(blocks);
    expect(names).toContain('Web Traffic Analysis');
    expect(names).not.toContain('Orders');
    expect(visibleText(blocks)).toContain('Omni cannot filter by state, so the app looked through all');
  });

  it('disabled: the schedules Omni disabled itself', async () => {
    const blocks = blocksOf((await t.command('list disabled')).responses[0]);
    const names = rowNames(blocks);
    expect(names).toHaveLength(1);
    expect(JSON.stringify(blocks)).toContain(MISSING_QUERY_SCHEDULE_ID);
  });

  it('mine: the schedules the Omni user with my Slack email owns', async () => {
    const blob = t.addMember({ name: 'blob', profile: { email: 'blob.ross@blobsrus.com' } });
    const blocks = blocksOf((await t.command('list mine', { user: blob })).responses[0]);
    const names = rowNames(blocks);
    expect(names).toContain('Orders');
    expect(names).not.toContain('Orders (2)'); // owned by Blobby Hill
  });

  it('mine, for someone with no Omni account: says so', async () => {
    const stranger = t.addMember({ name: 'stranger', profile: { email: 'stranger@example.com' } });
    const blocks = blocksOf((await t.command('list mine', { user: stranger })).responses[0]);
    expect(visibleText(blocks)).toContain('No Omni user has your email (stranger@example.com)');
  });

  it('receiving: the email schedules, saying Omni cannot search by recipient', async () => {
    const blob = t.addMember({ name: 'blob2', profile: { email: 'blob.ross@blobsrus.com' } });
    const blocks = blocksOf((await t.command('list receiving', { user: blob })).responses[0]);
    expect(visibleText(blocks)).toContain('Omni cannot search by recipient');
    expect(rowNames(blocks)).not.toContain('Orders (2)'); // a webhook
    expect(SEEDED_SCHEDULE_IDS.orders2).toBeDefined();
  });
});
