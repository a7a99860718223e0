// End to end through the real Bolt HTTP receiver, the fake Slack and the Omni sandbox: /schedule list
// (filters, sort, pages), show, share, and run, pause, resume and delete typed as commands.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { ActionIds } from '../../src/ids.js';
import { MISSING_QUERY_SCHEDULE_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import {
  addSchedules,
  auditOf,
  blocksOf,
  deliveriesOf,
  forgetRecentRuns,
  rowNames,
  rowOf,
  rowTexts,
} from '../support/schedule-e2e.js';
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
  await forgetRecentRuns(t);
});

describe('/schedule list', () => {
  it('lists every schedule with its destination, timing, last run and state, only for the asker', async () => {
    const { responses } = await t.command('list');
    expect(responses).toHaveLength(1);
    expect(responses[0]?.response_type).toBe('ephemeral');
    const blocks = blocksOf(responses[0]);
    expectValidBlocks('message', blocks);
    expect(rowTexts(blocks)).toHaveLength(7);
    const orders = visibleText(rowOf(blocks, ORDERS));
    expect(orders).toContain('*Orders* · Orders');
    expect(orders).toContain(
      ':email: Email (PDF) to 3 recipients · At 09:00, Monday through Friday · America/New_York',
    );
    expect(orders).toContain(':white_check_mark: Delivered <!date^');
    const paused = visibleText(rowOf(blocks, SEEDED_SCHEDULE_IDS.webTrafficAnalysis));
    expect(paused).toContain(':double_vertical_bar: *Paused* since');
    const disabled = visibleText(rowOf(blocks, MISSING_QUERY_SCHEDULE_ID));
    expect(disabled).toContain(':no_entry: *Disabled by Omni*');
    expect(disabled).toContain('a query it delivers no longer exists on the dashboard');
    expect(visibleText(rowOf(blocks, SEEDED_SCHEDULE_IDS.orders2))).toContain(':link: Webhook (link)');
  });

  it('passes filters and sort to Omni', async () => {
    const failing = blocksOf((await t.command('list status:error')).responses[0]);
    expect(rowNames(failing).sort()).toEqual(['Regional sales alert', '⚡️🍣 Query']);
    expect(visibleText(failing)).toContain('last run failed');

    const webhooks = blocksOf((await t.command('list destination:webhook')).responses[0]);
    expect(rowNames(webhooks)).toEqual(['Orders (2)']);

    const ascending = rowNames(blocksOf((await t.command('list sort:name asc')).responses[0]));
    const descending = rowNames(blocksOf((await t.command('list sort:name desc')).responses[0]));
    expect(ascending).toHaveLength(7);
    expect(ascending).toEqual([...descending].reverse());
    expect(ascending.indexOf('Daily Slack update')).toBeLessThan(ascending.indexOf('Web Traffic Analysis'));
    // A bare list reads names A to Z (Omni's own default would be Z to A).
    expect(rowNames(blocksOf((await t.command('list')).responses[0]))).toEqual(ascending);

    const search = blocksOf((await t.command('list orders sort:name desc')).responses[0]);
    expect(rowNames(search)).toEqual(['Orders (2)', 'Orders']);

    const query = t.sandbox.state.requests.filter((r) => r.path === '/api/v1/schedules').at(-1);
    expect(query?.query).toMatchObject({ q: 'orders', sortField: 'scheduleName', sortDirection: 'desc', cursor: '1' });
  });

  it('answers a bad filter with one line naming the allowed values, and the usage', async () => {
    const { texts } = await t.command('list status:failed');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('`status:` takes one of `success`, `error`, `canceled`, `none`; got `failed`.');
    expect(texts[0]).toContain(
      'Usage: `/schedule list [words] [mine] [receiving] [paused|disabled] [status:success|error|canceled|none]',
    );
  });

  it('says when nothing matches', async () => {
    const { responses } = await t.command('list no-such-report');
    expect(visibleText(blocksOf(responses[0]))).toContain('No schedules match `no-such-report`');
  });

  it('pages forward and back with Next and Previous, keeping filters and sort', async () => {
    addSchedules(t.sandbox, 45, 'Paging report', ORDERS);
    const first = await t.command('list paging sort:name asc');
    const page1 = blocksOf(first.responses[0]);
    expect(rowNames(page1)).toHaveLength(20);
    expect(rowNames(page1)[0]).toBe('Paging report 01');
    expect(visibleText(page1)).toContain('45 schedules · page 1 of 3');

    const list = { ts: '1700000000.000100', blocks: page1 };
    const next = await t.action({
      actionId: ActionIds.listNextPageButton,
      message: list,
      isEphemeral: true,
    });
    const page2 = blocksOf(next.responses.at(-1));
    expect(next.responses.at(-1)?.replace_original).toBe(true);
    expect(rowNames(page2)[0]).toBe('Paging report 21');
    expect(visibleText(page2)).toContain('page 2 of 3');

    const third = await t.action({
      actionId: ActionIds.listNextPageButton,
      message: { ts: list.ts, blocks: page2 },
      isEphemeral: true,
    });
    const page3 = blocksOf(third.responses.at(-1));
    expect(rowNames(page3)).toEqual([
      'Paging report 41',
      'Paging report 42',
      'Paging report 43',
      'Paging report 44',
      'Paging report 45',
    ]);
    expect(JSON.stringify(page3)).not.toContain(ActionIds.listNextPageButton);

    const back = await t.action({
      actionId: ActionIds.listPreviousPageButton,
      message: { ts: list.ts, blocks: page3 },
      isEphemeral: true,
    });
    expect(rowNames(blocksOf(back.responses.at(-1)))[0]).toBe('Paging report 21');
  });

  it('falls back to the last page when schedules were deleted since the page was drawn', async () => {
    const added = addSchedules(t.sandbox, 25, 'Shrinking report', ORDERS);
    const page1 = blocksOf((await t.command('list shrinking sort:name asc')).responses[0]);
    for (const s of added.slice(5)) t.sandbox.state.schedules.delete(s.id);
    const next = await t.action({
      actionId: ActionIds.listNextPageButton,
      message: { ts: '1.2', blocks: page1 },
      isEphemeral: true,
    });
    expect(rowNames(blocksOf(next.responses.at(-1)))).toHaveLength(5);
  });
});

