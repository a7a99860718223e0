// The page's Block Kit in Chromium: a message and modals with every element the page draws, posted through
// the fake Slack's Web API the way the app posts them (bot token, chat.postMessage, views.open/push/update).
// What a click or a submission would send is read from the page's request to the playground server (and goes
// no further: the app has no listeners for the gallery's ids).
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Playground } from '../../src/playground/server.js';
import { CHANNELS, PERSONAS, USERGROUP } from '../../src/playground/workspace.js';
import type { Browser } from './browser.js';

const STEP_MS = 90_000;
const member = PERSONAS.find((p) => p.role === 'member') ?? PERSONAS[0];
const general = CHANNELS[0].id;
const sales = CHANNELS.find((c) => c.name === 'sales')?.id ?? '';
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string, value: string) => ({ text: plain(text), value });

/** 2023-11-14T22:13:20Z */
const MOMENT = 1_700_000_000;

const GALLERY_MESSAGE = [
  { type: 'header', text: plain('Block Kit gallery') },
  {
    type: 'section',
    block_id: 'styles',
    text: mrkdwn(
      '*bold* _italic_ ~struck~ `code` <https://example.com/docs|the docs> <@U0PGMEMBR> <#C0PGSALES|sales> ' +
        `<!subteam^${USERGROUP.id}> <!here> :white_check_mark: <!date^${MOMENT}^{date_long} at {time}|a fallback>\n` +
        '> a quote\n```preformatted *not bold*```',
    ),
  },
  {
    type: 'section',
    block_id: 'with_fields',
    fields: [mrkdwn('*Left*\none'), mrkdwn('*Right*\ntwo')],
    accessory: {
      type: 'overflow',
      action_id: 'gallery_overflow',
      options: [option('Archive', 'archive'), option('Rename', 'rename')],
      confirm: {
        title: plain('Archive it?'),
        text: mrkdwn('It goes to the *archive*.'),
        confirm: plain('Archive'),
        deny: plain('Keep it'),
        style: 'danger',
      },
    },
  },
  {
    type: 'context',
    elements: [
      { type: 'image', image_url: 'https://images.example.com/icon.png', alt_text: 'an icon' },
      mrkdwn('context words'),
    ],
  },
  { type: 'divider' },
  { type: 'image', image_url: 'https://images.example.com/chart.png', alt_text: 'a chart', title: plain('Chart') },
  {
    type: 'actions',
    block_id: 'gallery_actions',
    elements: [
      {
        type: 'button',
        action_id: 'gallery_primary',
        text: plain('Go'),
        style: 'primary',
        value: 'go',
        confirm: { title: plain('Really go?'), text: plain('Sure?'), confirm: plain('Go'), deny: plain('Stay') },
      },
      { type: 'button', action_id: 'gallery_danger', text: plain('Remove'), style: 'danger', value: 'remove' },
      {
        type: 'static_select',
        action_id: 'gallery_select',
        placeholder: plain('Pick a fruit'),
        option_groups: [
          { label: plain('Red'), options: [option('Apple', 'apple'), option('Cherry', 'cherry')] },
          { label: plain('Yellow'), options: [option('Banana', 'banana')] },
        ],
      },
    ],
  },
  {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_section',
        elements: [
          { type: 'text', text: 'rich ', style: { bold: true } },
          { type: 'user', user_id: 'U0PGMEMBR' },
        ],
      },
    ],
  },
];

