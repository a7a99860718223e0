// End to end: when a workspace connects to another Omni organization, disconnects or uninstalls the app, what
// it cached from the previous organization (the form's dashboards and their details, App Home's summary) goes,
// so that nobody is offered the old organization's dashboards or counts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appHomeOpenedEvent, appUninstalledEvent } from '../../src/fake-slack/payloads.js';
import { ActionIds, BlockIds, CallbackIds } from '../../src/ids.js';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { cachedDashboardDetails, dashboardDetails } from '../../src/slack/schedule-form/dashboards.js';
import { workspaceKey } from '../../src/store/index.js';
import { visibleText } from '../support/block-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let other: OmniSandbox;
beforeAll(async () => {
  t = await startTestApp();
  // Another organization: no schedules, and its dashboard 12db1a0a has another name.
  other = await t.startSandbox({ seed: false });
  const orders = other.state.documents.get('12db1a0a');
  if (!orders) throw new Error('the sandbox has no dashboard 12db1a0a');
  orders.name = 'Second org orders';
});
afterAll(() => t.close());
beforeEach(() => t.connect());

/** The dashboards the form's select offers for `typed`, as their labels. */
async function dashboardOptions(typed: string): Promise<string[]> {
  const res = await t.options({ actionId: ActionIds.formDashboardSelect, value: typed });
  const body = (typeof res.body === 'string' ? JSON.parse(res.body) : res.body) as {
    options: { text: { text: string } }[];
  };
  return body.options.map((o) => o.text.text);
}

async function homeText(): Promise<string> {
  await t.event(appHomeOpenedEvent(t.users.member.id));
  return visibleText(t.slack.homeView(t.users.member.id)?.blocks);
}

/** Fills every cache from the first organization: the dashboard list, one dashboard's details, App Home. */
async function warmCaches(): Promise<void> {
  expect(await dashboardOptions('orders')).toEqual(['Orders (12db1a0a)']);
  await dashboardDetails(t.deps, t.scope, '12db1a0a');
  expect(await cachedDashboardDetails(t.deps, t.scope, '12db1a0a')).toBeDefined();
  expect(await homeText()).toContain(':double_vertical_bar: *Paused*\n3');
}

async function expectCachesEmpty(): Promise<void> {
  const key = workspaceKey(t.scope);
  expect(await t.store.cache('dashboards').get(key)).toBeUndefined();
  expect(await cachedDashboardDetails(t.deps, t.scope, '12db1a0a')).toBeUndefined();
  expect(await t.store.cache('home-listing').get(key)).toBeUndefined();
}

describe('changing the Omni connection forgets the previous organization’s data', () => {
  it('connecting to another organization: the form offers its dashboards, App Home counts its schedules', async () => {
    await warmCaches();
    await t.command('connect', { user: t.users.admin });
    const modal = t.slack.openModals().find((v) => v.callback_id === CallbackIds.connectView);
    if (!modal) throw new Error('the connect modal did not open');
    const res = await t.submitView(
      {
        view: modal,
        values: {
          [BlockIds.omniBaseUrlInput]: { [ActionIds.omniBaseUrlField]: other.url },
          [BlockIds.omniApiKeyInput]: { [ActionIds.omniApiKeyField]: other.apiKey },
        },
      },
      { user: t.users.admin },
    );
    expect(res.body).toMatchObject({ response_action: 'update' });

    await expectCachesEmpty();
    expect(await dashboardOptions('orders')).toEqual(['Second org orders (12db1a0a)']);
    expect(await homeText()).toContain('No schedules yet.');
  });

  it('disconnecting', async () => {
    await warmCaches();
    const prompt = await t.command('disconnect', { user: t.users.admin });
    const blocks = (prompt.responses[0] as { blocks: unknown[] }).blocks;
    await t.action(
      { actionId: ActionIds.disconnectButton, message: { ts: '1.1', blocks }, responseUrl: prompt.responseUrl },
      { user: t.users.admin },
    );
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
    await expectCachesEmpty();
  });

  it('uninstalling the app', async () => {
    await warmCaches();
    await t.event(appUninstalledEvent());
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
    await expectCachesEmpty();
  });
});