describe('/schedule show and share', () => {
  it('shows the card by UUID and by Omni URL', async () => {
    const byId = await t.command(`show ${ORDERS}`);
    const card = blocksOf(byId.responses[0]);
    expectValidBlocks('message', card);
    const text = visibleText(card);
    expect(text).toContain('Orders');
    expect(text).toContain('*Dashboard*');
    expect(text).toContain(':email: Email (PDF) to 3 recipients');
    expect(text).toContain('*Owner*\nBlob Ross');
    expect(text).toContain(':arrow_forward: Active');
    expect(byId.responses[0]?.response_type).toBe('ephemeral');

    const byUrl = await t.command(`show <https://blobsrus.omniapp.co/dashboards/12db1a0a/schedules/${ORDERS}>`);
    expect(visibleText(blocksOf(byUrl.responses[0]))).toContain('Blob Ross');
  });

  it('says when no schedule has the name, and quotes Omni for an unknown id', async () => {
    const bad = await t.command('show yesterday');
    expect(bad.texts[0]).toContain('No schedule matches “yesterday”: Omni found nothing for “yesterday”.');
    const none = await t.command('show');
    expect(none.texts[0]).toContain('Usage: `/schedule show &lt;name or id&gt;`');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await t.command(`show ${unknown}`);
    expect(missing.texts[0]).toContain(`Scheduled task with id ${unknown} does not exist`);
  });

  it('explains a system-disabled schedule with Omni’s reason', async () => {
    const { responses } = await t.command(`show ${MISSING_QUERY_SCHEDULE_ID}`);
    const text = visibleText(blocksOf(responses[0]));
    expect(text).toContain(':no_entry: *Disabled by Omni* since');
    expect(text).toContain('a query it delivers no longer exists on the dashboard');
    expect(text).toContain(':bell: Alert: sends only when results are present');
  });

  it('share posts the card in the channel for everyone', async () => {
    const posts = t.slack.callsTo('chat.postMessage').length;
    const { texts } = await t.command(`share ${ORDERS}`);
    const call = t.slack.callsTo('chat.postMessage')[posts];
    expect(call?.params.channel).toBe(CHANNEL);
    const message = t.slack.messagesIn(CHANNEL).at(-1);
    expect(visibleText(message?.blocks)).toContain(`Shared by <@${t.users.member.id}>`);
    expect(JSON.stringify(message?.blocks)).toContain(ActionIds.runNowButton);
    expect(texts).toEqual([':white_check_mark: Posted the card for *Orders* in this channel.']);
  });

  it('share explains how to add the app when it is not in the channel', async () => {
    t.slack.addChannel('C0NOBOT01', [t.users.member.id], { botIsMember: false });
    const before = t.slack.messagesIn('C0NOBOT01').length;
    const { texts } = await t.command(`share ${ORDERS}`, { channel: 'C0NOBOT01' });
    expect(texts[0]).toContain(
      "I can't post in this channel because I'm not a member. Add me with `/invite @Omni Schedules`",
    );
    expect(t.slack.messagesIn('C0NOBOT01')).toHaveLength(before);
  });
});

