// The playground page: a Slack-like client for one person at a time (switch at the top left). It shows what
// the server reads from the fake Slack (GET /api/state), redraws when the server says something changed
// (server-sent events on /api/events), and sends what the person does to POST /api/*.
import { initialState, renderBlocks } from './blocks.js';
import { plainText, renderMrkdwn } from './mrkdwn.js';
import { overflowMenu } from './widgets.js';

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const params = new URLSearchParams(location.search);
const page = {
  user: params.get('as') ?? localStorage.getItem('playground-user') ?? '',
  channel: params.get('channel') ?? '',
  tab: 'home',
  state: undefined,
  /** Input values of open views: viewId → block_id → action_id → Slack state value. */
  values: new Map(),
  drawn: { sidebar: '', messages: '', home: '', modal: '' },
  /** The drawn messages by kind, channel and ts, with the content they were drawn from. */
  messageNodes: new Map(),
};

function toast(message) {
  const node = $('toast');
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => {
    node.hidden = true;
  }, 8000);
}

async function post(what, body) {
  const res = await fetch(`/api/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: page.user, ...body }),
  });
  const answer = await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }));
  if (!answer.ok) toast(answer.error ?? 'Something went wrong.');
  return answer;
}

function userName(id) {
  return page.state?.directory.users.find((u) => u.id === id)?.realName ?? id;
}

function channelName(id) {
  const c = page.state?.directory.channels.find((x) => x.id === id);
  return c ? `#${c.name}` : id;
}

function viewValues(viewId) {
  if (!page.values.has(viewId)) page.values.set(viewId, {});
  return page.values.get(viewId);
}

/** Every interactive element of a view's blocks with its block_id. */
function elementsOf(blocks) {
  const out = [];
  for (const b of blocks ?? []) {
    for (const e of [b.element, b.accessory, ...(b.type === 'actions' ? (b.elements ?? []) : [])]) {
      if (e?.action_id) out.push({ blockId: b.block_id, element: e });
    }
  }
  return out;
}

/**
 * view.state.values as Slack would send it now: what was entered, else the element's initial value. Values
 * of blocks that the app re-rendered with another block_id or action_id are dropped, as Slack drops them.
 */
function currentValues(view) {
  const stored = viewValues(view.id);
  const out = {};
  for (const { blockId, element } of elementsOf(view.blocks)) {
    const value = stored[blockId]?.[element.action_id] ?? initialState(element);
    if (value === undefined) continue;
    out[blockId] ??= {};
    out[blockId][element.action_id] = { type: element.type, ...value };
  }
  return out;
}

function blockContext(surface, extra = {}) {
  const state = page.state;
  const viewId = surface.surface === 'view' ? surface.viewId : undefined;
  return {
    tz: state.me.tz,
    directory: state.directory,
    userName,
    channelName,
    errors: extra.errors,
    getValue: (blockId, actionId) => (viewId ? viewValues(viewId)[blockId]?.[actionId] : undefined),
    setValue: (blockId, actionId, value) => {
      if (!viewId) return;
      const values = viewValues(viewId);
      values[blockId] ??= {};
      values[blockId][actionId] = value;
    },
    act: (element, blockId, { value, selection }) => {
      const place = viewId ? { surface: 'view', viewId, values: currentValues(extra.view) } : surface;
      void post('action', {
        place,
        actionId: element.action_id,
        blockId,
        ...(value !== undefined ? { value } : {}),
        ...(selection ? { selection } : {}),
      });
    },
    loadOptions: async (blockId, actionId, query) => {
      const answer = await post('options', {
        viewId,
        blockId,
        actionId,
        value: query,
        values: viewId ? currentValues(extra.view) : {},
      });
      if (!answer.ok) throw new Error(answer.error);
      const body = answer.body ?? {};
      if (Array.isArray(body.option_groups)) {
        return body.option_groups.flatMap((g) => (g.options ?? []).map((o) => ({ ...o, group: plainText(g.label) })));
      }
      return body.options ?? [];
    },
  };
}

function timeOf(ts) {
  return new Intl.DateTimeFormat('en-US', { timeZone: page.state.me.tz, hour: 'numeric', minute: '2-digit' }).format(
    new Date(Number(ts) * 1000),
  );
}

function drawSidebar() {
  const state = page.state;
  const key = JSON.stringify([state.me.id, page.channel, page.tab, state.channels.map((c) => c.id)]);
  if (key === page.drawn.sidebar) return;
  page.drawn.sidebar = key;
  $('team-name').textContent = state.workspace.name;
  const select = $('persona');
  select.replaceChildren(
    ...state.personas.map((p) => {
      const o = el('option', '', `${p.realName} (${p.role})`);
      o.value = p.id;
      o.selected = p.id === state.me.id;
      return o;
    }),
  );
  $('persona-zone').textContent = `Time zone: ${state.me.tz}`;
  const channelList = $('channel-list');
  const appList = $('app-list');
  channelList.replaceChildren();
  appList.replaceChildren();
  for (const c of state.channels) {
    const li = el('li');
    const b = el('button', `nav${c.id === page.channel ? ' current' : ''}`, c.kind === 'app' ? c.name : `# ${c.name}`);
    b.type = 'button';
    b.dataset.channel = c.id;
    b.addEventListener('click', () => openChannel(c.id));
    li.append(b);
    (c.kind === 'app' ? appList : channelList).append(li);
  }
}

function messageNode(item) {
  const row = el('article', `message ${item.kind}`);
  row.dataset.ts = item.ts;
  const avatar = el('div', `avatar${item.author.app ? ' app' : ''}`, item.author.name.charAt(0));
  const body = el('div', 'message-body');
  const head = el('div', 'message-head');
  head.append(el('span', 'author', item.author.name));
  if (item.author.app) head.append(el('span', 'badge', 'APP'));
  head.append(el('span', 'time', timeOf(item.ts)));
  if (item.edited) head.append(el('span', 'edited', '(edited)'));
  body.append(head);
  if (item.kind !== 'message') body.append(el('div', 'only-you', '👁 Only visible to you'));
  const surface = { surface: 'message', channel: item.channel, ts: item.ts, ephemeral: item.kind === 'ephemeral' };
  if (item.blocks?.length) body.append(renderBlocks(item.blocks, blockContext(surface)));
  else body.append(renderMrkdwn(item.text ?? '', blockContext(surface)));
  if (item.attachments > 0) {
    body.append(el('div', 'unsupported', `[${item.attachments} legacy attachment(s): not shown in the playground]`));
  }
  row.append(avatar, body);
  // The app's message shortcuts, as Slack offers them in a message's "More actions" menu (not on ephemeral ones).
  const shortcuts = page.state.shortcuts ?? [];
  if (item.kind === 'message' && shortcuts.length > 0) {
    const menu = overflowMenu(
      { options: shortcuts.map((s) => ({ text: { type: 'plain_text', text: s.name }, value: s.callbackId })) },
      (option) => void post('shortcut', { channel: item.channel, ts: item.ts, callbackId: option.value }),
    );
    menu.classList.add('message-shortcuts');
    menu.querySelector('button').setAttribute('aria-label', 'Message shortcuts');
    row.append(menu);
  }
  return row;
}

function drawMessages() {
  const state = page.state;
  const channel = state.channels.find((c) => c.id === page.channel);
  const appTabs = $('app-tabs');
  const isApp = channel?.kind === 'app';
  appTabs.hidden = !isApp;
  const showHome = isApp && page.tab === 'home';
  $('home').hidden = !showHome;
  $('messages').hidden = showHome;
  $('composer').hidden = showHome;
  $('tab-home').setAttribute('aria-selected', String(showHome));
  $('tab-messages').setAttribute('aria-selected', String(isApp && !showHome));
  $('conversation-title').textContent = isApp ? channel.name : `# ${channel?.name ?? ''}`;
  $('composer-input').placeholder = isApp ? `Message ${channel.name}` : `Message #${channel?.name ?? ''}`;
  const key = JSON.stringify([state.me.id, page.channel, channel?.items]);
  if (key === page.drawn.messages) return;
  page.drawn.messages = key;
  // Messages that did not change keep their nodes (and an open menu or a half-typed search in them).
  const pane = $('messages');
  const before = page.messageNodes;
  const after = new Map();
  const nodes = (channel?.items ?? []).map((item) => {
    const itemKey = JSON.stringify([state.me.id, item]);
    const id = `${item.kind}:${item.channel}:${item.ts}`;
    const kept = before.get(id);
    const node = kept?.key === itemKey ? kept.node : messageNode(item);
    after.set(id, { key: itemKey, node });
    return node;
  });
  page.messageNodes = after;
  const same = nodes.length === pane.children.length && nodes.every((n, i) => pane.children[i] === n);
  if (!same) {
    pane.replaceChildren(...nodes);
    pane.scrollTop = pane.scrollHeight;
  }
}

function drawHome() {
  const state = page.state;
  const key = JSON.stringify([state.me.id, state.home]);
  if (key === page.drawn.home) return;
  page.drawn.home = key;
  const pane = $('home');
  pane.replaceChildren();
  if (!state.home) {
    pane.append(el('p', 'empty', 'Loading the Home tab…'));
    return;
  }
  pane.dataset.viewId = state.home.id;
  pane.append(
    renderBlocks(state.home.blocks, blockContext({ surface: 'view', viewId: state.home.id }, { view: state.home })),
  );
}

function drawModal() {
  const state = page.state;
  const top = state.modalStack.at(-1);
  const key = JSON.stringify([state.me.id, state.modalStack.map((v) => [v.id, v.hash]), top?.errors]);
  if (key === page.drawn.modal) return;
  page.drawn.modal = key;
  const layer = $('modal-layer');
  layer.replaceChildren();
  for (const id of page.values.keys()) {
    if (!state.modalStack.some((v) => v.id === id) && state.home?.id !== id) page.values.delete(id);
  }
  if (!top) {
    layer.hidden = true;
    return;
  }
  // Slack keeps what was typed while a block keeps its block_id; values of blocks that are gone are dropped.
  const values = viewValues(top.id);
  const present = new Set(elementsOf(top.blocks).map((f) => `${f.blockId}\u0000${f.element.action_id}`));
  for (const [blockId, actions] of Object.entries(values)) {
    for (const actionId of Object.keys(actions)) {
      if (!present.has(`${blockId}\u0000${actionId}`)) delete actions[actionId];
    }
  }
  const modal = el('div', 'modal');
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('aria-modal', 'true');
  modal.dataset.viewId = top.id;
  const title = plainText(top.title);
  modal.setAttribute('aria-label', title);
  const head = el('div', 'modal-head');
  if (state.modalStack.length > 1) {
    const back = el('button', 'icon', '←');
    back.type = 'button';
    back.setAttribute('aria-label', 'Back');
    back.addEventListener('click', () => void post('close', { viewId: top.id, all: false }));
    head.append(back);
  }
  head.append(el('h2', 'modal-title', title));
  const x = el('button', 'icon', '✕');
  x.type = 'button';
  x.setAttribute('aria-label', 'Close window');
  x.addEventListener('click', () => void post('close', { viewId: top.id, all: true }));
  head.append(x);
  const body = el('div', 'modal-body');
  body.append(
    renderBlocks(top.blocks, blockContext({ surface: 'view', viewId: top.id }, { view: top, errors: top.errors })),
  );
  const foot = el('div', 'modal-foot');
  const close = el('button', 'btn', plainText(top.close) || 'Cancel');
  close.type = 'button';
  close.addEventListener('click', () => void post('close', { viewId: top.id, all: false }));
  foot.append(close);
  if (top.submit) {
    const submit = el('button', 'btn primary', plainText(top.submit));
    submit.type = 'button';
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      const answer = await post('submit', { viewId: top.id, values: currentValues(top) });
      if (!answer.ok) submit.disabled = false;
    });
    foot.append(submit);
  }
  modal.append(head, body, foot);
  layer.append(modal);
  layer.hidden = false;
}

