// End to end: a menu value a person could not have picked (a forged or tampered request) is refused, never
// read as a default, and nothing reaches Omni.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds, BlockIds, WatchActionIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { NOT_OFFERED_TEXT } from '../../src/slack/offered.js';
import { NOT_OFFERED } from '../../src/slack/ui/schedule-form-state.js';
import { watchServices } from '../../src/slack/watch-services.js';
import { workspaceKey } from '../../src/store/index.js';
import { blocksOf, deliveriesOf, forgetRecentRuns, rowOf } from '../support/schedule-e2e.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ackBody, blockIdOf, formValues, openedView, scheduleWrites } from './schedule-form-helpers.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const OTHER = SEEDED_SCHEDULE_IDS.orders2;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.slack.addChannel('C0000GEN1', [t.users.member.id]);
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await forgetRecentRuns(t);
});

const paused = (id: string) => t.sandbox.state.schedules.get(id)?.disabledAt ?? null;

describe('the schedule form', () => {
  it.each([
    ['a format no destination takes', 'exe'],
    ['a format offered for webhooks, not for the Slack channel the menu was drawn for', 'json'],
  ])('a create submitted with %s gets an error on Format; nothing is saved', async (_what, forged) => {
    const since = t.slack.callsTo('views.open').length;
    await t.command('create 12db1a0a');
    const view = openedView(t, since);
    const before = t.sandbox.state.schedules.size;
    const requestsBefore = t.sandbox.state.requests.length;
    const values = formValues(view);
    const format = blockIdOf(view, BlockIds.formFormat);
    values[format] = {
      [ActionIds.formFormatSelect]: {
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: forged }, value: forged },
      },
    };
    const res = await t.submitView({ view, values });
    expect(ackBody(res)).toEqual({ response_action: 'errors', errors: { [format]: NOT_OFFERED } });
    expect(scheduleWrites(t, requestsBefore)).toEqual([]);
    expect(t.sandbox.state.schedules.size).toBe(before);
    expect(t.audit.filter((a) => a.action === 'create')).toEqual([]);
  });
});

describe("a list row's menu", () => {
  async function listMessage() {
    const blocks = blocksOf((await t.command('list sort:name asc')).responses[0]);
    return { blocks, message: { ts: '1700000003.000100', blocks }, blockId: String(rowOf(blocks, ORDERS).block_id) };
  }

  it('refuses a choice that names another schedule than the row, or a verb it never offers: nothing run or paused', async () => {
    const { message, blockId } = await listMessage();
    const opened = t.slack.callsTo('views.open').length;
    for (const forged of [`pause:${OTHER}`, `run:${OTHER}`, `explode:${ORDERS}`, `pause:${ORDERS}:now`]) {
      const { responses } = await t.action({
        actionId: ActionIds.scheduleRowOverflow,
        blockId,
        value: `pause:${ORDERS}`,
        message,
        action: { selected_option: { text: { type: 'plain_text', text: 'Pause' }, value: forged } },
      });
      expect(
        responses.map((r) => r.text),
        forged,
      ).toEqual([NOT_OFFERED_TEXT]);
    }
    expect(paused(ORDERS)).toBeNull();
    expect(paused(OTHER)).toBeNull();
    expect(deliveriesOf(t, ORDERS)).toHaveLength(0);
    expect(deliveriesOf(t, OTHER)).toHaveLength(0);
    expect(t.slack.callsTo('views.open')).toHaveLength(opened);
  });

  it('acts on the same choice when the row offered it', async () => {
    const { message, blockId } = await listMessage();
    await t.action({ actionId: ActionIds.scheduleRowOverflow, blockId, value: `pause:${ORDERS}`, message });
    expect(paused(ORDERS)).not.toBeNull();
  });
});

describe("a card's Snooze… menu", () => {
  it('refuses a duration it never offers: not paused, no wake-up recorded', async () => {
    const shown = await t.command(`show ${ORDERS}`);
    const blocks = (shown.responses[0]?.blocks as unknown[]) ?? [];
    for (const forged of [`100y|${ORDERS}`, `1w|${OTHER}`, '1w|']) {
      const { responses } = await t.action({
        actionId: WatchActionIds.cardSnooze,
        value: `1w|${ORDERS}`,
        message: { ts: '1.0', blocks },
        responseUrl: shown.responseUrl,
        isEphemeral: true,
        action: { selected_option: { text: { type: 'plain_text', text: '1 week' }, value: forged } },
      });
      expect(String(responses.at(-1)?.text), forged).toBe(NOT_OFFERED_TEXT);
    }
    expect(paused(ORDERS)).toBeNull();
    expect(paused(OTHER)).toBeNull();
    const snoozes = watchServices(t.deps).snooze;
    expect(await snoozes.snoozed(workspaceKey(t.scope), ORDERS)).toBeUndefined();
  });
});
