// Finds interactive elements in blocks and turns simple test values into what Slack sends for
// them (selected_option, selected_users, …), so payloads match the UI the app really built.

type Obj = Record<string, unknown>;

export interface FoundElement {
  blockId: string;
  element: Obj;
}

/** A value as a test states it: text, an option value, ids, or an already-shaped Slack state value. */
export type SimpleValue = string | string[] | null | Obj;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every interactive element of a block list with its block_id. */
export function elementsOf(blocks: unknown): FoundElement[] {
  if (!Array.isArray(blocks)) return [];
  const found: FoundElement[] = [];
  for (const block of blocks) {
    if (!isObj(block)) continue;
    const blockId = String(block.block_id ?? '');
    const candidates = [
      block.accessory,
      block.element,
      ...(block.type === 'actions' ? (block.elements as unknown[]) : []),
    ];
    for (const el of candidates)
      if (isObj(el) && typeof el.action_id === 'string') found.push({ blockId, element: el });
  }
  return found;
}

/**
 * The element a user interacts with. `value` picks among buttons that share an action_id (e.g. one
 * "Run now" per row). Throws with what exists when the UI has no such element.
 */
export function findElement(
  blocks: unknown,
  where: string,
  actionId: string,
  opts: { blockId?: string; value?: string } = {},
): FoundElement {
  const all = elementsOf(blocks);
  const matches = all.filter(
    (f) => f.element.action_id === actionId && (opts.blockId === undefined || f.blockId === opts.blockId),
  );
  const byValue =
    opts.value === undefined
      ? matches
      : matches.filter((f) => f.element.type !== 'button' || f.element.value === opts.value);
  const found = byValue[0];
  if (!found) {
    const have = all.map(
      (f) => `${f.blockId}/${String(f.element.action_id)}${f.element.value ? `=${String(f.element.value)}` : ''}`,
    );
    throw new Error(
      `No element with action_id "${actionId}"${opts.blockId ? ` in block "${opts.blockId}"` : ''}` +
        `${opts.value !== undefined ? ` and value "${opts.value}"` : ''} in the ${where}; it has: ${have.join(', ') || 'none'}`,
    );
  }
  return found;
}

function optionsOf(el: Obj): Obj[] {
  const direct = Array.isArray(el.options) ? (el.options as Obj[]) : [];
  const grouped = Array.isArray(el.option_groups)
    ? (el.option_groups as Obj[]).flatMap((g) => (Array.isArray(g.options) ? (g.options as Obj[]) : []))
    : [];
  return [...direct, ...grouped];
}

function pickOption(el: Obj, value: string): Obj {
  if (String(el.type).includes('external_select')) return { text: { type: 'plain_text', text: value }, value };
  const option = optionsOf(el).find((o) => o.value === value);
  if (!option) {
    const offered = optionsOf(el).map((o) => String(o.value));
    throw new Error(`Option "${value}" is not offered by ${String(el.action_id)} (offers: ${offered.join(', ')})`);
  }
  return { text: option.text, value: option.value, ...(option.description ? { description: option.description } : {}) };
}

function asList(value: SimpleValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [String(value)];
}

function asOne(value: SimpleValue): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? (value[0] ?? null) : String(value);
}

/**
 * The fields Slack sends for an element's current value, in both block_actions `actions[]` and
 * `view.state.values`. `null` (or omitted) means nothing entered.
 */
export function selectionFields(el: Obj, value: SimpleValue | undefined): Obj {
  const type = String(el.type);
  const v = value === undefined ? null : value;
  if (isObj(v)) return v;
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow': {
      const one = asOne(v);
      return { selected_option: one === null ? null : pickOption(el, one) };
    }
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { selected_options: asList(v).map((x) => pickOption(el, x)) };
    case 'users_select':
      return { selected_user: asOne(v) };
    case 'multi_users_select':
      return { selected_users: asList(v) };
    case 'conversations_select':
      return { selected_conversation: asOne(v) };
    case 'multi_conversations_select':
      return { selected_conversations: asList(v) };
    case 'channels_select':
      return { selected_channel: asOne(v) };
    case 'multi_channels_select':
      return { selected_channels: asList(v) };
    case 'datepicker':
      return { selected_date: asOne(v) };
    case 'timepicker':
      return { selected_time: asOne(v) };
    case 'datetimepicker': {
      const one = asOne(v);
      return { selected_date_time: one === null ? null : Number(one) };
    }
    case 'button':
      return el.value === undefined ? {} : { value: el.value };
    default:
      return { value: asOne(v) };
  }
}

/**
 * `view.state.values` as Slack sends it on submission: every input block, with the given values
 * and empty ones (null / []) for the rest. Values may be simple (see SimpleValue) when the view's
 * blocks are known; blocks/actions not in the view are passed through as given.
 */
export function stateValues(blocks: unknown, values: Record<string, Record<string, SimpleValue>> = {}) {
  const out: Record<string, Record<string, Obj>> = {};
  const inputs = Array.isArray(blocks) ? (blocks as Obj[]).filter((b) => isObj(b) && b.type === 'input') : [];
  for (const block of inputs) {
    const el = block.element;
    if (!isObj(el) || typeof el.action_id !== 'string') continue;
    const blockId = String(block.block_id);
    const given = values[blockId]?.[el.action_id];
    out[blockId] = { [el.action_id]: { type: el.type, ...selectionFields(el, given) } };
  }
  for (const [blockId, actions] of Object.entries(values)) {
    for (const [actionId, value] of Object.entries(actions)) {
      if (out[blockId]?.[actionId]) continue;
      const known = elementsOf(blocks).find((f) => f.blockId === blockId && f.element.action_id === actionId);
      const shaped = known
        ? { type: known.element.type, ...selectionFields(known.element, value) }
        : isObj(value)
          ? value
          : { type: 'plain_text_input', value: asOne(value) };
      out[blockId] = { ...(out[blockId] ?? {}), [actionId]: shaped };
    }
  }
  return out;
}