function draw() {
  const state = page.state;
  if (!state.channels.some((c) => c.id === page.channel)) page.channel = state.channels[0]?.id ?? '';
  drawSidebar();
  drawMessages();
  drawHome();
  drawModal();
  document.body.dataset.version = String(state.version);
  document.body.dataset.user = state.me.id;
}

// One fetch at a time; notices that arrive meanwhile make one more fetch, not one each.
let fetching;
let again = false;
function refresh() {
  if (fetching) {
    again = true;
    return fetching;
  }
  fetching = (async () => {
    do {
      again = false;
      const asked = page.user;
      const res = await fetch(`/api/state?user=${encodeURIComponent(asked)}`);
      const state = await res.json();
      // Someone else was picked while this was on its way: fetch theirs instead.
      if (page.user !== asked) {
        again = true;
        continue;
      }
      page.state = state;
      page.user = state.me.id;
      draw();
    } while (again);
  })()
    .catch((error) => toast(`Cannot reach the playground: ${error.message}`))
    .finally(() => {
      fetching = undefined;
    });
  return fetching;
}

function openChannel(id) {
  page.channel = id;
  const channel = page.state.channels.find((c) => c.id === id);
  if (channel?.kind === 'app') openTab(page.tab);
  draw();
}

function openTab(tab) {
  page.tab = tab;
  // Slack sends app_home_opened each time the Home tab is opened; the app publishes the view then.
  if (tab === 'home') void post('home', {});
  draw();
}

