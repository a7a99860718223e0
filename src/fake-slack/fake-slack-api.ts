// Shared plumbing for the fake Web API method handlers.
import { blockKitIssues, jsonPointer, type Surface } from './block-kit-limits.js';
import type { FakeWorkspace } from './fake-slack-model.js';
import type { FakeSlackState } from './fake-slack-state.js';

export type ApiBody = { ok: boolean } & Record<string, unknown>;

export interface CallContext {
  state: FakeSlackState;
  ws: FakeWorkspace;
  params: Record<string, unknown>;
}

export type MethodHandler = (ctx: CallContext) => ApiBody;

export function fail(error: string, extra: Record<string, unknown> = {}): ApiBody {
  return { ok: false, error, ...extra };
}

/** Slack's shape for schema errors: `invalid_arguments` with `[ERROR] … [json-pointer:/…]` messages. */
export function invalidArguments(messages: string[]): ApiBody {
  return fail('invalid_arguments', { response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } });
}

/** A string param, or undefined when absent or empty. */
export function str(params: Record<string, unknown>, key: string): string | undefined {
  const v = params[key];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** Form posts send booleans as "true"/"1"; JSON posts send real booleans. */
export function bool(params: Record<string, unknown>, key: string): boolean {
  const v = params[key];
  return v === true || v === 'true' || v === '1' || v === 1;
}

export function missing(...names: string[]): ApiBody {
  return invalidArguments(names.map((n) => `missing required field: ${n} [json-pointer:/${n}]`));
}

/** Block Kit problems as Slack reports them, with JSON pointers under `prefix` (e.g. '/view'). */
export function blockErrors(surface: Surface, value: unknown, prefix = ''): string[] {
  return blockKitIssues(surface, value).map((i) => `${i.message} [json-pointer:${prefix}${jsonPointer(i.path)}]`);
}

/** chat.* style: `invalid_blocks` with `errors` and response_metadata.messages. */
export function invalidBlocks(errors: string[]): ApiBody {
  return fail('invalid_blocks', { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** Base64 cursor like Slack's (opaque to clients). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

/** Pages a list with Slack's cursor/limit rules; `undefined` when the cursor is invalid. */
export function page<T>(
  items: T[],
  params: Record<string, unknown>,
  defaultLimit = 100,
): { items: T[]; nextCursor: string } | undefined {
  const offset = decodeCursor(str(params, 'cursor'));
  if (offset === undefined) return undefined;
  const rawLimit = Number(str(params, 'limit') ?? defaultLimit);
  const limit = Number.isFinite(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 1000) : defaultLimit;
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? encodeCursor(offset + limit) : '';
  return { items: slice, nextCursor: next };
}
