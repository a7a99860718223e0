// The page's interactive pieces that Slack draws itself: the confirm dialog of a button or overflow item, the
// overflow menu, and the pickers behind every select (static, external, people, conversations, channels;
// single and multi), with a search box that filters, or asks the app for options as the person types.
import { plainText, renderText } from './mrkdwn.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Slack's confirm dialog; resolves true when the person confirms. */
export function confirmDialog(confirm, ctx) {
  const layer = document.getElementById('dialog-layer');
  return new Promise((resolve) => {
    layer.replaceChildren();
    const dialog = el('div', 'dialog');
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    const title = el('h2', '', plainText(confirm.title) || 'Are you sure?');
    dialog.setAttribute('aria-label', title.textContent);
    const body = el('div', 'dialog-body');
    body.append(renderText(confirm.text, ctx));
    const buttons = el('div', 'dialog-buttons');
    const deny = el('button', 'btn', plainText(confirm.deny) || 'Cancel');
    const ok = el(
      'button',
      `btn ${confirm.style === 'danger' ? 'danger' : 'primary'}`,
      plainText(confirm.confirm) || 'Yes',
    );
    deny.type = 'button';
    ok.type = 'button';
    const done = (answer) => {
      layer.hidden = true;
      layer.replaceChildren();
      resolve(answer);
    };
    deny.addEventListener('click', () => done(false));
    ok.addEventListener('click', () => done(true));
    buttons.append(deny, ok);
    dialog.append(title, body, buttons);
    layer.append(dialog);
    layer.hidden = false;
    ok.focus();
  });
}

/** An overflow menu (⋯): calls onChoose(option) with the chosen option. */
export function overflowMenu(element, onChoose) {
  const wrap = el('div', 'overflow');
  const toggle = el('button', 'btn overflow-toggle', '⋯');
  toggle.type = 'button';
  toggle.setAttribute('aria-label', 'More actions');
  toggle.setAttribute('aria-haspopup', 'menu');
  const menu = el('ul', 'menu');
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  for (const option of element.options ?? []) {
    const item = el('li', '', plainText(option.text));
    item.setAttribute('role', 'menuitem');
    item.tabIndex = 0;
    item.addEventListener('click', () => {
      menu.hidden = true;
      onChoose(option);
    });
    menu.append(item);
  }
  toggle.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
  });
  wrap.append(toggle, menu);
  return wrap;
}

const SELECT_KINDS = {
  static_select: { source: 'static', multi: false },
  multi_static_select: { source: 'static', multi: true },
  external_select: { source: 'external', multi: false },
  multi_external_select: { source: 'external', multi: true },
  users_select: { source: 'users', multi: false },
  multi_users_select: { source: 'users', multi: true },
  conversations_select: { source: 'conversations', multi: false },
  multi_conversations_select: { source: 'conversations', multi: true },
  channels_select: { source: 'channels', multi: false },
  multi_channels_select: { source: 'channels', multi: true },
};

export function isSelect(type) {
  return Object.hasOwn(SELECT_KINDS, type);
}

function optionsOf(element) {
  if (Array.isArray(element.option_groups)) {
    return element.option_groups.flatMap((g) => (g.options ?? []).map((o) => ({ ...o, group: plainText(g.label) })));
  }
  return element.options ?? [];
}

/** The chosen options (as Slack option objects) in a Slack state value, for the element's type. */
function chosenOf(state, ctx) {
  if (!state) return [];
  const user = (id) => ({ value: id, text: { type: 'plain_text', text: ctx.userName(id) } });
  const channel = (id) => ({ value: id, text: { type: 'plain_text', text: ctx.channelName(id) } });
  if (state.selected_option) return [state.selected_option];
  if (state.selected_options) return state.selected_options;
  if (state.selected_user) return [user(state.selected_user)];
  if (state.selected_users) return state.selected_users.map(user);
  if (state.selected_conversation) return [channel(state.selected_conversation)];
  if (state.selected_conversations) return state.selected_conversations.map(channel);
  if (state.selected_channel) return [channel(state.selected_channel)];
  if (state.selected_channels) return state.selected_channels.map(channel);
  return [];
}

/** The Slack state value for chosen options of a select of `type`. */
export function selectState(type, chosen) {
  const ids = chosen.map((o) => o.value);
  const first = chosen[0] ?? null;
  const option = (o) => ({ text: o.text, value: o.value, ...(o.description ? { description: o.description } : {}) });
  switch (type) {
    case 'static_select':
    case 'external_select':
      return { selected_option: first ? option(first) : null };
    case 'multi_static_select':
    case 'multi_external_select':
      return { selected_options: chosen.map(option) };
    case 'users_select':
      return { selected_user: ids[0] ?? null };
    case 'multi_users_select':
      return { selected_users: ids };
    case 'conversations_select':
      return { selected_conversation: ids[0] ?? null };
    case 'multi_conversations_select':
      return { selected_conversations: ids };
    case 'channels_select':
      return { selected_channel: ids[0] ?? null };
    case 'multi_channels_select':
      return { selected_channels: ids };
    default:
      throw new Error(`not a select: ${type}`);
  }
}

