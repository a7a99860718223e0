// The playground in a real browser: the page, the fake Slack behind it, the real app process and the Omni
// sandbox, used the way a person would, one step after the other (connect first, as an admin does). Each
// step checks what the person sees and what the sandbox holds. The README's screenshots are taken here.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAYGROUND_OMNI_KEY, type Playground, startPlayground } from '../../src/playground/server.js';
import { PERSONAS } from '../../src/playground/workspace.js';
import { blockKitTests } from './block-kit.js';
import { type Browser, chromiumMissing, openBrowser } from './browser.js';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
const STEP_MS = 90_000;

const persona = (role: 'admin' | 'member' | 'guest') => {
  const p = PERSONAS.find((x) => x.role === role);
  if (!p) throw new Error(`no ${role}`);
  return p;
};
const admin = persona('admin');
const member = persona('member');
const guest = persona('guest');

/** "Feb 29, 2024 at 9:00 AM": Slack's `{date_short_pretty} at {time}` for a day that is not today. */
function slackShortDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
  return `${day.format(date)} at ${time.format(date)}`;
}

const reason = chromiumMissing();

describe('playground in Chromium', () => {
  if (reason) {
    it('playground in Chromium: browser available', (context) => {
      if (process.env.CI === 'true') throw new Error(`the browser tests need Chromium in CI: ${reason}`);
      console.warn(`Skipping the playground browser tests: ${reason}`);
      context.skip(reason);
    });
    return;
  }

  let playground: Playground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    playground = await startPlayground({ port: 0 });
    browser = await openBrowser();
    page = browser.page;
    // How long a step may wait for what the person expects to see (a bound for failures, not a timing check).
    page.setDefaultTimeout(30_000);
  }, STEP_MS);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  }, STEP_MS);

  // A step that failed with a modal open must not take the next steps down with it.
  beforeEach(async () => {
    const open = page.locator('#modal-layer .modal');
    if ((await open.count()) === 0) return;
    await page.getByRole('button', { name: 'Close window' }).click();
    await open.waitFor({ state: 'detached' });
  });

  const signInAs = async (userId: string) => {
    await page.goto(`${playground.url}/?as=${userId}`);
    await page.locator(`body[data-user="${userId}"]`).waitFor({ state: 'attached' });
  };
  const say = async (text: string) => {
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill(text);
    await composer.press('Enter');
  };
  /** The newest message in the open conversation that contains `text`, once it is there. */
  const message = async (text: string | RegExp): Promise<Locator> => {
    const found = page.locator('#messages .message').filter({ hasText: text }).last();
    await found.waitFor();
    return found;
  };
  const listMessage = async (): Promise<Locator> => {
    const found = page
      .locator('#messages .message')
      .filter({ has: page.locator('[data-block-id^="list_row"]') })
      .last();
    await found.waitFor();
    return found;
  };
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const scheduleNamed = (name: string) => [...playground.sandbox.state.schedules.values()].find((s) => s.name === name);

  it(
    'the admin connects the workspace to the Omni sandbox with /schedule connect',
    async () => {
      await signInAs(admin.id);
      await page.getByText('Welcome to the Omni Schedules playground').waitFor();
      await page.getByRole('textbox', { name: 'Message' }).fill('/sch');
      await expect(page.locator('#command-hint').textContent()).resolves.toContain('[help | list |');
      await say('/schedule connect');
      const modal = page.getByRole('dialog', { name: 'Connect Omni' });
      await modal.getByRole('textbox', { name: 'Omni URL' }).fill(playground.sandbox.url);
      await modal.getByRole('textbox', { name: 'Organization API key' }).fill(PLAYGROUND_OMNI_KEY);
      await expect(modal.getByRole('spinbutton', { name: 'Calls per minute' }).inputValue()).resolves.toBe('60');
      await shot('playground-connect');
      const before = playground.sandbox.state.requests.length;
      await modal.getByRole('button', { name: 'Connect', exact: true }).click();

      const connected = page.getByRole('dialog', { name: 'Omni connected' });
      const total = playground.sandbox.state.schedules.size;
      await connected.getByText(`connected to Omni at ${playground.sandbox.url}. It has ${total} schedules.`).waitFor();
      // The key was checked against the sandbox before it was saved.
      const checks = playground.sandbox.state.requests.slice(before);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.every((r) => r.status === 200)).toBe(true);
      await connected.getByRole('button', { name: 'Done', exact: true }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
    STEP_MS,
  );

  it(
    '/schedule list shows every schedule the sandbox holds, with dates in the admin’s time zone',
    async () => {
      await say('/schedule list');
      const list = await listMessage();
      const rows = list.locator('[data-block-id^="list_row"]');
      await rows.first().waitFor();
      const names = await rows.locator('.section-text strong:first-child').allInnerTexts();
      const held = [...playground.sandbox.state.schedules.values()].map((s) => s.name);
      expect(names.sort()).toEqual(held.sort());
      expect(await list.textContent()).toContain(`${held.length} schedules`);
      // <!date> renders in the viewer's zone (Los Angeles), not the browser's (UTC).
      const web = scheduleNamed('Web Traffic Analysis');
      expect(web?.lastCompletedAt).toBeTruthy();
      const row = rows.filter({ hasText: 'Web Traffic Analysis' });
      expect(await row.textContent()).toContain(`Delivered ${slackShortDate(web?.lastCompletedAt ?? '', admin.tz)}`);
      await shot('playground-list');
    },
    STEP_MS,
  );

  it(
    'a card opens from the list’s overflow menu, and Run now (after its confirm) makes the sandbox deliver',
    async () => {
      const orders = scheduleNamed('Orders');
      if (!orders) throw new Error('the sandbox has no "Orders" schedule');
      const list = await listMessage();
      const row = list.locator('[data-block-id^="list_row"]').filter({ hasText: /^Orders · Orders/ });
      await row.getByRole('button', { name: 'More actions' }).click();
      await row.getByRole('menuitem', { name: 'Show card' }).click();

      const card = await message(`Schedule ${orders.id}`);
      expect(await card.locator('.block-header').first().textContent()).toBe('Orders');
      // Read by id, the card names the people rather than counting them.
      const first = orders.destination.type === 'email' ? orders.destination.recipients[0] : undefined;
      const firstName = first ? playground.sandbox.state.members.get(first.userId)?.name : undefined;
      expect(await card.textContent()).toContain(`Email (${orders.format.toUpperCase()}) to ${firstName}`);

      const deliveriesBefore = playground.sandbox.state.deliveries.length;
      await card.getByRole('button', { name: 'Run now' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Run this schedule now?' });
      expect(await confirm.textContent()).toContain('Omni delivers Orders now');
      await shot('playground-run-confirm');
      // Nothing runs until the person confirms.
      expect(playground.sandbox.state.deliveries.length).toBe(deliveriesBefore);
      await confirm.getByRole('button', { name: 'Run now' }).click();

      await (await message(`Schedule ${orders.id}`)).getByText(`${admin.realName} started a run of this`).waitFor();
      const runs = playground.sandbox.state.deliveries.slice(deliveriesBefore);
      expect(runs.map((d) => [d.scheduleId, d.kind])).toEqual([[orders.id, 'trigger']]);
    },
    STEP_MS,
  );

  it(
    'the create modal: a field error on submit, dashboard suggestions from the app, then the schedule in the sandbox',
    async () => {
      const countBefore = playground.sandbox.state.schedules.size;
      await say('/schedule create');
      const modal = page.getByRole('dialog', { name: 'New schedule' });
      await modal.getByRole('button', { name: 'Create', exact: true }).click();
      const dashboardField = modal
        .locator('.block-input')
        .filter({ has: page.getByRole('combobox', { name: 'Dashboard' }) });
      await dashboardField.locator('.input-error').getByText('Choose a dashboard').waitFor();
      expect(playground.sandbox.state.schedules.size).toBe(countBefore);
      await shot('playground-create-error');

      await modal.getByRole('combobox', { name: 'Dashboard' }).fill('sal');
      const suggestions = modal.getByRole('option');
      await suggestions.first().waitFor();
      const offered = await suggestions.allInnerTexts();
      const dashboards = [...playground.sandbox.state.documents.values()].filter(
        (d) => d.hasDashboard && d.name.toLowerCase().includes('sal'),
      );
      expect(offered.length).toBe(dashboards.length);
      for (const d of dashboards) expect(offered.some((o) => o.startsWith(d.name))).toBe(true);
      await shot('playground-create-suggestions');
      await suggestions.filter({ hasText: 'Sales Data by Quarter' }).click();

      // The app re-renders the form for that dashboard (the name follows it until one is typed), twice when it
      // asks Omni for the dashboard's tiles; a name typed in between would be replaced, in Slack too: wait for the
      // form to settle.
      const name = modal.getByRole('textbox', { name: 'Name', exact: true });
      const loading = modal.getByText('Reading the dashboard’s filters and tiles');
      await expect
        .poll(async () => ((await loading.count()) === 0 ? name.inputValue() : ''), { timeout: 30_000, interval: 100 })
        .toContain('Sales Data by Quarter');
      await name.fill('Playground weekly sales');
      await modal.getByRole('button', { name: 'Create', exact: true }).click();

      await page.getByRole('dialog').getByText('Created Playground weekly sales').waitFor();
      const created = scheduleNamed('Playground weekly sales');
      const chosen = [...playground.sandbox.state.documents.values()].find((d) => d.name === 'Sales Data by Quarter');
      expect(created?.identifier).toBe(chosen?.identifier);
      // The form starts in the creator's own time zone.
      expect(created?.timezone).toBe(admin.tz);
      expect(playground.sandbox.state.schedules.size).toBe(countBefore + 1);
      await page.getByRole('button', { name: 'Close window' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
    STEP_MS,
  );

  it(
    'the app’s message shortcut on a message opens the create form, delivering to that channel',
    async () => {
      const countBefore = playground.sandbox.state.schedules.size;
      await page.getByRole('button', { name: '# sales' }).click();
      await say('Could we get the quarterly numbers here every Monday?');
      const asked = await message('Could we get the quarterly numbers here every Monday?');
      await asked.hover();
      await asked.getByRole('button', { name: 'Message shortcuts' }).click();
      await asked.getByRole('menuitem', { name: 'Create Omni schedule' }).click();
      const modal = page.getByRole('dialog', { name: 'New schedule' });
      const channel = modal.locator('.block-input').filter({ has: page.getByText('Channel', { exact: true }) });
      await expect(channel.locator('.chosen').textContent()).resolves.toBe('#sales');
      expect(playground.sandbox.state.schedules.size).toBe(countBefore);
      await modal.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
    STEP_MS,
  );

  it(
    'the App Home tab counts the sandbox’s schedules, and shows times in each viewer’s zone',
    async () => {
      await page.getByRole('button', { name: 'Omni Schedules' }).click();
      const home = page.locator('#home');
      await home.getByText('schedules in Omni').waitFor();
      const total = playground.sandbox.state.schedules.size;
      expect(await home.textContent()).toContain(`${total} schedules in Omni`);
      expect(await home.textContent()).toContain(`Connected to ${playground.sandbox.url}`);
      await shot('playground-home');

      const web = scheduleNamed('Web Traffic Analysis');
      const row = home.locator('.block-section').filter({ hasText: 'Web Traffic Analysis ·' });
      expect(await row.textContent()).toContain(slackShortDate(web?.lastCompletedAt ?? '', admin.tz));
      // Home is personal: the member (Blobby Hill in Omni) sees the schedules he owns, such as Orders (2).
      const theirs = scheduleNamed('Orders (2)');
      await signInAs(member.id);
      await page.getByRole('button', { name: 'Omni Schedules' }).click();
      const memberRow = page.locator('#home .block-section').filter({ hasText: 'Orders (2) ·' });
      await memberRow.waitFor();
      expect(await memberRow.textContent()).toContain(slackShortDate(theirs?.lastCompletedAt ?? '', member.tz));
    },
    STEP_MS,
  );

  it(
    'a guest is refused, and nothing reaches the sandbox',
    async () => {
      await signInAs(guest.id);
      const requestsBefore = playground.sandbox.state.requests.length;
      await say('/schedule list');
      const refusal = await message('Guests cannot use Omni schedules');
      expect(await refusal.textContent()).toContain('Only visible to you');
      // What the admin saw stays theirs: the guest sees no list.
      expect(await page.locator('#messages [data-block-id^="list_row"]').count()).toBe(0);
      expect(playground.sandbox.state.requests.length).toBe(requestsBefore);
      expect(browser.pageErrors).toEqual([]);
    },
    STEP_MS,
  );

  describe('Block Kit, posted as the app posts it', () => blockKitTests(() => ({ playground, browser, page })));
});
