// Pacing end to end: adding a channel of 45 people with the email-only policy takes more Omni calls than
// the connection (limited low on purpose) may make in a minute; the client spreads them so that the
// sandbox (rate limit on) never answers 429. Time runs 20× faster for both the sandbox and the app's Omni
// client (one virtual minute is three real seconds), so the test stays quick while the pacing logic runs
// for real. The limits leave two calls of margin: at 20×, a request delayed by a busy machine would have
// to arrive a whole virtual minute late for the sandbox to count it in the wrong window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/omni/clock.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';

const SPEED = 20;
/** Below the 8 calls the work needs, so that unpaced calls would be refused. */
const SANDBOX_LIMIT = 7;
const CLIENT_LIMIT = 5; // the connection's limit, at or below Omni's

const origin = Date.now();
const clock: Clock = {
  now: () => origin + (Date.now() - origin) * SPEED,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / SPEED))),
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    sandbox: { rateLimitPerMinute: SANDBOX_LIMIT, now: clock.now },
    omniClientInternals: { clock },
    connect: false,
  });
  await t.connect({ connectedBy: t.users.admin.id, rateLimitPerMinute: CLIENT_LIMIT });
  const team = Array.from({ length: 45 }, (_, i) =>
    t.addMember({ id: `U0P${String(i).padStart(6, '0')}`, name: `paced${i}` }),
  );
  t.slack.addChannel(
    'C0PACED45',
    team.map((u) => u.id),
  );
  await t.store.settings.update(t.scope, { nonMemberPolicy: 'email_only_user' });
});
afterAll(() => t.close());

describe('pacing under the rate limit', () => {
  it('never gets a 429 from Omni, although the work needs more calls than a minute allows', async () => {
    const { message } = await t.commandJob(`add ${SEEDED_SCHEDULE_IDS.query} <#C0PACED45|paced>`);
    expect(message?.text).toContain('Added 45 recipients');
    const log = t.sandbox.state.requests;
    // 2 reads + 1 member check (one SCIM page) + the attributes + 3 batches + the change: more than Omni
    // allows a minute.
    expect(log.length).toBeGreaterThan(SANDBOX_LIMIT);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    expect(recipientEmails(t.sandbox, SEEDED_SCHEDULE_IDS.query)).toHaveLength(46);
  });
});
