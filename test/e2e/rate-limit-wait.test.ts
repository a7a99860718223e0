// Omni documents no Retry-After on its 429s: the client then waits out Omni's 60 s window, and the person
// whose request waits is told how long rather than left looking at nothing. Time is virtual and shared by
// the sandbox and the app's Omni client: a wait moves it on at once. The app's own pacing (a connection
// allowing fewer calls a minute than an act takes) is told the same way, as "Asking Omni… (about N s …)".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import type { Clock } from '../../src/omni/clock.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { clickOnCard, shareCard } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let offset = 0;
const clock: Clock = {
  now: () => Date.now() + offset,
  sleep: async (ms) => {
    offset += Math.max(0, ms);
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    // Fewer calls a minute than one pause takes (the pause, then reading the schedule back).
    sandbox: { rateLimitPerMinute: 2, retryAfter: false, now: clock.now },
    omniClientInternals: { clock },
  });
});
afterAll(() => t.close());

describe('a 429 without Retry-After', () => {
  it('is waited out, with the person told how long, and the command still succeeds', async () => {
    const { texts } = await t.command(`pause ${SEEDED_SCHEDULE_IDS.orders}`);
    const refused = t.sandbox.state.requests.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    // 61 s: Omni's 60 s window and a second of margin, as no Retry-After said otherwise.
    expect(texts[0]).toBe(
      ':hourglass_flowing_sand: Omni asked us to slow down; retrying in 61 s. Nothing is lost meanwhile.',
    );
    expect(texts.at(-1)).toContain('paused');
    expect(t.sandbox.state.schedules.get(SEEDED_SCHEDULE_IDS.orders)?.disabledAt).not.toBeNull();
  });

  it("a card's button: the card itself says how long, then the new card replaces the line", async () => {
    const id = SEEDED_SCHEDULE_IDS.webTrafficAnalysis; // paused in the seed
    const card = await shareCard(t, id);
    const updates = await clickOnCard(t, card, ActionIds.resumeScheduleButton, id);
    expect(visibleText(updates[0]?.params.blocks)).toContain('Asking Omni… (about 61 s: Omni asked the app to wait)');
    const shown = visibleText(t.slack.message('C0000GEN1', card.ts)?.blocks);
    expect(shown).toContain('resumed this');
    expect(shown).not.toContain('Asking Omni…');
  });
});

describe("the app's own pacing (no 429)", () => {
  const PACING = "the app keeps within Omni's calls-per-minute limit";

  it('a typed command says "Asking Omni…" with how long at once, then the answer replaces it', async () => {
    await t.connect({ rateLimitPerMinute: 1 });
    const { responses } = await t.command(`show ${SEEDED_SCHEDULE_IDS.orders}`);
    expect(String(responses[0]?.text)).toMatch(/^Asking Omni… \(about \d+ s: /);
    expect(String(responses[0]?.text)).toContain(PACING);
    expect(responses.at(-1)?.replace_original).toBe(true);
    expect(visibleText(responses.at(-1)?.blocks)).toContain('Orders');
  });

  it('Run now on a card: the card says how long, then the new card replaces the line', async () => {
    await t.connect();
    const id = SEEDED_SCHEDULE_IDS.orders;
    const card = await shareCard(t, id);
    await t.connect({ rateLimitPerMinute: 1 });
    const updates = await clickOnCard(t, card, ActionIds.runNowButton, id);
    expect(updates.map((u) => visibleText(u.params.blocks)).join('\n')).toContain(PACING);
    const shown = visibleText(t.slack.message('C0000GEN1', card.ts)?.blocks);
    expect(shown).toContain('started a run of this');
    expect(shown).not.toContain('Asking Omni…');
  });
});
