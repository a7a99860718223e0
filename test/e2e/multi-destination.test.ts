// A schedule with two destinations (email and Slack, as Omni's spec allows): an edit from Slack changes the
// destination the form shows and keeps the other as it was.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extendedSeed, ORDERS_EVERYWHERE_ID } from '../../src/omni-sandbox/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { B, lastUpdate, onlyScheduleWrite, openFormWith, submit } from './schedule-form-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ sandbox: { seed: extendedSeed() } });
  t.slack.addChannel('C0000GEN1', [t.users.member.id, t.users.admin.id]);
});
afterAll(() => t.close());
beforeEach(() => {
  t.sandbox.reset();
});

describe('a schedule with two destinations', () => {
  it('an edit of the first keeps the second as it was', async () => {
    const before = structuredClone(t.sandbox.state.schedules.get(ORDERS_EVERYWHERE_ID));
    expect(before?.moreDestinations).toHaveLength(1);
    const view = await openFormWith(t, `edit ${ORDERS_EVERYWHERE_ID}`);
    expect(JSON.stringify(view.blocks)).toContain('also delivers to Slack; that is not changed here');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formEmailSubject]: 'Orders, every weekday' });
    expect(onlyScheduleWrite(t, since).method).toBe('PUT');
    const after = t.sandbox.state.schedules.get(ORDERS_EVERYWHERE_ID);
    expect(after?.destination).toMatchObject({ type: 'email', subject: 'Orders, every weekday' });
    expect(after?.moreDestinations).toEqual(before?.moreDestinations);
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('Saved your changes');
  });
});

describe('the card of a schedule with two destinations', () => {
  it('names both', async () => {
    const { responses } = await t.command(`show ${ORDERS_EVERYWHERE_ID}`);
    const card = JSON.stringify(responses.at(-1));
    expect(card).toContain('Email (PDF)');
    expect(card).toContain('Slack (PDF)');
  });
});

describe('the card of a schedule nobody owns', () => {
  it('says the organization owns it', async () => {
    const { responses } = await t.command(`show ${ORDERS_EVERYWHERE_ID}`);
    expect(JSON.stringify(responses.at(-1))).toContain('*Owner*\\n_the organization_');
  });
});