/** The value Slack starts a select with: initial_option(s), initial_user(s), initial_conversation(s), … */
export function initialSelectState(element) {
  const t = element.type;
  if (element.initial_option) return selectState(t, [element.initial_option]);
  if (element.initial_options) return selectState(t, element.initial_options);
  const ids = [
    element.initial_user,
    element.initial_conversation,
    element.initial_channel,
    ...(element.initial_users ?? []),
    ...(element.initial_conversations ?? []),
    ...(element.initial_channels ?? []),
  ].filter(Boolean);
  return selectState(
    t,
    ids.map((id) => ({ value: id, text: { type: 'plain_text', text: id } })),
  );
}

/**
 * A select. `ctx` gives names and options: userName(id), channelName(id), directory, loadOptions(query) for
 * external selects (resolves to Slack option objects, or rejects with a message). onChange(stateValue).
 */
export function selectPicker(element, state, ctx, onChange, label) {
  const kind = SELECT_KINDS[element.type];
  let chosen = chosenOf(state, ctx);
  const wrap = el('div', `picker ${kind.multi ? 'multi' : 'single'}`);
  wrap.dataset.actionId = element.action_id ?? '';
  const control = el('div', 'picker-control');
  const tokens = el('span', 'picker-tokens');
  const search = el('input', 'picker-search');
  search.setAttribute('role', 'combobox');
  search.setAttribute('aria-expanded', 'false');
  search.setAttribute('aria-label', label || plainText(element.placeholder) || 'Select');
  search.placeholder = plainText(element.placeholder) || 'Select an option';
  const list = el('ul', 'picker-options');
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  const status = el('div', 'picker-status');
  status.hidden = true;
  control.append(tokens, search);
  wrap.append(control, list, status);

  const drawTokens = () => {
    tokens.replaceChildren();
    for (const option of chosen) {
      const token = el('span', kind.multi ? 'token' : 'chosen', plainText(option.text));
      if (kind.multi) {
        const remove = el('button', 'token-remove', '×');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Remove ${plainText(option.text)}`);
        remove.addEventListener('click', () => {
          chosen = chosen.filter((o) => o.value !== option.value);
          drawTokens();
          onChange(selectState(element.type, chosen));
        });
        token.append(remove);
      }
      tokens.append(token);
    }
    search.placeholder = chosen.length > 0 && !kind.multi ? '' : plainText(element.placeholder) || 'Select an option';
  };
  drawTokens();

  const choose = (option) => {
    chosen = kind.multi ? [...chosen.filter((o) => o.value !== option.value), option] : [option];
    search.value = '';
    close();
    drawTokens();
    onChange(selectState(element.type, chosen));
  };
  const close = () => {
    list.hidden = true;
    status.hidden = true;
    search.setAttribute('aria-expanded', 'false');
  };
  const show = (options) => {
    list.replaceChildren();
    let group;
    for (const option of options) {
      if (option.group && option.group !== group) {
        group = option.group;
        const heading = el('li', 'picker-group', group);
        heading.setAttribute('role', 'presentation');
        list.append(heading);
      }
      const item = el('li', 'picker-option');
      item.setAttribute('role', 'option');
      item.append(el('span', 'option-text', plainText(option.text)));
      if (option.description) item.append(el('span', 'option-description', plainText(option.description)));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(option);
      });
      list.append(item);
    }
    list.hidden = options.length === 0;
    status.hidden = options.length > 0;
    status.textContent = 'No matches';
    search.setAttribute('aria-expanded', String(options.length > 0));
  };
  const matches = (option, query) => plainText(option.text).toLowerCase().includes(query.toLowerCase());
  let asked = 0;
  const refresh = async () => {
    const query = search.value;
    if (kind.source === 'external') {
      const min = element.min_query_length ?? 3;
      if (query.length < min) {
        list.hidden = true;
        status.hidden = false;
        status.textContent = `Type at least ${min} characters`;
        return;
      }
      const ticket = ++asked;
      status.hidden = false;
      status.textContent = 'Loading…';
      try {
        const options = await ctx.loadOptions(query);
        if (ticket === asked) show(options);
      } catch (error) {
        if (ticket !== asked) return;
        list.hidden = true;
        status.hidden = false;
        status.textContent = String(error.message ?? error);
      }
      return;
    }
    const pool =
      kind.source === 'static'
        ? optionsOf(element)
        : kind.source === 'users'
          ? ctx.directory.users
              .filter((u) => !u.bot)
              .map((u) => ({ value: u.id, text: { type: 'plain_text', text: u.realName } }))
          : ctx.directory.channels.map((c) => ({ value: c.id, text: { type: 'plain_text', text: `#${c.name}` } }));
    show(pool.filter((o) => matches(o, query)));
  };
  search.addEventListener('focus', () => void refresh());
  search.addEventListener('input', () => void refresh());
  search.addEventListener('blur', () => close());
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
    if (event.key === 'Backspace' && search.value === '' && kind.multi && chosen.length > 0) {
      chosen = chosen.slice(0, -1);
      drawTokens();
      onChange(selectState(element.type, chosen));
    }
  });
  return wrap;
}
