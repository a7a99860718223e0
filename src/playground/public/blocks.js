// Block Kit, drawn the way Slack's client draws it, for messages, modals and the Home tab. Every element the
// app uses is interactive: a click or a choice calls ctx.act(…), which the server turns into the block_actions
// request Slack would send; inputs keep their values in ctx's store (view.state.values as Slack sends it).
// What the page cannot draw is shown as a labelled placeholder, never silently dropped.
import { plainText, renderMrkdwn, renderText } from './mrkdwn.js';
import { confirmDialog, initialSelectState, isSelect, overflowMenu, selectPicker } from './widgets.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let uid = 0;

/** Images load only from this machine: anything else would be a request to the internet. */
function image(url, alt, className) {
  let local = false;
  try {
    const u = new URL(url);
    local = u.protocol === 'data:' || u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  } catch {
    local = false;
  }
  if (local) {
    const img = el('img', className);
    img.src = url;
    img.alt = alt ?? '';
    return img;
  }
  const box = el('span', `${className} image-placeholder`, `🖼 ${alt || 'image'}`);
  box.title = `Not loaded in the playground (it stays offline): ${url}`;
  return box;
}

/** How far `tz` is ahead of UTC at `ms`, in ms. */
function zoneOffset(tz, ms) {
  const p = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  for (const part of format.formatToParts(new Date(ms))) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** A datetimepicker's moment (seconds) as "YYYY-MM-DDTHH:mm" on the viewer's clock, as Slack shows it. */
function wallClock(seconds, tz) {
  return new Date(seconds * 1000 + zoneOffset(tz, seconds * 1000)).toISOString().slice(0, 16);
}

/** "YYYY-MM-DDTHH:mm" on the viewer's clock → seconds (the offset checked again across a DST change). */
function fromWallClock(value, tz) {
  const asUtc = Date.parse(`${value}:00Z`);
  let ms = asUtc - zoneOffset(tz, asUtc);
  ms = asUtc - zoneOffset(tz, ms);
  return Math.floor(ms / 1000);
}

function unsupported(type) {
  const node = el('span', 'unsupported', `[${type} is not shown in the playground]`);
  node.dataset.type = type;
  return node;
}

/** The value Slack starts an input element with, as a state value (what is sent when nothing was typed). */
export function initialState(element) {
  const t = element.type;
  if (isSelect(t)) return initialSelectState(element);
  switch (t) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { value: element.initial_value ?? null };
    case 'checkboxes':
      return { selected_options: element.initial_options ?? [] };
    case 'radio_buttons':
      return { selected_option: element.initial_option ?? null };
    case 'timepicker':
      return { selected_time: element.initial_time ?? null };
    case 'datepicker':
      return { selected_date: element.initial_date ?? null };
    case 'datetimepicker':
      return { selected_date_time: element.initial_date_time ?? null };
    default:
      return undefined;
  }
}

function option(o) {
  return { text: o.text, value: o.value, ...(o.description ? { description: o.description } : {}) };
}

async function confirmed(confirm, ctx) {
  return !confirm || (await confirmDialog(confirm, ctx));
}

/**
 * One element. `place` is { blockId, kind: 'actions' | 'accessory' | 'input', dispatch } — inputs send
 * block_actions only with dispatch_action, like Slack.
 */
