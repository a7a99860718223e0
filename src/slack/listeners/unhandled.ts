// Requests no listener of the app answers (a forged or stale action id, view callback id, options request or
// shortcut) are acknowledged at once and logged. Without this Bolt's HTTP receiver leaves them open until its
// unhandled-request timeout (~3 s) and then answers 404, holding a connection per forged request.
//
// "Known" is read from the registrations themselves: each kind's register(app) runs against recordingApp, which
// notes every constraint it passes to Bolt. Bolt runs every matching listener and a second ack throws
// (ReceiverMultipleAckError), so the catch-alls, registered last, ack only when no noted constraint matches,
// tested with Bolt's own matchConstraints.
import {
  type AnyMiddlewareArgs,
  type App,
  type Context,
  matchConstraints,
  type SlackActionMiddlewareArgs,
  type SlackOptionsMiddlewareArgs,
  type SlackShortcutMiddlewareArgs,
  type SlackViewMiddlewareArgs,
} from '@slack/bolt';

type Kind = 'action' | 'view' | 'options' | 'shortcut';
type Constraints = Record<string, string | RegExp | undefined>;

/** Every constraint registered, per kind, as Bolt normalises it. */
export type ListenerTable = Record<Kind, Constraints[]>;

const KINDS: readonly Kind[] = ['action', 'view', 'options', 'shortcut'];

export function emptyTable(): ListenerTable {
  return { action: [], view: [], options: [], shortcut: [] };
}

/** As App.action/options/shortcut/view turn an id or pattern into constraints. */
function normalise(kind: Kind, idOrConstraints: unknown): Constraints {
  if (typeof idOrConstraints === 'string' || idOrConstraints instanceof RegExp) {
    if (kind === 'view') return { callback_id: idOrConstraints, type: 'view_submission' };
    if (kind === 'shortcut') return { callback_id: idOrConstraints };
    return { action_id: idOrConstraints };
  }
  return { ...(idOrConstraints as Constraints) };
}

/** The app, but each action/view/options/shortcut registration is also noted in `table`. */
export function recordingApp(app: App, table: ListenerTable): App {
  return new Proxy(app, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!(KINDS as readonly PropertyKey[]).includes(prop)) return method.bind(target);
      const kind = prop as Kind;
      return (first: unknown, ...rest: unknown[]) => {
        table[kind].push(normalise(kind, first));
        return method.call(target, first, ...rest);
      };
    },
  });
}

/** Whether a listener registered for `kind` takes this request: Bolt's own matcher, run on each constraint. */
export async function isHandled(table: ListenerTable, kind: Kind, args: AnyMiddlewareArgs): Promise<boolean> {
  for (const constraints of table[kind]) {
    let matched = false;
    const probe = matchConstraints(constraints as Parameters<typeof matchConstraints>[0]);
    // A throwaway context: matching must not leave *IdMatches on the request's own context.
    const context: Context = { isEnterpriseInstall: false };
    await probe({
      ...args,
      context,
      next: async () => {
        matched = true;
      },
    } as unknown as Parameters<typeof probe>[0]);
    if (matched) return true;
  }
  return false;
}

/** What a log line says of the request: its type and the id nobody listens to (never a value or a token). */
function describe(kind: Kind, body: Record<string, unknown>, payload: Record<string, unknown>): string {
  const view = body.view as { callback_id?: unknown } | undefined;
  const id =
    kind === 'view'
      ? view?.callback_id
      : kind === 'shortcut'
        ? body.callback_id
        : (payload.action_id ?? body.callback_id);
  const user = (body.user as { id?: unknown } | undefined)?.id;
  return `${String(body.type)} id=${String(id ?? '')} from ${String(user ?? 'unknown user')}`;
}

/** Registered after every other listener: acks (and logs) what no listener in `table` takes. */
export function registerUnhandled(app: App, table: ListenerTable): void {
  const unhandled =
    (kind: Kind, answer?: { options: [] }) =>
    async (
      args: (
        | SlackActionMiddlewareArgs
        | SlackViewMiddlewareArgs
        | SlackOptionsMiddlewareArgs
        | SlackShortcutMiddlewareArgs
      ) & { logger: { warn(message: string): void } },
    ) => {
      if (await isHandled(table, kind, args as unknown as AnyMiddlewareArgs)) return;
      const ack = args.ack as (response?: unknown) => Promise<void>;
      await ack(answer);
      args.logger.warn(
        `Unknown Slack request acknowledged and ignored: ${describe(
          kind,
          args.body as unknown as Record<string, unknown>,
          args.payload as unknown as Record<string, unknown>,
        )}`,
      );
    };
  app.action({}, unhandled('action'));
  app.view({ type: 'view_submission' }, unhandled('view'));
  app.view({ type: 'view_closed' }, unhandled('view'));
  app.options({}, unhandled('options', { options: [] }));
  app.shortcut({}, unhandled('shortcut'));
}
