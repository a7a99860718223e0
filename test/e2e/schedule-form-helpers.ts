// Driving the schedule form end to end: open it, read the form as the fake Slack shows it, fill in
// values by field (block ids may be versioned), submit, and find what reached Omni.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { ActionIds, BlockIds } from '../../src/ids.js';
import type { RequestLogEntry } from '../../src/omni-sandbox/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON as tests read it, field by field
export type Obj = Record<string, any>;
export type FormView = { id: string; hash: string; blocks: Obj[]; private_metadata: string; callback_id: string };

/** The modal a views.open created, as it is now in the fake Slack. */
export function openedView(t: TestApp, since = 0): FormView {
  const opened = t.slack.calls.slice(since).filter((c) => c.method === 'views.open' && c.response.ok);
  const id = (opened.at(-1)?.response.view as Obj | undefined)?.id as string | undefined;
  if (!id)
    throw new Error(`No views.open since call ${since}; calls: ${t.slack.calls.map((c) => c.method).join(', ')}`);
  return currentView(t, id);
}

export function currentView(t: TestApp, id: string): FormView {
  const view = t.slack.views.get(id) as unknown as FormView | undefined;
  if (!view) throw new Error(`No view ${id} in the fake Slack`);
  return structuredClone(view);
}

/** The actual block id of a field's block (versioned ids end in `~~…`). */
export function blockIdOf(view: FormView, base: string): string {
  const block = view.blocks.find((b) => b.block_id === base || String(b.block_id).startsWith(`${base}~~`));
  if (!block) throw new Error(`The form has no ${base} block; it has ${view.blocks.map((b) => b.block_id).join(', ')}`);
  return block.block_id;
}

export function hasBlock(view: FormView, base: string): boolean {
  return view.blocks.some((b) => b.block_id === base || String(b.block_id).startsWith(`${base}~~`));
}

/** Slack's state for an untouched input: its initial value. */
function initialState(el: Obj): Obj {
  switch (el.type) {
    case 'plain_text_input':
    case 'number_input':
      return { value: el.initial_value ?? null };
    case 'static_select':
    case 'external_select':
      return { selected_option: el.initial_option ?? null };
    case 'checkboxes':
      return { selected_options: el.initial_options ?? [] };
    case 'multi_users_select':
      return { selected_users: el.initial_users ?? [] };
    case 'multi_conversations_select':
      return { selected_conversations: el.initial_conversations ?? [] };
    case 'conversations_select':
      return { selected_conversation: el.initial_conversation ?? null };
    case 'timepicker':
      return { selected_time: el.initial_time ?? null };
    default:
      return {};
  }
}

export type FieldValue = string | string[] | null;

/**
 * The view's state as Slack would send it: every input at its initial value, then `changes` (by base
 * block id) as a person would set them: text, an option value, ids, or checked values.
 */
export function formValues(
  view: FormView,
  changes: Record<string, FieldValue> = {},
): Record<string, Record<string, Obj>> {
  const values: Record<string, Record<string, Obj>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input') continue;
    const el = block.element as Obj;
    values[block.block_id] = { [el.action_id]: { type: el.type, ...initialState(el) } };
  }
  for (const [base, value] of Object.entries(changes)) {
    const blockId = blockIdOf(view, base);
    const block = view.blocks.find((b) => b.block_id === blockId) as Obj;
    const el = block.element as Obj;
    values[blockId] = { [el.action_id]: { type: el.type, ...shaped(el, value) } };
  }
  return values;
}

function shaped(el: Obj, value: FieldValue): Obj {
  const list = value === null ? [] : Array.isArray(value) ? value : [value];
  const pick = (v: string) => {
    if (el.type === 'external_select') return { text: { type: 'plain_text', text: v }, value: v };
    const found = (el.options as Obj[]).find((o) => o.value === v);
    if (!found)
      throw new Error(`${el.action_id} offers no ${v}: ${(el.options as Obj[]).map((o) => o.value).join(', ')}`);
    return found;
  };
  switch (el.type) {
    case 'static_select':
    case 'external_select':
      return { selected_option: value === null ? null : pick(list[0] as string) };
    case 'checkboxes':
      return { selected_options: list.map(pick) };
    case 'multi_users_select':
      return { selected_users: list };
    case 'multi_conversations_select':
      return { selected_conversations: list };
    case 'conversations_select':
      return { selected_conversation: list[0] ?? null };
    case 'timepicker':
      return { selected_time: list[0] ?? null };
    default:
      return { value: value === null ? null : String(list[0]) };
  }
}

