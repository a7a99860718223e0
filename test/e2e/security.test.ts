// End to end: what the app refuses to people and requests it should not act for. A Slack Connect person
// in a shared channel (their users.info names another team) is refused everything unless the workspace
// allows people from other organisations (`/schedule users policy external:on`).
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS } from '../../src/fake-slack/fake-slack.js';
import { blockActionPayload, nowSeconds, postCommand, postInteraction } from '../../src/fake-slack/signing.js';
import { ActionIds } from '../../src/ids.js';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { deliveriesOf, forgetRecentRuns } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ackBody, openedView, scheduleWrites, submit } from './schedule-form-helpers.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await forgetRecentRuns(t);
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
    await t.settleJobs(); // the command runs as a job, after the ack
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

/**
 * Forwards every request to the sandbox; for a trigger, lets Omni act and then drops the answer (the socket
 * closes without a response), as a reset connection after the request reached Omni would.
 */
async function answerDroppingProxy(
  target: string,
  mode: 'forward-then-drop' | 'drop-before-forwarding',
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (mode === 'drop-before-forwarding' && req.method === 'POST' && req.url?.endsWith('/trigger')) {
        res.socket?.destroy();
        return;
      }
      const upstream = httpRequest(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            if (req.method === 'POST' && req.url?.endsWith('/trigger')) {
              res.socket?.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a run whose answer was lost', () => {
  it('when Omni ran it (lastCompletedAt after the click): shows it ran, once, without retrying', async () => {
    const proxy = await answerDroppingProxy(t.sandbox.url, 'forward-then-drop');
    try {
      await t.connect({ sandbox: { url: proxy.url, apiKey: t.sandbox.apiKey } as OmniSandbox });
      const { responses } = await t.command(`run ${ORDERS}`);
      expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
      expect(JSON.stringify(responses[0]?.blocks)).toContain(`<@${t.users.member.id}> started a run of this`);
      // What decided it: the schedule read back after the lost trigger.
      const calls = t.sandbox.state.requests.map((r) => `${r.method} ${r.path}`);
      const trigger = calls.lastIndexOf(`POST /api/v1/schedules/${ORDERS}/trigger`);
      expect(calls.slice(trigger + 1)).toContain(`GET /api/v1/schedules/${ORDERS}`);
      // The guard holds: a second run within the minute asks first.
      const again = await t.command(`run ${ORDERS}`, { user: t.users.admin });
      expect(again.texts[0]).toMatch(/^:hand: It was run \d+ s ago by <@U0MEMBER01>: run again\?$/);
      expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    } finally {
      await t.connect();
      await proxy.close();
    }
  });

  it('when Omni shows no new delivery: says the outcome is unknown (not failed), keeps the guard, offers Run again', async () => {
    const proxy = await answerDroppingProxy(t.sandbox.url, 'drop-before-forwarding');
    try {
      await t.connect({ sandbox: { url: proxy.url, apiKey: t.sandbox.apiKey } as OmniSandbox });
      const { texts, responses } = await t.command(`run ${ORDERS}`);
      expect(texts[0]).toContain(':grey_question: Omni did not answer whether it started the run');
      expect(texts[0]).toContain('the app did not try again');
      expect(texts[0]).toMatch(/Its last completed delivery was|no completed delivery/);
      expect(texts[0]).not.toMatch(/Try again|nothing was changed|failed/);
      expect(JSON.stringify(responses[0]?.blocks)).toContain(ActionIds.runAgainButton);
      expect(t.audit.filter((a) => a.action === 'run').at(-1)).toMatchObject({ outcome: 'failed' });
      const held = await t.command(`run ${ORDERS}`, { user: t.users.admin });
      expect(held.texts[0]).toMatch(/^:hand: It was run \d+ s ago by <@U0MEMBER01>: run again\?$/);

      await t.connect();
      await t.action({ actionId: ActionIds.runAgainButton, value: ORDERS, responseUrl: held.responseUrl });
      expect(deliveriesOf(t, ORDERS)).toHaveLength(1);
    } finally {
      await t.connect();
      await proxy.close();
    }
  });
});

describe('the create form submitted twice', () => {
  async function openCreateForm() {
    t.slack.addChannel('C0000GEN1', [t.users.member.id]);
    const since = t.slack.callsTo('views.open').length;
    await t.command('create 12db1a0a');
    return openedView(t, since);
  }

  it('a double click (two submissions of one view, together) makes one schedule', async () => {
    const view = await openCreateForm();
    const since = t.sandbox.state.requests.length;
    const before = t.sandbox.state.schedules.size;
    const [a, b] = await Promise.all([submit(t, view), submit(t, view)]);
    expect([ackBody(a).response_action, ackBody(b).response_action]).toEqual(['update', 'update']);
    expect(scheduleWrites(t, since)).toHaveLength(1);
    expect(t.sandbox.state.schedules.size).toBe(before + 1);
    expect(t.audit.filter((l) => l.action === 'create' && l.outcome === 'ok')).toHaveLength(1);
  });

  it('submitted again after it saved (a late second delivery) makes no second schedule', async () => {
    const view = await openCreateForm();
    const before = t.sandbox.state.schedules.size;
    await submit(t, view);
    const since = t.sandbox.state.requests.length;
    await submit(t, view);
    expect(scheduleWrites(t, since)).toHaveLength(0);
    expect(t.sandbox.state.schedules.size).toBe(before + 1);
  });

  it('a save that failed frees the form: submitted again, it saves once', async () => {
    const view = await openCreateForm();
    const before = t.sandbox.state.schedules.size;
    // Omni cannot be reached (nothing listens there): nothing is saved, the form comes back.
    await t.connect({ sandbox: { url: 'http://127.0.0.1:1', apiKey: 'unused' } as OmniSandbox });
    try {
      await submit(t, view);
    } finally {
      await t.connect();
    }
    expect(t.sandbox.state.schedules.size).toBe(before);
    expect(t.audit.at(-1)).toMatchObject({ action: 'create', outcome: 'failed' });
    await submit(t, view);
    expect(t.sandbox.state.schedules.size).toBe(before + 1);
  });
});

describe('Omni text is escaped wherever the app posts it', () => {
  it('a shared card of a schedule named with <!channel>, <@U…> and &<> notifies nobody', async () => {
    const schedule = t.sandbox.state.schedules.get(ORDERS);
    if (!schedule) throw new Error('seeded schedule missing');
    schedule.name = 'Weekly <!channel> <@U0ADMIN01> <!here> & <https://evil.example|click>';
    const before = t.slack.messagesIn('C0000GEN1').length;
    await t.command(`share ${ORDERS}`);
    const card = t.slack.messagesIn('C0000GEN1')[before];
    expect(card).toBeDefined();
    const text = String(card?.text);
    expect(text).toContain(
      'Weekly &lt;!channel&gt; &lt;@U0ADMIN01&gt; &lt;!here&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    // No raw command in the text or any mrkdwn, so no notification and no link. (The header is plain_text,
    // which Slack shows as typed and never parses, so the name stays readable there.)
    const blocks = (card?.blocks ?? []) as { type: string; text?: { type: string } }[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const posted = JSON.stringify({ text: card?.text, blocks: blocks.slice(1) });
    for (const raw of ['<!channel>', '<!here>', '<@U0ADMIN01>', '<https://evil.example'])
      expect(posted).not.toContain(raw);
  });
});
