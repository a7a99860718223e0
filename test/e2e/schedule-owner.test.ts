// A schedule made from Slack is owned by the person who made it when Omni has a member with their Slack
// email; otherwise Omni's default owner is used and the confirmation says so.
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOBBY_HILL_ID } from '../../src/omni-sandbox/index.js';
import type { TestApp } from '../support/test-app.js';
import { formValues, lastUpdate, openFormWith, submit, useScheduleFormApp } from './schedule-form-helpers.js';

const app = useScheduleFormApp();
let t: TestApp;
beforeEach(() => {
  t = app.t;
});

describe('who owns a schedule made from Slack', () => {
  it('the person, when Omni knows their email: the create names them as owner', async () => {
    const blobby = t.addMember({ id: 'U0BLOBBY1', name: 'blobby', profile: { email: 'Blobby.Hill@blobsrus.com' } });
    t.slack.addChannel('C0000GEN1', [blobby.id]);
    const view = await openFormWith(t, 'create 12db1a0a', { user: blobby.id });
    await t.submitView({ view, values: formValues(view), user: blobby.id });
    expect(app.newestSchedule()?.ownerId).toBe(BLOBBY_HILL_ID);
    const shown = JSON.stringify(lastUpdate(t, view.id));
    expect(shown).toContain('It is yours in Omni');
    // The look-up by email happened once, through SCIM.
    expect(t.sandbox.state.requests.filter((r) => r.path.startsWith('/api/scim/v2/Users'))).toHaveLength(1);
  });

  it('Omni’s default owner when Omni has no member with that email, and the confirmation says why', async () => {
    const view = await openFormWith(t, 'create 12db1a0a');
    await submit(t, view);
    const shown = JSON.stringify(lastUpdate(t, view.id));
    expect(shown).toContain('Not owned by you in Omni: maria@example.com has no Omni account');
    expect(app.newestSchedule()?.ownerId).not.toBe(BLOBBY_HILL_ID);
  });
});