/** Changes one input that re-renders the form (block_actions), and returns the form as redrawn. */
export async function change(
  t: TestApp,
  view: FormView,
  base: string,
  value: FieldValue,
  others: Record<string, FieldValue> = {},
) {
  const blockId = blockIdOf(view, base);
  const block = view.blocks.find((b) => b.block_id === blockId) as Obj;
  const values = formValues(view, { ...others, [base]: value });
  const el = block.element as Obj;
  const action = values[blockId]?.[el.action_id] as Obj;
  await t.action({ actionId: el.action_id, blockId, view, viewValues: values, action });
  return currentView(t, view.id);
}

/** Submits the form with `changes`; returns the fake's answer. */
export async function submit(t: TestApp, view: FormView, changes: Record<string, FieldValue> = {}) {
  return t.submitView({ view, values: formValues(view, changes) });
}

/** Omni requests since index `since`, by method and path. */
export function omniRequests(t: TestApp, since = 0, method?: string, path?: RegExp): RequestLogEntry[] {
  return t.sandbox.state.requests
    .slice(since)
    .filter((r) => (!method || r.method === method) && (!path || path.test(r.path)));
}

/** Schedule writes (create/update) sent to Omni since `since`. */
export function scheduleWrites(t: TestApp, since = 0): RequestLogEntry[] {
  return t.sandbox.state.requests
    .slice(since)
    .filter((r) => (r.method === 'POST' || r.method === 'PUT') && /^\/api\/v1\/schedules(\/[^/]+)?$/.test(r.path));
}

/** The last views.update the app sent for a view. */
export function lastUpdate(t: TestApp, viewId: string, since = 0): Obj {
  const update = t.slack.calls
    .slice(since)
    .filter((c) => c.method === 'views.update' && c.params.view_id === viewId)
    .at(-1);
  if (!update) throw new Error(`No views.update of ${viewId}`);
  return update.params.view as Obj;
}

export const B = BlockIds;

/** Opens the form with `/schedule <text>` and returns it as the fake Slack shows it. */
export async function openFormWith(
  t: TestApp,
  text: string,
  opts: { channel?: string; user?: string } = {},
): Promise<FormView> {
  const since = t.slack.calls.length;
  const result = await t.command(text, opts);
  expect(result.texts, 'no ephemeral error').toEqual([]);
  return openedView(t, since);
}

/** The app's ack of a request, parsed. */
/** Clicks Duplicate on a card of schedule `id` and answers the form it opened. */
export async function openDuplicate(t: TestApp, id: string): Promise<FormView> {
  const since = t.slack.calls.length;
  const button = {
    type: 'button',
    action_id: ActionIds.duplicateScheduleButton,
    value: id,
    text: { type: 'plain_text', text: 'Duplicate' },
  };
  await t.action({
    actionId: ActionIds.duplicateScheduleButton,
    value: id,
    message: { ts: '1.3', blocks: [{ type: 'actions', elements: [button] }] },
  });
  return openedView(t, since);
}

export function ackBody(res: { body: unknown }): Obj {
  return (typeof res.body === 'string' ? (res.body ? JSON.parse(res.body) : {}) : res.body) as Obj;
}

/** The body of the one schedule create/update that reached Omni since `since`. */
export function onlyScheduleWrite(t: TestApp, since: number) {
  const writes = scheduleWrites(t, since);
  expect(writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toHaveLength(1);
  return writes[0] as RequestLogEntry;
}

export const newestScheduleIn = (t: TestApp) => [...t.sandbox.state.schedules.values()].at(-1);

export const SFTP_PASSWORD = 'Sftp-Pa55word-7f3e';

/**
 * A test app per file (the sandbox reset before each test), with the general channel's members, and the
 * helpers above bound to it.
 */
export function useScheduleFormApp() {
  const ctx = {} as { t: TestApp };
  beforeAll(async () => {
    ctx.t = await startTestApp();
    ctx.t.slack.addChannel('C0000GEN1', [ctx.t.users.member.id, ctx.t.users.admin.id]);
  });
  afterAll(async () => {
    await ctx.t?.close();
  });
  beforeEach(() => {
    ctx.t.sandbox.reset();
  });
  return {
    get t(): TestApp {
      return ctx.t;
    },
    openWith: (text: string, opts?: { channel?: string; user?: string }) => openFormWith(ctx.t, text, opts),
    onlyWrite: (since: number) => onlyScheduleWrite(ctx.t, since),
    newestSchedule: () => newestScheduleIn(ctx.t),
  };
}
