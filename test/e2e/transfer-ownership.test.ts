// Transfer ownership from a schedule's card: the schedule's owner in Omni (found by their Slack email) and
// workspace admins may give it to a Slack person who has an Omni account; anyone else is told who can.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds, BlockIds } from '../../src/ids.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { visibleText } from '../support/block-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { currentView, lastUpdate, openedView } from './schedule-form-helpers.js';

const ID = SEEDED_SCHEDULE_IDS.webTrafficAnalysis; // owned by Blob Ross

let t: TestApp;
let blob: string;
let blobby: string;
beforeAll(async () => {
  t = await startTestApp();
  blob = t.addMember({ id: 'U0BLOBROS', name: 'blob', profile: { email: 'blob.ross@blobsrus.com' } }).id;
  blobby = t.addMember({ id: 'U0BLOBBY1', name: 'blobby', profile: { email: 'blobby.hill@blobsrus.com' } }).id;
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.reset();
});

async function clickTransfer(user: string) {
  const since = t.slack.calls.length;
  await t.action({ actionId: ActionIds.transferOwnershipButton, value: ID, user });
  return openedView(t, since);
}

const pick = (user: string) => ({
  [BlockIds.transferOwnerInput]: { [ActionIds.transferOwnerSelect]: { type: 'users_select', selected_user: user } },
});

const textOf = (viewId: string) => visibleText(currentView(t, viewId).blocks);
/** What the app last put in the modal (the fake applies a submission's ack after the handler's updates). */
const updatedText = (viewId: string) => visibleText(lastUpdate(t, viewId).blocks);

describe('Transfer ownership from the card', () => {
  it('an admin gives it to a person with an Omni account; Omni records the new owner', async () => {
    const view = await clickTransfer(t.users.admin.id);
    expect(textOf(view.id)).toContain('is owned in Omni by Blob Ross');
    await t.submitView({ view: currentView(t, view.id), values: pick(blobby), user: t.users.admin.id });
    expect(t.sandbox.state.schedules.get(ID)?.ownerId).toBe(BLOBBY_HILL_ID);
    expect(updatedText(view.id)).toContain(`<@${blobby}> now owns`);
    expect(t.audit.at(-1)).toMatchObject({ action: 'transfer_ownership', schedule: ID, outcome: 'ok' });
  });

  it('the owner may too; a person without an Omni account cannot receive it, and nothing changes', async () => {
    const view = await clickTransfer(blob);
    await t.submitView({ view: currentView(t, view.id), values: pick(t.users.member.id), user: blob });
    expect(t.sandbox.state.schedules.get(ID)?.ownerId).toBe(BLOB_ROSS_ID);
    expect(updatedText(view.id)).toContain('maria@example.com has no Omni account');
    await t.submitView({
      view: { ...currentView(t, view.id), ...lastUpdate(t, view.id) },
      values: pick(blobby),
      user: blob,
    });
    expect(t.sandbox.state.schedules.get(ID)?.ownerId).toBe(BLOBBY_HILL_ID);
  });

  it('anyone else is told who can, and nothing changes', async () => {
    const view = await clickTransfer(blobby);
    expect(textOf(view.id)).toContain("Only the schedule's owner in Omni, or a workspace admin or owner");
    expect(t.sandbox.state.schedules.get(ID)?.ownerId).toBe(BLOB_ROSS_ID);
  });
});
