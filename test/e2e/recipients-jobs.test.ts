// Recipient changes as background jobs, end to end: a channel's people are added by a job whose progress
// message (in the person's DM with the app) is updated in place to the summary; the same change asked again
// while it runs joins it, another change to the same schedule queues behind it, and each answer says so;
// Slack's 429s on look-ups are waited out, never a person dropped; `users sync` is a job too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';

const QUERY = SEEDED_SCHEDULE_IDS.query; // email, one recipient

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const people = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      t.addMember({ id: `U0${prefix}${String(i).padStart(5, '0')}`, name: `${prefix.toLowerCase()}${i}` }),
    );
  t.slack.addChannel(
    'C0DESIGN1',
    people('DSG', 12).map((u) => u.id),
    { name: 'design' },
  );
  t.slack.addChannel(
    'C0LEGAL01',
    people('LGL', 3).map((u) => u.id),
    { name: 'legal' },
  );
  t.slack.addChannel(
    'C0OUTSID1',
    people('OUT', 4).map((u) => u.id),
    { name: 'outside' },
  );
});
afterAll(() => t.close());

describe('recipient changes as jobs', () => {
  it('joins the same change, queues another behind it, and waits out 429s without dropping anyone', async () => {
    // Slack refuses the first member look-ups with 429 (Retry-After 1 s): the job waits and retries, so it is still
    // running when the same change and another one arrive.
    t.slack.failNext('conversations.members', { status: 429, retryAfter: 1, times: 3 });
    const first = await t.command(`add ${QUERY} <#C0DESIGN1|design>`);
    const again = await t.command(`add ${QUERY} <#C0DESIGN1|design>`);
    const other = await t.command(`add ${QUERY} <#C0LEGAL01|legal>`);
    expect(first.texts).toEqual([
      `:hourglass_flowing_sand: Adding people to schedule \`${QUERY}\`: started. Progress and the summary are in your messages with the app.`,
    ]);
    expect(again.texts).toEqual([
      `:hourglass_flowing_sand: Adding people to schedule \`${QUERY}\`: the same change is already under way (asked earlier), so this one joins it. Its progress message shows how it goes.`,
    ]);
    expect(other.texts).toEqual([
      `:hourglass_flowing_sand: Adding people to schedule \`${QUERY}\`: waiting behind 1 other changes to this schedule; it starts when they finish. Progress and the summary are in your messages with the app.`,
    ]);
    const records = await t.settleJobs();
    expect(records.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(new Set(records.map((r) => r.id)).size).toBe(2); // the second asking joined the first job

    const dm = t.slack.messagesIn(`D${t.users.member.id.slice(1)}`);
    expect(dm.map((m) => m.text)).toEqual([
      expect.stringContaining('Added 12 recipients to *⚡️🍣 Query*'),
      expect.stringContaining('the same change is already under way'),
      expect.stringContaining('Added 3 recipients to *⚡️🍣 Query*'),
    ]);
    expect(t.slack.callsTo('conversations.members').filter((c) => c.status === 429)).toHaveLength(3);
    const emails = recipientEmails(t.sandbox, QUERY);
    for (let i = 0; i < 12; i += 1) expect(emails).toContain(`dsg${i}@example.com`);
    for (let i = 0; i < 3; i += 1) expect(emails).toContain(`lgl${i}@example.com`);
    expect(t.audit.filter((a) => a.action === 'add_recipients' && a.outcome === 'ok')).toHaveLength(2);
  });

  it('runs `users sync` of a channel as a job on the workspace, its summary replacing the progress message', async () => {
    const { texts, message, shown } = await t.commandJob('users sync <#C0OUTSID1|outside>');
    expect(texts).toEqual([
      ':hourglass_flowing_sand: `/schedule users sync`: started. Progress and the summary are in your messages with the app.',
    ]);
    expect(shown[0]).toContain('queued');
    expect(shown.at(-1)).toBe(message?.text);
    expect(visibleText(message?.blocks)).toContain('Synced 4 email-only users in Omni.');
    for (let i = 0; i < 4; i += 1) expect(t.sandbox.state.emailOnlyUsers.has(`out${i}@example.com`)).toBe(true);
    expect(t.audit.at(-1)).toMatchObject({ action: 'email_only_users', outcome: 'ok' });
  });

  it('reports a schedule that cannot take recipients in the progress message, and fails nothing else', async () => {
    const { message } = await t.commandJob(`add ${SEEDED_SCHEDULE_IDS.dailySlackUpdate} <#C0LEGAL01|legal>`);
    expect(message?.text).toContain('delivers to Slack, not by email');
    expect(t.audit.at(-1)).toMatchObject({ action: 'add_recipients', outcome: 'refused' });
  });
});
