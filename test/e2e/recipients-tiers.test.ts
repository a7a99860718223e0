// A channel that is most of the workspace, under Slack's rate tiers as the fake enforces them (per team and
// method, 429 with Retry-After): the job pages through users.list (200 people a page, Tier 2) instead of
// asking users.info for each person (Tier 4, about 100 a minute), stays within every tier (no 429), and adds
// everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';

const PEOPLE = 450;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ slackRateTiers: true });
  const team = Array.from({ length: PEOPLE }, (_, i) =>
    t.addMember({ id: `U0W${String(i).padStart(6, '0')}`, name: `worker${i}` }),
  );
  t.slack.addChannel(
    'C0EVERY01',
    team.map((u) => u.id),
    { name: 'everyone' },
  );
});
afterAll(() => t.close());

describe('large channels under Slack’s tiers', () => {
  it('prefetches with users.list, draws no 429 and drops nobody', async () => {
    const { message } = await t.commandJob(`add ${SEEDED_SCHEDULE_IDS.query} <#C0EVERY01|everyone>`);
    expect(message?.text).toContain(`Added ${PEOPLE} recipients`);
    const pages = t.slack.callsTo('users.list');
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(PEOPLE / 200));
    expect(pages.every((c) => Number(c.params.limit) === 200)).toBe(true);
    // Everyone came from the pages: no one was asked for one by one (the asker's own role is looked up once).
    expect(t.slack.callsTo('users.info').filter((c) => String(c.params.user).startsWith('U0W'))).toEqual([]);
    expect([...(t.slack.rateTiers?.limited ?? new Map([['not started', 1]]))]).toEqual([]);
    const emails = recipientEmails(t.sandbox, SEEDED_SCHEDULE_IDS.query);
    for (let i = 0; i < PEOPLE; i += 1) expect(emails).toContain(`worker${i}@example.com`);
  });
});