function element(e, place, ctx) {
  const { blockId } = place;
  const interactive = place.kind !== 'input' || place.dispatch;
  const stateNow = () => ctx.getValue(blockId, e.action_id) ?? initialState(e);
  const set = (state, send) => {
    ctx.setValue(blockId, e.action_id, { type: e.type, ...state });
    if (send && interactive) ctx.act(e, blockId, { selection: state });
  };
  switch (e.type) {
    case 'button': {
      const b = el('button', `btn${e.style ? ` ${e.style}` : ''}`, plainText(e.text));
      b.type = 'button';
      b.dataset.actionId = e.action_id ?? '';
      b.addEventListener('click', async () => {
        if (!(await confirmed(e.confirm, ctx))) return;
        if (e.url) window.open(e.url, '_blank', 'noopener');
        ctx.act(e, blockId, { value: e.value });
      });
      return b;
    }
    case 'overflow':
      return overflowMenu(e, async (o) => {
        if (!(await confirmed(e.confirm, ctx))) return;
        ctx.act(e, blockId, { selection: { selected_option: option(o) } });
      });
    case 'image':
      return image(e.image_url, e.alt_text, 'element-image');
    case 'checkboxes':
    case 'radio_buttons': {
      const multi = e.type === 'checkboxes';
      const box = el('div', multi ? 'checkboxes' : 'radios');
      box.setAttribute('role', multi ? 'group' : 'radiogroup');
      const name = `r${++uid}`;
      const current = stateNow() ?? {};
      const chosen = new Set(
        (multi ? (current.selected_options ?? []) : [current.selected_option].filter(Boolean)).map((o) => o.value),
      );
      for (const o of e.options ?? []) {
        const row = el('label', 'choice');
        const input = el('input');
        input.type = multi ? 'checkbox' : 'radio';
        input.name = name;
        input.value = o.value;
        input.checked = chosen.has(o.value);
        input.addEventListener('change', () => {
          const picked = [...box.querySelectorAll('input')]
            .filter((i) => i.checked)
            .map((i) => option((e.options ?? []).find((x) => x.value === i.value)));
          set(multi ? { selected_options: picked } : { selected_option: picked[0] ?? null }, true);
        });
        const words = el('span', 'choice-text');
        words.append(renderText(o.text, ctx));
        if (o.description) words.append(el('span', 'option-description', plainText(o.description)));
        row.append(input, words);
        box.append(row);
      }
      return box;
    }
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const multiline = e.type === 'plain_text_input' && e.multiline;
      const input = el(multiline ? 'textarea' : 'input', 'text-input');
      if (!multiline) {
        input.type = { email_text_input: 'email', url_text_input: 'url', number_input: 'number' }[e.type] ?? 'text';
      }
      if (e.type === 'number_input') {
        input.step = e.is_decimal_allowed ? 'any' : '1';
        if (e.min_value !== undefined) input.min = e.min_value;
        if (e.max_value !== undefined) input.max = e.max_value;
        input.inputMode = e.is_decimal_allowed ? 'decimal' : 'numeric';
      }
      if (e.max_length) input.maxLength = e.max_length;
      input.placeholder = plainText(e.placeholder);
      input.value = stateNow()?.value ?? '';
      input.setAttribute('aria-label', place.label || plainText(e.placeholder) || e.action_id);
      const triggers = e.dispatch_action_config?.trigger_actions_on ?? ['on_enter_pressed'];
      input.addEventListener('input', () => {
        set({ value: input.value === '' ? null : input.value }, triggers.includes('on_character_entered'));
      });
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !multiline) {
          event.preventDefault();
          if (interactive && triggers.includes('on_enter_pressed')) {
            ctx.act(e, blockId, { selection: { value: input.value === '' ? null : input.value } });
          }
        }
      });
      return input;
    }
    case 'timepicker':
    case 'datepicker':
    case 'datetimepicker': {
      const input = el('input', 'text-input');
      input.type = { timepicker: 'time', datepicker: 'date', datetimepicker: 'datetime-local' }[e.type];
      input.setAttribute('aria-label', place.label || plainText(e.placeholder) || e.action_id);
      const now = stateNow() ?? {};
      if (e.type === 'timepicker') input.value = now.selected_time ?? '';
      if (e.type === 'datepicker') input.value = now.selected_date ?? '';
      if (e.type === 'datetimepicker' && now.selected_date_time) {
        input.value = wallClock(now.selected_date_time, ctx.tz);
      }
      input.addEventListener('change', () => {
        const v = input.value === '' ? null : input.value;
        if (e.type === 'timepicker') set({ selected_time: v }, true);
        else if (e.type === 'datepicker') set({ selected_date: v }, true);
        else set({ selected_date_time: v === null ? null : fromWallClock(v, ctx.tz) }, true);
      });
      return input;
    }
    default:
      if (isSelect(e.type)) {
        const pickerCtx = { ...ctx, loadOptions: (query) => ctx.loadOptions(blockId, e.action_id, query) };
        return selectPicker(e, stateNow(), pickerCtx, (state) => set(state, true), place.label);
      }
      return unsupported(e.type);
  }
}

