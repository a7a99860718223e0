// End to end: what the app refuses to people and requests it should not act for. A Slack Connect person
// in a shared channel (their users.info names another team) is refused everything unless the workspace
// allows people from other organisations (`/schedule users policy external:on`).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS } from '../../src/fake-slack/fake-slack.js';
import { blockActionPayload, nowSeconds, postCommand, postInteraction } from '../../src/fake-slack/signing.js';
import { ActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { deliveriesOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.reset();
});

describe('people from other organisations (Slack Connect)', () => {
  const stranger = () =>
    t.slack.users.get('U0EXTERN01') ??
    t.slack.addUser({
      id: 'U0EXTERN01',
      name: 'xavier',
      real_name: 'Xavier External',
      team_id: 'T0OTHERORG',
      is_admin: true, // an admin of their own workspace is nobody's admin here
      sharedWithTeams: [FAKE_DEFAULTS.teamId],
    });
  const asStranger = { user: 'U0EXTERN01', team: FAKE_DEFAULTS.teamId };

  it('are refused list, run, pause, delete, connect and subscribe, and nothing reaches Omni', async () => {
    stranger();
    await t.deps.store.settings.update(t.scope, { includeExternal: false });
    const refusal = /^People from other organizations cannot use Omni schedules in this workspace/;
    for (const text of [
      'list',
      `run ${ORDERS}`,
      `pause ${ORDERS}`,
      `delete ${ORDERS}`,
      'connect',
      'users policy external:on',
    ]) {
      const { texts } = await t.command(text, asStranger);
      expect(texts, text).toHaveLength(1);
      expect(texts[0], text).toMatch(refusal);
    }
    for (const actionId of [ActionIds.runNowButton, ActionIds.pauseScheduleButton, ActionIds.subscribeButton]) {
      const { responses } = await t.action(
        { actionId, value: ORDERS, message: { ts: '1700000000.000100' } },
        asStranger,
      );
      expect(String(responses.at(-1)?.text), actionId).toMatch(/People from other organizations cannot use/);
    }
    expect(deliveriesOf(t, ORDERS)).toHaveLength(0);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).toBeNull();
    expect((await t.deps.store.settings.get(t.scope)).includeExternal).toBe(false);
    expect(t.audit.filter((a) => a.user === 'U0EXTERN01' && a.outcome !== 'refused')).toEqual([]);
  });

  it('may use the app once an admin allows it with external:on, and not after external:off', async () => {
    stranger();
    const { texts: set } = await t.command('users policy external:on', { user: t.users.admin });
    expect(set.join('\n')).toContain('external:on');
    const allowed = await t.command(`run ${ORDERS}`, asStranger);
    expect(allowed.texts.join('\n')).not.toMatch(/People from other organizations/);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    // Allowed in, they are still not this workspace's admin.
    const connect = await t.command('connect', asStranger);
    expect(connect.texts[0]).toMatch(/^Only workspace admins and owners can do this/);

    await t.command('users policy external:off', { user: t.users.admin });
    const refused = await t.command(`run ${ORDERS}`, asStranger);
    expect(refused.texts[0]).toMatch(/^People from other organizations cannot use/);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
  });
});

describe('each Slack request acts once', () => {
  it('a typed run replayed with the same body and signature within 5 minutes delivers once', async () => {
    const responseUrl = t.slack.newResponseUrl({ channel: 'C0000GEN1', userId: t.users.member.id });
    const fields = {
      user_id: t.users.member.id,
      text: `run ${ORDERS}`,
      team_id: FAKE_DEFAULTS.teamId,
      channel_id: 'C0000GEN1',
      response_url: responseUrl,
      trigger_id: t.slack.newTriggerId({ userId: t.users.member.id }),
    };
    const timestamp = nowSeconds();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await postCommand(t.url, t.signingSecret, fields, { timestamp }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    expect(t.slack.responsesTo(responseUrl)).toHaveLength(1);
    expect(t.logs.join('\n')).toContain('Slack request seen before (replay, trigger_id)');
  });

  it('a Slack retry of a Run now click (X-Slack-Retry-Num) is the same request: delivers once', async () => {
    const responseUrl = t.slack.newResponseUrl({ userId: t.users.member.id });
    const payload = blockActionPayload({
      user: { id: t.users.member.id, team_id: FAKE_DEFAULTS.teamId },
      team: FAKE_DEFAULTS.teamId,
      channel: 'C0000GEN1',
      actionId: ActionIds.runNowButton,
      value: ORDERS,
      triggerId: t.slack.newTriggerId({ userId: t.users.member.id }),
      responseUrl,
    });
    const first = await postInteraction(t.url, t.signingSecret, payload);
    const retry = await postInteraction(t.url, t.signingSecret, payload, { retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    expect(t.logs.join('\n')).toContain('Slack request seen before (retry, trigger_id)');
  });

  it('two different clicks are two requests (the guard keys on Slack’s id, not on what was clicked)', async () => {
    const { texts } = await t.command(`pause ${ORDERS}`);
    expect(texts.join('\n')).toContain('paused');
    await t.command(`resume ${ORDERS}`);
    await t.command(`pause ${ORDERS}`);
    expect(t.sandbox.state.schedules.get(ORDERS)?.disabledAt).not.toBeNull();
  });
});