const FORM = {
  type: 'modal',
  callback_id: 'gallery_form',
  title: plain('Every input'),
  submit: plain('Save'),
  close: plain('Cancel'),
  blocks: [
    {
      type: 'input',
      block_id: 'text',
      label: plain('Notes'),
      element: { type: 'plain_text_input', action_id: 'notes', multiline: true },
    },
    {
      type: 'input',
      block_id: 'number',
      label: plain('Ratio'),
      element: { type: 'number_input', action_id: 'ratio', is_decimal_allowed: true, initial_value: '1.5' },
    },
    {
      type: 'input',
      block_id: 'fruit',
      label: plain('Fruit'),
      element: {
        type: 'static_select',
        action_id: 'fruit',
        options: [option('Apple', 'apple'), option('Banana', 'banana')],
        initial_option: option('Apple', 'apple'),
      },
    },
    {
      type: 'input',
      block_id: 'people',
      label: plain('People'),
      element: { type: 'multi_users_select', action_id: 'people' },
    },
    {
      type: 'input',
      block_id: 'where',
      label: plain('Conversations'),
      element: { type: 'multi_conversations_select', action_id: 'where' },
    },
    {
      type: 'input',
      block_id: 'channels',
      label: plain('Channels'),
      optional: true,
      element: { type: 'multi_channels_select', action_id: 'channels' },
    },
    {
      type: 'input',
      block_id: 'flags',
      label: plain('Flags'),
      optional: true,
      element: {
        type: 'checkboxes',
        action_id: 'flags',
        options: [option('Loud', 'loud'), option('Quiet', 'quiet')],
      },
    },
    {
      type: 'input',
      block_id: 'size',
      label: plain('Size'),
      element: { type: 'radio_buttons', action_id: 'size', options: [option('Small', 's'), option('Large', 'l')] },
    },
    { type: 'input', block_id: 'at', label: plain('At'), element: { type: 'timepicker', action_id: 'at' } },
    { type: 'input', block_id: 'on', label: plain('On'), element: { type: 'datepicker', action_id: 'on' } },
    {
      type: 'input',
      block_id: 'when',
      label: plain('Moment'),
      element: { type: 'datetimepicker', action_id: 'when' },
    },
  ],
};

/** The shared playground, browser and page of the file that runs these tests. */
export interface BrowserSession {
  playground: Playground;
  browser: Browser;
  page: Page;
}

/**
 * The Block Kit tests, run by playground.test.ts on its playground and browser after the person's session (one
 * app process and one Chromium for both: the machine running the tests is shared).
 */