describe('run, pause, resume and delete by command', () => {
  it('run (and its alias trigger) delivers at once and answers with the updated card', async () => {
    const { responses } = await t.command(`run ${ORDERS}`);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    const text = visibleText(blocksOf(responses[0]));
    expect(text).toContain(`<@${t.users.member.id}> started a run of this`);
    // Typed again within the minute: held back, with a Run again button that does run it.
    const again = await t.command(`trigger ${ORDERS}`);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    expect(again.texts[0]).toMatch(/^:hand: It was run \d+ s ago by you: run again\?$/);
    expect(JSON.stringify(again.responses[0]?.blocks)).toContain(ActionIds.runAgainButton);
    await t.action({ actionId: ActionIds.runAgainButton, value: ORDERS, responseUrl: again.responseUrl });
    expect(deliveriesOf(t, ORDERS)).toHaveLength(2);
    expect(auditOf(t, 'run', ORDERS)).toEqual(['ok', 'refused', 'ok']);
  });

  it('pause and resume change Omni’s state; pausing twice is the card saying so; Omni’s refusals are quoted', async () => {
    const paused = await t.command(`pause ${ORDERS}`);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
    expect(visibleText(blocksOf(paused.responses[0]))).toContain(':double_vertical_bar: *Paused* since');

    const again = await t.command(`pause ${ORDERS}`);
    expect(visibleText(blocksOf(again.responses[0]))).toContain('was already paused; nothing was changed.');
    expect(auditOf(t, 'pause', ORDERS).slice(-2)).toEqual(['ok', 'failed']);

    await t.command(`resume ${ORDERS}`);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();

    const disabled = await t.command(`pause ${MISSING_QUERY_SCHEDULE_ID}`);
    expect(disabled.texts[0]).toContain('Schedule is system disabled');
  });

  it('delete asks first; Delete on the prompt removes it, Cancel keeps it', async () => {
    const prompt = await t.command(`delete ${ORDERS}`);
    expect(t.sandbox.state.schedules.has(ORDERS)).toBe(true);
    const blocks = blocksOf(prompt.responses[0]);
    expect(visibleText(blocks)).toContain(':warning: Delete *Orders*?');
    const message = { ts: '1700000001.000200', blocks };

    const cancel = await t.action({ actionId: ActionIds.cancelDeleteButton, message, isEphemeral: true });
    expect(cancel.responses.at(-1)).toMatchObject({
      replace_original: true,
      text: 'Not deleted: the schedule is unchanged.',
    });
    expect(t.sandbox.state.schedules.has(ORDERS)).toBe(true);

    const del = await t.action({ actionId: ActionIds.deleteScheduleButton, value: ORDERS, message, isEphemeral: true });
    expect(t.sandbox.state.schedules.has(ORDERS)).toBe(false);
    expect(del.responses.at(-1)?.replace_original).toBe(true);
    expect(visibleText(blocksOf(del.responses.at(-1)))).toMatch(
      new RegExp(`:wastebasket: \\*Orders\\* was deleted by <@${t.users.member.id}> <!date\\^`),
    );
    expect(auditOf(t, 'delete', ORDERS)).toEqual(['ok']);
  });
});
