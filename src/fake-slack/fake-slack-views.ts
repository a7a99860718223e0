// Fake views.open / push / update / publish with Slack's trigger, stack, hash and Block Kit rules,
// plus applyViewResponse: what Slack does with a view_submission ack (update, push, errors, clear).
import { blockKitProblems } from './block-kit-limits.js';
import {
  type ApiBody,
  blockErrors,
  bool,
  clone,
  fail,
  invalidArguments,
  type MethodHandler,
  missing,
  str,
} from './fake-slack-api.js';
import type { FakeWorkspace, StoredView, TriggerRecord } from './fake-slack-model.js';
import type { FakeSlackState } from './fake-slack-state.js';

const MAX_VIEW_BYTES = 250_000;
const MAX_STACK = 3;

type ViewInput = Record<string, unknown>;

/** Checks and consumes a trigger_id; returns Slack's error body when it cannot be used. */
function takeTrigger(state: FakeSlackState, id: string | undefined): ApiBody | TriggerRecord {
  if (!id) return missing('trigger_id');
  const trigger = state.triggers.get(id);
  if (!trigger) return fail('invalid_trigger_id');
  if (trigger.used) return fail('exchanged_trigger_id');
  if (state.now() - trigger.issuedAt > state.timings.triggerTtlMs) return fail('expired_trigger_id');
  return trigger;
}

function isApiBody(x: unknown): x is ApiBody {
  return typeof x === 'object' && x !== null && 'ok' in x;
}

/** Validates a view param for a surface; returns Slack's error body, or the view when fine. */
function checkViewParam(params: Record<string, unknown>, surface: 'modal' | 'home'): ApiBody | ViewInput {
  const view = params.view;
  if (view === undefined) return missing('view');
  if (typeof view !== 'object' || view === null || Array.isArray(view)) {
    return invalidArguments(['invalid JSON in view [json-pointer:/view]']);
  }
  if (JSON.stringify(view).length > MAX_VIEW_BYTES) return fail('view_too_large');
  const errors = blockErrors(surface, view, '/view');
  return errors.length > 0 ? invalidArguments(errors) : (view as ViewInput);
}

/** Slack fills in block_id / action_id when a view leaves them out; state.values are keyed by them. */
function withGeneratedIds(blocks: unknown, state: FakeSlackState): Record<string, unknown>[] {
  const list = clone(Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : []);
  for (const block of list) {
    block.block_id ??= state.nextId('b').toLowerCase();
    const actionElements = block.type === 'actions' && Array.isArray(block.elements) ? block.elements : [];
    for (const el of [block.element, block.accessory, ...actionElements]) {
      if (el && typeof el === 'object' && (el as { type?: unknown }).type !== 'image') {
        (el as Record<string, unknown>).action_id ??= state.nextId('a').toLowerCase();
      }
    }
  }
  return list;
}

function applyContent(state: FakeSlackState, target: StoredView, view: ViewInput): void {
  target.callback_id = str(view, 'callback_id') ?? '';
  // An update that leaves external_id out keeps the one the view has.
  target.external_id = str(view, 'external_id') ?? target.external_id;
  target.title = view.title;
  target.submit = view.submit ?? null;
  target.close = view.close ?? null;
  target.blocks = withGeneratedIds(view.blocks, state);
  target.private_metadata = str(view, 'private_metadata') ?? '';
  target.clear_on_close = bool(view, 'clear_on_close');
  target.notify_on_close = bool(view, 'notify_on_close');
  target.hash = state.newHash();
  target.errors = undefined;
}

function createView(
  state: FakeSlackState,
  ws: FakeWorkspace,
  view: ViewInput,
  place: { type: 'modal' | 'home'; root?: string; previous?: string; userId?: string },
): StoredView {
  const id = state.nextId('V');
  const stored: StoredView = {
    id,
    team_id: ws.teamId,
    type: place.type,
    callback_id: '',
    external_id: '',
    blocks: [],
    private_metadata: '',
    state: { values: {} },
    hash: '',
    root_view_id: place.type === 'modal' ? (place.root ?? id) : null,
    previous_view_id: place.previous ?? null,
    clear_on_close: false,
    notify_on_close: false,
    app_id: ws.appId,
    app_installed_team_id: ws.teamId,
    bot_id: ws.botId,
    user_id: place.userId,
    open: true,
  };
  applyContent(state, stored, view);
  state.views.set(id, stored);
  return stored;
}

/** The view as Slack returns it in API answers and payloads (no fake-only fields). */
export function publicView(v: StoredView): Record<string, unknown> {
  const { open: _open, errors: _errors, user_id: _user, ...rest } = clone(v);
  return rest;
}

function duplicateExternalId(state: FakeSlackState, ws: FakeWorkspace, view: ViewInput, self?: string): boolean {
  const ext = str(view, 'external_id');
  if (!ext) return false;
  return [...state.views.values()].some((v) => v.team_id === ws.teamId && v.external_id === ext && v.id !== self);
}

function stackOf(state: FakeSlackState, viewId: string): string[] | undefined {
  for (const stack of state.stacks.values()) if (stack.includes(viewId)) return stack;
  return undefined;
}