export function blockKitTests(session: () => BrowserSession): void {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const offMachine: string[] = [];
  const watch = (r: Request) => {
    if (!new URL(r.url()).hostname.match(/^(127\.0\.0\.1|localhost)$/) && !r.url().startsWith('data:')) {
      offMachine.push(r.url());
    }
  };
  // These elements are the gallery's, not the app's: what the page sends stops at the playground server.
  const GALLERY_ONLY = /\/api\/(action|submit)$/;

  beforeAll(async () => {
    ({ playground, browser, page } = session());
    page.on('request', watch);
    await page.route(GALLERY_ONLY, (route) => route.fulfill({ json: { ok: true } }));
    await page.goto(`${playground.url}/?as=${member.id}&channel=${general}`);
    await page.locator(`body[data-user="${member.id}"]`).waitFor({ state: 'attached' });
  }, STEP_MS);

  afterAll(async () => {
    page?.off('request', watch);
    await page?.unroute(GALLERY_ONLY);
  });

  /** A Web API call as the app makes it, with the bot token. */
  const api = async (method: string, body: Record<string, unknown>) => {
    const res = await fetch(`${playground.slack.apiUrl}${method}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${playground.slack.defaultWorkspace.token}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { ok: boolean; error?: string } & Record<string, unknown>;
    if (!answer.ok) throw new Error(`${method}: ${answer.error} ${JSON.stringify(answer)}`);
    return answer;
  };
  /** The JSON the page sends to the playground server for the next `what` (action, submit, …). */
  const nextPost = (what: string) =>
    page.waitForRequest((r: Request) => r.method() === 'POST' && new URL(r.url()).pathname === `/api/${what}`);

  it(
    'a message: mrkdwn, mentions, dates in the viewer’s zone, fields, context, images kept offline, rich text',
    async () => {
      await api('chat.postMessage', { channel: general, text: 'gallery', blocks: GALLERY_MESSAGE });
      const msg = page.locator('#messages .message').filter({ hasText: 'Block Kit gallery' });
      await msg.waitFor();
      const styles = msg.locator('[data-block-id="styles"]');
      await expect(styles.locator('strong').first().textContent()).resolves.toBe('bold');
      await expect(styles.locator('em').first().textContent()).resolves.toBe('italic');
      await expect(styles.locator('s').first().textContent()).resolves.toBe('struck');
      await expect(styles.locator('code').first().textContent()).resolves.toBe('code');
      await expect(styles.getByRole('link', { name: 'the docs' }).getAttribute('href')).resolves.toBe(
        'https://example.com/docs',
      );
      const text = (await styles.textContent()) ?? '';
      expect(text).toContain(`@${member.realName}`);
      expect(text).toContain('#sales');
      expect(text).toContain(`@${USERGROUP.handle}`);
      expect(text).toContain('@here');
      expect(text).toContain('✅');
      // 22:13 UTC is 10:13 PM in London (GMT in November).
      await expect(styles.locator('time').textContent()).resolves.toBe('Tuesday, November 14th, 2023 at 10:13 PM');
      await expect(styles.locator('blockquote').textContent()).resolves.toBe('a quote');
      await expect(styles.locator('pre').textContent()).resolves.toBe('preformatted *not bold*');
      await expect(msg.locator('.field').allTextContents()).resolves.toEqual(['Leftone', 'Righttwo']);
      await expect(msg.locator('.block-context').textContent()).resolves.toContain('context words');
      await expect(msg.locator('.block-image').textContent()).resolves.toContain('a chart');
      await expect(msg.locator('.block-rich_text').textContent()).resolves.toBe(`rich @${member.realName}`);
      expect(offMachine).toEqual([]);

      // What the page does not draw is said, not dropped.
      await api('chat.postMessage', {
        channel: general,
        text: 'not drawn',
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'workflow_button',
                action_id: 'wf',
                text: plain('Run workflow'),
                workflow: { trigger: { url: 'https://slack.com/shortcuts/Ft0000000000/abcdef' } },
              },
            ],
          },
        ],
        attachments: [{ color: '#36a64f', text: 'old style' }],
      });
      const notDrawn = page.locator('#messages .message').last();
      await notDrawn.getByText('[workflow_button is not shown in the playground]').waitFor();
      await notDrawn.getByText('[1 legacy attachment(s): not shown in the playground]').waitFor();
    },
    STEP_MS,
  );

  it(
    'buttons and overflow items ask their confirm first; selects offer their option groups',
    async () => {
      const msg = page.locator('#messages .message').filter({ hasText: 'Block Kit gallery' });
      const ts = await msg.getAttribute('data-ts');
      // Cancelling a confirm sends nothing; confirming sends the click.
      let sent = 0;
      const count = (r: Request) => {
        if (new URL(r.url()).pathname === '/api/action') sent += 1;
      };
      page.on('request', count);
      await msg.getByRole('button', { name: 'Go' }).click();
      await page.getByRole('alertdialog', { name: 'Really go?' }).getByRole('button', { name: 'Stay' }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      const go = nextPost('action');
      await msg.getByRole('button', { name: 'Go' }).click();
      await page.getByRole('alertdialog', { name: 'Really go?' }).getByRole('button', { name: 'Go' }).click();
      expect((await go).postDataJSON()).toMatchObject({
        user: member.id,
        place: { surface: 'message', channel: general, ts, ephemeral: false },
        actionId: 'gallery_primary',
        blockId: 'gallery_actions',
        value: 'go',
      });
      page.off('request', count);
      expect(sent).toBe(1);

      await msg.getByRole('button', { name: 'More actions' }).click();
      await msg.getByRole('menuitem', { name: 'Archive' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Archive it?' });
      await expect(dialog.textContent()).resolves.toContain('It goes to the archive.');
      const archive = nextPost('action');
      await dialog.getByRole('button', { name: 'Archive' }).click();
      expect((await archive).postDataJSON()).toMatchObject({
        actionId: 'gallery_overflow',
        blockId: 'with_fields',
        selection: { selected_option: { value: 'archive', text: { text: 'Archive' } } },
      });

      const select = msg.getByRole('combobox', { name: 'Pick a fruit' });
      await select.click();
      await expect(msg.locator('.picker-group').allTextContents()).resolves.toEqual(['Red', 'Yellow']);
      await select.fill('an');
      await expect(msg.getByRole('option').allTextContents()).resolves.toEqual(['Banana']);
      const banana = nextPost('action');
      await msg.getByRole('option', { name: 'Banana' }).click();
      expect((await banana).postDataJSON()).toMatchObject({
        actionId: 'gallery_select',
        selection: { selected_option: { value: 'banana' } },
      });
    },
    STEP_MS,
  );

  it(
    'a modal with every input the app uses sends view.state.values as Slack does; push, back and update work',
    async () => {
      const opened = await api('views.open', {
        trigger_id: playground.slack.newTriggerId({ userId: member.id }),
        view: FORM,
      });
      const viewId = (opened.view as { id: string }).id;
      const modal = page.getByRole('dialog', { name: 'Every input' });
      await modal.getByRole('textbox', { name: 'Notes' }).fill('line one\nline two');
      await expect(modal.getByRole('spinbutton', { name: 'Ratio' }).inputValue()).resolves.toBe('1.5');
      await modal.getByRole('spinbutton', { name: 'Ratio' }).fill('2.25');
      await modal.getByRole('combobox', { name: 'People' }).fill('anna');
      await modal.getByRole('option', { name: 'Anna Lytics' }).click();
      await modal.getByRole('combobox', { name: 'People' }).fill('blobby');
      await modal.getByRole('option', { name: member.realName }).click();
      await modal.getByRole('combobox', { name: 'Conversations' }).fill('sal');
      await modal.getByRole('option', { name: '#sales' }).click();
      await modal.getByRole('checkbox', { name: 'Quiet' }).check();
      await modal.getByRole('radio', { name: 'Large' }).check();
      await modal.getByLabel('At', { exact: true }).fill('14:30');
      await modal.getByLabel('On', { exact: true }).fill('2026-07-01');
      // On the viewer's clock: 09:30 in London in July is 08:30 UTC.
      await modal.getByLabel('Moment', { exact: true }).fill('2026-07-01T09:30');

      // A pushed view stacks on top, with a way back; what was typed below is still there after it.
      await api('views.push', {
        trigger_id: playground.slack.newTriggerId({ userId: member.id, viewId }),
        view: {
          type: 'modal',
          title: plain('Pushed'),
          close: plain('Back'),
          blocks: [{ type: 'section', text: plain('on top') }],
        },
      });
      const pushed = page.getByRole('dialog', { name: 'Pushed' });
      await pushed.getByText('on top').waitFor();
      await pushed.getByRole('button', { name: 'Back', exact: true }).first().click();
      await expect(modal.getByRole('textbox', { name: 'Notes' }).inputValue()).resolves.toBe('line one\nline two');

      // views.update redraws the modal live; inputs that keep their block_id keep their values.
      await api('views.update', { view_id: viewId, view: { ...FORM, title: plain('Every input, again') } });
      const updated = page.getByRole('dialog', { name: 'Every input, again' });
      await expect(updated.getByRole('spinbutton', { name: 'Ratio' }).inputValue()).resolves.toBe('2.25');

      const submit = nextPost('submit');
      await updated.getByRole('button', { name: 'Save' }).click();
      const sent = (await submit).postDataJSON() as { viewId: string; values: Record<string, unknown> };
      expect(sent.viewId).toBe(viewId);
      expect(sent.values).toEqual({
        text: { notes: { type: 'plain_text_input', value: 'line one\nline two' } },
        number: { ratio: { type: 'number_input', value: '2.25' } },
        fruit: { fruit: { type: 'static_select', selected_option: option('Apple', 'apple') } },
        people: { people: { type: 'multi_users_select', selected_users: ['U0PGANNA1', member.id] } },
        where: { where: { type: 'multi_conversations_select', selected_conversations: [sales] } },
        channels: { channels: { type: 'multi_channels_select', selected_channels: [] } },
        flags: { flags: { type: 'checkboxes', selected_options: [option('Quiet', 'quiet')] } },
        size: { size: { type: 'radio_buttons', selected_option: option('Large', 'l') } },
        at: { at: { type: 'timepicker', selected_time: '14:30' } },
        on: { on: { type: 'datepicker', selected_date: '2026-07-01' } },
        when: { when: { type: 'datetimepicker', selected_date_time: Date.UTC(2026, 6, 1, 8, 30) / 1000 } },
      });
      expect(browser.pageErrors).toEqual([]);
    },
    STEP_MS,
  );
}
