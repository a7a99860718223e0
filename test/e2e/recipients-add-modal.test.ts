// The Recipients modal's add section, end to end: opened from a card, people and a channel picked and
// submitted go through `/schedule add`'s resolver and change path (a channel makes it a job), Omni holds
// the new recipients, and the modal shows the new list and names whoever was skipped. Typed entries that
// are not addresses come back onto their field; user groups are offered from Slack's list.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { ActionIds, BlockIds, CallbackIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../src/store/index.js';
import { visibleText } from '../support/block-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';
import { ackBody, type FormView, formValues, lastUpdate, type Obj } from './schedule-form-helpers.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const CHANNEL = 'C0000GEN1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.addMember({ id: 'U0ANN0001', name: 'ann' });
  t.addMember({ id: 'U0BOB0001', name: 'bob' });
  t.addMember({ id: 'U0NOMAIL1', name: 'nomail', profile: { email: undefined } });
  t.slack.addChannel('C0SALES01', ['U0BOB0001', 'U0NOMAIL1'], { name: 'sales' });
  t.slack.addUsergroup('S0FIN0001', ['U0BOB0001'], { handle: 'finance', name: 'Finance team' });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await t.store.settings.update(t.scope, { ...DEFAULT_WORKSPACE_SETTINGS, attributeMappings: {} });
});

/** Shares the schedule's card in the channel and clicks its Recipients button; returns the modal. */
async function openRecipients(scheduleId: string): Promise<FormView> {
  await t.command(`share ${scheduleId}`);
  const card = t.slack.messagesIn(CHANNEL).at(-1);
  if (!card) throw new Error('no card');
  await t.action({
    actionId: ActionIds.showRecipientsButton,
    value: scheduleId,
    message: { ts: card.ts, blocks: card.blocks },
  });
  const view = t.slack
    .openModals()
    .filter((v) => v.callback_id === CallbackIds.recipientsView)
    .at(-1);
  if (!view) throw new Error('the Recipients view did not open');
  return structuredClone(view) as unknown as FormView;
}

const shown = (id: string) => visibleText(t.slack.views.get(id)?.blocks);
/** The modal as the app last drew it (the harness applies an ack's view after what the listener did before it). */
const lastDrawn = (id: string) => visibleText(lastUpdate(t, id).blocks);

describe('the Recipients modal adds people', () => {
  it('adds a person and a channel’s members as a job, then shows the new list and names the skipped member', async () => {
    const view = await openRecipients(ORDERS);
    expectValidBlocks('modal', view);
    expect((view as Obj).submit?.text).toBe('Add');
    const res = await t.submitView({
      view,
      values: formValues(view, {
        [BlockIds.recipientsAddPeople]: ['U0ANN0001'],
        [BlockIds.recipientsAddChannels]: ['C0SALES01'],
      }),
    });
    expect(res.status).toBe(200);
    // Acked with the "Adding…" state, kept open.
    expect(ackBody(res).response_action).toBe('update');
    expect(shown(view.id)).toContain('Looking up the people of the channels and groups you chose');
    await t.settleJobs();

    expect(recipientEmails(t.sandbox, ORDERS)).toEqual(
      expect.arrayContaining(['ann@example.com', 'bob@example.com', 'blob.ross@blobsrus.com']),
    );
    const after = t.slack.views.get(view.id);
    expectValidBlocks('modal', after);
    const text = shown(view.id);
    expect(text).toContain(':white_check_mark: Added 2 recipients to *Orders*: <@U0ANN0001> and <@U0BOB0001>.');
    expect(text).toContain('Skipped (1)');
    expect(text).toContain('<@U0NOMAIL1>');
    expect(text).toContain('is delivered by email to 5 recipients.');
    expect(text).toContain('<@U0ANN0001> · ann@example.com');
    expect(t.audit.at(-1)).toMatchObject({ action: 'add_recipients', schedule: ORDERS, outcome: 'ok' });
    // Closing it redraws the card it came from.
    expect(JSON.parse(String(after?.private_metadata))).toMatchObject({ scheduleId: ORDERS, changed: true });
  });

  it('adds a user group’s members picked from its menu', async () => {
    const view = await openRecipients(ORDERS);
    const values = formValues(view);
    values[BlockIds.recipientsAddGroups] = {
      [ActionIds.recipientsAddGroupsSelect]: {
        type: 'multi_external_select',
        selected_options: [{ text: { type: 'plain_text', text: '@finance (Finance team)' }, value: 'S0FIN0001' }],
      },
    };
    await t.submitView({ view, values });
    await t.settleJobs();
    expect(recipientEmails(t.sandbox, ORDERS)).toContain('bob@example.com');
    expect(shown(view.id)).toContain(':white_check_mark: Added 1 recipient to *Orders*: <@U0BOB0001>.');
  });

  it('adds a typed address at once, as `/schedule add` would', async () => {
    const view = await openRecipients(ORDERS);
    await t.submitView({
      view,
      values: formValues(view, { [BlockIds.recipientsAddAddresses]: 'cfo@partner.org' }),
    });
    expect(recipientEmails(t.sandbox, ORDERS)).toContain('cfo@partner.org');
    expect(lastDrawn(view.id)).toContain(':white_check_mark: Added 1 recipient to *Orders*: cfo@partner.org.');
  });

  it('puts a bad address back on its field and changes nothing', async () => {
    const view = await openRecipients(ORDERS);
    const before = recipientEmails(t.sandbox, ORDERS);
    const res = await t.submitView({
      view,
      values: formValues(view, {
        [BlockIds.recipientsAddPeople]: ['U0ANN0001'],
        [BlockIds.recipientsAddAddresses]: 'cfo@partner.org, not-an-address@',
      }),
    });
    const body = ackBody(res);
    expect(body.response_action).toBe('errors');
    expect(body.errors[BlockIds.recipientsAddAddresses]).toContain('not-an-address@ is not a valid email address');
    expect(recipientEmails(t.sandbox, ORDERS)).toEqual(before);
  });

  it('asks for someone when nothing was chosen', async () => {
    const view = await openRecipients(ORDERS);
    const body = ackBody(await t.submitView({ view, values: formValues(view) }));
    expect(body).toMatchObject({ response_action: 'errors' });
    expect(body.errors[BlockIds.recipientsAddPeople]).toContain('Choose people');
  });

  it('offers the workspace’s user groups by handle or name', async () => {
    const body = ackBody(await t.options({ actionId: ActionIds.recipientsAddGroupsSelect, value: 'fin' }));
    expect(body.options).toEqual([
      { text: { type: 'plain_text', text: '@finance (Finance team)', emoji: true }, value: 'S0FIN0001' },
    ]);
  });
});