function pushOnto(state: FakeSlackState, ws: FakeWorkspace, stack: string[], view: ViewInput): ApiBody {
  if (stack.length >= MAX_STACK) return fail('push_limit_reached');
  const stored = createView(state, ws, view, { type: 'modal', root: stack[0], previous: stack[stack.length - 1] });
  stack.push(stored.id);
  return { ok: true, view: publicView(stored) };
}

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': ({ state, ws, params }) => {
    const trigger = takeTrigger(state, str(params, 'trigger_id'));
    if (isApiBody(trigger)) return trigger;
    const view = checkViewParam(params, 'modal');
    if (isApiBody(view)) return view;
    if (duplicateExternalId(state, ws, view)) return fail('duplicate_external_id');
    trigger.used = true;
    const stored = createView(state, ws, view, { type: 'modal', userId: trigger.userId });
    state.stacks.set(stored.id, [stored.id]);
    return { ok: true, view: publicView(stored) };
  },

  'views.push': ({ state, ws, params }) => {
    const trigger = takeTrigger(state, str(params, 'trigger_id'));
    if (isApiBody(trigger)) return trigger;
    const view = checkViewParam(params, 'modal');
    if (isApiBody(view)) return view;
    // A trigger from inside a modal belongs to that modal's stack; otherwise use the latest open modal.
    const stacks = [...state.stacks.values()];
    const stack = trigger.viewId ? stackOf(state, trigger.viewId) : stacks[stacks.length - 1];
    if (!stack) {
      return fail('invalid_trigger_id', {
        response_metadata: { messages: ['[ERROR] views.push needs a trigger_id from an open modal'] },
      });
    }
    const answer = pushOnto(state, ws, stack, view);
    if (answer.ok) trigger.used = true;
    return answer;
  },

  'views.update': ({ state, ws, params }) => {
    const viewId = str(params, 'view_id');
    const externalId = str(params, 'external_id');
    if (!viewId && !externalId) return missing('view_id');
    const target = viewId
      ? state.views.get(viewId)
      : [...state.views.values()].find((v) => v.external_id === externalId && v.team_id === ws.teamId);
    if (!target?.open || target.team_id !== ws.teamId) return fail('not_found');
    const hash = str(params, 'hash');
    if (hash !== undefined && hash !== target.hash) return fail('hash_conflict');
    const view = checkViewParam(params, target.type);
    if (isApiBody(view)) return view;
    if (duplicateExternalId(state, ws, view, target.id)) return fail('duplicate_external_id');
    applyContent(state, target, view);
    return { ok: true, view: publicView(target) };
  },

  'views.publish': ({ state, ws, params }) => {
    const userId = str(params, 'user_id');
    if (!userId) return missing('user_id');
    const view = checkViewParam(params, 'home');
    if (isApiBody(view)) return view;
    const current = state.homeView(userId, ws.teamId);
    const hash = str(params, 'hash');
    if (current && hash !== undefined && hash !== current.hash) return fail('hash_conflict');
    if (current) {
      applyContent(state, current, view);
      return { ok: true, view: publicView(current) };
    }
    return { ok: true, view: publicView(createView(state, ws, view, { type: 'home', userId })) };
  },
};

/** The acknowledgement body a listener sent for a view_submission (what Bolt's ack() was given). */
export type ViewSubmissionAck =
  | undefined
  | ''
  | Record<string, never>
  | { response_action: 'clear' }
  | { response_action: 'update' | 'push'; view: Record<string, unknown> }
  | { response_action: 'errors'; errors: Record<string, string> };

function closeViews(state: FakeSlackState, stack: string[], ids: string[]): void {
  for (const id of ids) {
    const v = state.views.get(id);
    if (v) v.open = false;
    stack.splice(stack.indexOf(id), 1);
  }
  if (stack.length === 0) {
    for (const [root, s] of state.stacks) if (s === stack) state.stacks.delete(root);
  }
}

/**
 * Does to the fake's modal what Slack does with a view_submission ack, and throws the way Slack
 * would refuse it (invalid view, push past 3 views, errors for a block that is not an input).
 * Returns the view on screen afterwards, or undefined when the modal closed.
 */
export function applyViewResponse(state: FakeSlackState, viewId: string, ack: unknown): StoredView | undefined {
  const target = state.views.get(viewId);
  if (!target?.open || target.type !== 'modal') throw new Error(`No open modal with id ${viewId}`);
  const stack = stackOf(state, viewId) ?? [viewId];
  const body = typeof ack === 'string' && ack !== '' ? JSON.parse(ack) : ack;
  const action = body && typeof body === 'object' ? (body as Record<string, unknown>).response_action : undefined;
  if (action === undefined) {
    closeViews(state, stack, [viewId]);
    const top = stack[stack.length - 1];
    return top ? state.views.get(top) : undefined;
  }
  const b = body as Record<string, unknown>;
  if (action === 'clear') {
    closeViews(state, stack, [...stack]);
    return undefined;
  }
  if (action === 'update' || action === 'push') {
    const problems = blockKitProblems('modal', b.view);
    if (problems.length > 0)
      throw new Error(`response_action ${action} view is invalid:\n  - ${problems.join('\n  - ')}`);
    const ws = state.workspaceOfTeam(target.team_id);
    if (action === 'update') {
      applyContent(state, target, b.view as ViewInput);
      return target;
    }
    const pushed = pushOnto(state, ws, stack, b.view as ViewInput);
    if (!pushed.ok) throw new Error(`response_action push refused: ${String(pushed.error)}`);
    return state.views.get(String((pushed.view as { id: string }).id));
  }
  if (action === 'errors') {
    const errors = (b.errors ?? {}) as Record<string, string>;
    const inputIds = new Set(target.blocks.filter((blk) => blk.type === 'input').map((blk) => blk.block_id));
    const bad = Object.keys(errors).filter((k) => !inputIds.has(k));
    if (bad.length > 0) {
      throw new Error(`response_action errors names blocks that are not input blocks of the view: ${bad.join(', ')}`);
    }
    target.errors = { ...errors };
    return target;
  }
  throw new Error(`Unknown response_action ${JSON.stringify(action)}`);
}
