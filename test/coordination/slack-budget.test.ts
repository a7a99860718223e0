// The Slack budget against the fake Slack enforcing Slack's tiers, on one virtual clock (the budget's
// sleeps move the fake's clock), so a minute of waiting takes no real time.
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRateBudget } from '../../src/coordination/rate-budget.js';
import { SLACK_WINDOW_MS, SlackBudget, type SlackBudgetClock } from '../../src/coordination/slack-budget.js';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';

let fake: FakeSlack;
let client: WebClient;
let clock: SlackBudgetClock & { sleeps: number[] };
/** Calls on the wire: virtual time stands still until they have arrived, as network time is ~0 next to a minute. */
let inFlight = 0;
const tracked =
  <T>(call: () => Promise<T>) =>
  async (): Promise<T> => {
    inFlight += 1;
    try {
      return await call();
    } finally {
      inFlight -= 1;
    }
  };

beforeEach(async () => {
  fake = await startFakeSlack({ rateTiers: true });
  // The wrapper handles 429s (blocking the method for every replica), so the client must not retry them itself.
  client = new WebClient('xoxb-test-token', {
    slackApiUrl: fake.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const sleeps: number[] = [];
  clock = {
    sleeps,
    now: () => fake.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
      const until = fake.now() + ms;
      while (inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
      // Several callers may sleep to the same moment: time moves to it once.
      if (fake.now() < until) fake.advanceTime(until - fake.now());
    },
  };
});
afterEach(async () => {
  await fake.close();
});

const teamId = () => fake.defaultWorkspace.teamId;

describe('SlackBudget', () => {
  it('looks up 250 people with users.info (Tier 4) without one 429, waiting a window after each 100', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => fake.addUser({ name: `person${i}` }).id);
    const budget = new SlackBudget(new MemoryRateBudget(() => clock.now()), clock);
    const found = await Promise.all(
      ids.map((user) =>
        budget.call(
          teamId(),
          'users.info',
          tracked(() => client.users.info({ user })),
        ),
      ),
    );
    expect(found.map((r) => r.user?.id)).toEqual(ids);
    expect(fake.rateTiers?.limited.get('users.info') ?? 0).toBe(0);
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(2);
    expect(clock.sleeps.every((ms) => ms <= SLACK_WINDOW_MS)).toBe(true);
  });

  it('never drops a call when Slack says 429 anyway: it waits Retry-After and retries', async () => {
    fake.addUser({ name: 'someone' });
    // A budget that believes users.list allows far more than Slack's Tier 2 (20/min).
    const generous = new MemoryRateBudget(() => clock.now());
    const budget = new SlackBudget(
      {
        take: (key, _limit, windowMs) => generous.take(key, 1_000, windowMs),
        block: (key, ms) => generous.block(key, ms),
      },
      clock,
    );
    const pages = await Promise.all(
      Array.from({ length: 30 }, () =>
        budget.call(
          teamId(),
          'users.list',
          tracked(() => client.users.list({ limit: 200 })),
        ),
      ),
    );
    expect(pages.every((page) => page.ok)).toBe(true);
    expect(fake.rateTiers?.limited.get('users.list')).toBeGreaterThan(0);
    const answered = fake.calls.filter((c) => c.method === 'users.list' && c.status === 200);
    expect(answered).toHaveLength(30);
  });

  it('paces chat.postMessage to one a second per channel, channels apart', async () => {
    const budget = new SlackBudget(new MemoryRateBudget(() => clock.now()), clock);
    const post = (channel: string) =>
      budget.call(
        teamId(),
        'chat.postMessage',
        tracked(() => client.chat.postMessage({ channel, text: 'hi' })),
        {
          channel,
        },
      );
    await Promise.all([post('C1'), post('C1'), post('C1'), post('C2')]);
    expect(fake.rateTiers?.limited.get('chat.postMessage') ?? 0).toBe(0);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200)).toHaveLength(4);
  });

  it('passes other errors through unchanged', async () => {
    const budget = new SlackBudget(new MemoryRateBudget(() => clock.now()), clock);
    await expect(
      budget.call(teamId(), 'users.info', () => client.users.info({ user: 'U_NOBODY' })),
    ).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });
});