function setUpComposer() {
  const input = $('composer-input');
  const hint = $('command-hint');
  const showHint = () => {
    const cmd = page.state?.command;
    const typed = input.value;
    if (!cmd || !typed.startsWith('/') || typed.includes(' ') || !cmd.name.startsWith(typed)) {
      hint.hidden = true;
      return;
    }
    hint.replaceChildren(
      el('strong', '', cmd.name),
      ` ${cmd.usageHint}`,
      el('div', 'hint-description', cmd.description),
    );
    hint.hidden = false;
  };
  input.addEventListener('input', showHint);
  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    input.value = '';
    showHint();
    await post('message', { channel: page.channel, text });
  });
}

function start() {
  $('persona').addEventListener('change', (event) => {
    page.user = event.target.value;
    localStorage.setItem('playground-user', page.user);
    page.drawn = { sidebar: '', messages: '', home: '', modal: '' };
    void refresh().then(() => {
      if (page.state.channels.find((c) => c.id === page.channel)?.kind === 'app' && page.tab === 'home') {
        void post('home', {});
      }
    });
  });
  $('tab-home').addEventListener('click', () => openTab('home'));
  $('tab-messages').addEventListener('click', () => openTab('messages'));
  setUpComposer();
  const events = new EventSource('/api/events');
  events.addEventListener('message', () => void refresh());
  events.addEventListener('error', () => toast('Lost the connection to the playground; retrying…'));
  document.addEventListener('click', (event) => {
    for (const menu of document.querySelectorAll('.overflow .menu')) {
      if (!menu.parentElement.contains(event.target)) menu.hidden = true;
    }
  });
  // Opened on the app's Home tab (?channel=D…): Slack sends app_home_opened then too.
  void refresh().then(() => {
    if (page.state?.channels.find((c) => c.id === page.channel)?.kind === 'app') openTab(page.tab);
  });
}

start();