function richText(block, ctx) {
  const box = el('div', 'rich-text');
  const runs = (elements, into) => {
    for (const r of elements ?? []) {
      if (r.type === 'text') {
        const node = el(r.style?.code ? 'code' : 'span', '', r.text);
        if (r.style?.bold) node.classList.add('bold');
        if (r.style?.italic) node.classList.add('italic');
        if (r.style?.strike) node.classList.add('strike');
        into.append(node);
      } else if (r.type === 'link') into.append(renderMrkdwn(`<${r.url}|${r.text ?? r.url}>`, ctx));
      else if (r.type === 'user') into.append(renderMrkdwn(`<@${r.user_id}>`, ctx));
      else if (r.type === 'channel') into.append(renderMrkdwn(`<#${r.channel_id}>`, ctx));
      else if (r.type === 'usergroup') into.append(renderMrkdwn(`<!subteam^${r.usergroup_id}>`, ctx));
      else if (r.type === 'emoji') into.append(renderMrkdwn(`:${r.name}:`, ctx));
      else into.append(unsupported(`rich_text ${r.type}`));
    }
  };
  for (const part of block.elements ?? []) {
    if (part.type === 'rich_text_section') runs(part.elements, box.appendChild(el('p')));
    else if (part.type === 'rich_text_preformatted') runs(part.elements, box.appendChild(el('pre')));
    else if (part.type === 'rich_text_quote') runs(part.elements, box.appendChild(el('blockquote')));
    else if (part.type === 'rich_text_list') {
      const list = box.appendChild(el(part.style === 'ordered' ? 'ol' : 'ul'));
      for (const item of part.elements ?? []) runs(item.elements, list.appendChild(el('li')));
    } else box.append(unsupported(`rich_text ${part.type}`));
  }
  return box;
}

function block(b, ctx) {
  const node = el('div', `block block-${b.type}`);
  node.dataset.blockId = b.block_id ?? '';
  switch (b.type) {
    case 'section': {
      const body = el('div', 'section-body');
      if (b.text) body.appendChild(el('div', 'section-text')).append(renderText(b.text, ctx));
      if (b.fields) {
        const fields = el('div', 'fields');
        for (const f of b.fields) fields.appendChild(el('div', 'field')).append(renderText(f, ctx));
        body.append(fields);
      }
      node.append(body);
      if (b.accessory) {
        const side = el('div', 'accessory');
        side.append(element(b.accessory, { blockId: b.block_id, kind: 'accessory' }, ctx));
        node.append(side);
      }
      return node;
    }
    case 'header':
      node.append(el('h3', 'header', plainText(b.text)));
      return node;
    case 'divider':
      node.append(el('hr'));
      return node;
    case 'context':
      for (const part of b.elements ?? []) {
        node.append(
          part.type === 'image' ? image(part.image_url, part.alt_text, 'context-image') : renderText(part, ctx),
        );
      }
      return node;
    case 'actions':
      for (const e of b.elements ?? []) node.append(element(e, { blockId: b.block_id, kind: 'actions' }, ctx));
      return node;
    case 'image': {
      if (b.title) node.append(el('div', 'image-title', plainText(b.title)));
      node.append(image(b.image_url, b.alt_text, 'picture'));
      return node;
    }
    case 'input': {
      const label = plainText(b.label);
      const head = el('div', 'input-label', label);
      if (b.optional) head.append(el('span', 'optional', ' (optional)'));
      node.append(head);
      node.append(element(b.element, { blockId: b.block_id, kind: 'input', dispatch: b.dispatch_action, label }, ctx));
      const error = ctx.errors?.[b.block_id];
      if (error) {
        node.classList.add('has-error');
        const message = el('div', 'input-error', error);
        message.setAttribute('role', 'alert');
        node.append(message);
      }
      if (b.hint) node.append(el('div', 'input-hint', plainText(b.hint)));
      return node;
    }
    case 'rich_text':
      node.append(richText(b, ctx));
      return node;
    default:
      node.append(unsupported(`${b.type} block`));
      return node;
  }
}

/** Blocks → a node. ctx: { tz, directory, act, getValue, setValue, loadOptions, errors, userName, channelName }. */
export function renderBlocks(blocks, ctx) {
  const root = el('div', 'blocks');
  for (const b of blocks ?? []) root.append(block(b, ctx));
  return root;
}
