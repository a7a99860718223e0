// One request, as every feature function sees it: the workspace, the person and their role, the connection
// and its Omni client. Built once per request by a Bolt global middleware; what costs I/O (users.info, the
// stored connection and its decryption) is read on first use and then shared by everything the request does.
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Context, Logger, Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { normaliseBaseUrl } from '../omni/base-url.js';
import type { OmniClient } from '../omni/index.js';
import type { WorkspaceScope } from '../store/index.js';
import { type ActiveConnection, activeConnection } from './connection.js';
import type { AppDeps } from './deps.js';
import { AccessDeniedError, NotConnectedError } from './errors.js';
import { type Access, type Actor, accessRefusal, getActor } from './permissions.js';
import { scopeFromContext } from './scope.js';

/** How one viewer should see schedules: their time zone (for date fallbacks) and the Omni org's URL (for links). */
export interface Display {
  zone?: string;
  /** The Omni organization's URL, when known. */
  omniBase?: string;
}

export interface Interaction {
  readonly deps: AppDeps;
  readonly scope: WorkspaceScope;
  /** The person acting; '' for events that have none (e.g. an uninstall). */
  readonly userId: string;
  /** The conversation the request came from, when Slack said (commands, message buttons). */
  readonly channelId?: string;
  /** Lets the request open a modal within 3 s of the click or command. */
  readonly triggerId?: string;
  readonly client: WebClient;
  readonly logger: Logger;
  /** The person as users.info describes them (through the short-lived cache); asked once per request. */
  actor(): Promise<Actor>;
  /** The actor, or AccessDeniedError (its message is for the user) when they may not do what needs `access`. */
  requireAccess(access: Access): Promise<Actor>;
  /** The workspace's Omni connection (stored, else configured), read and decrypted once per request. */
  connection(): Promise<ActiveConnection | undefined>;
  /** The workspace's Omni client; NotConnectedError when there is no connection. */
  omni(): Promise<OmniClient>;
  /** Zone and Omni URL for this viewer; never fails (both are niceties). */
  display(): Promise<Display>;
}

export interface InteractionInit {
  deps: AppDeps;
  scope: WorkspaceScope;
  userId: string;
  channelId?: string | undefined;
  triggerId?: string | undefined;
  client: WebClient;
  logger: Logger;
}

/** The first call does the work; later calls get the same promise (its answer or its failure). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}

export function createInteraction(init: InteractionInit): Interaction {
  const { deps, scope, userId, client } = init;
  const actor = once(() => getActor(deps, client, scope, userId));
  const connection = once(() => activeConnection(deps, scope));
  const omni = once(async () => {
    const active = await connection();
    if (!active) throw new NotConnectedError();
    return deps.omniFor(scope, active);
  });
  const display = once(async (): Promise<Display> => {
    const [person, active] = await Promise.all([actor().catch(() => undefined), connection().catch(() => undefined)]);
    return displayOf(person, active);
  });
  return {
    deps,
    scope,
    userId,
    ...(init.channelId ? { channelId: init.channelId } : {}),
    ...(init.triggerId ? { triggerId: init.triggerId } : {}),
    client,
    logger: init.logger,
    actor,
    async requireAccess(access) {
      const person = await actor();
      const refusal = accessRefusal(person, access);
      if (refusal) throw new AccessDeniedError(refusal);
      return person;
    },
    connection,
    omni,
    display,
  };
}

/** Pure: the viewer's zone and the org URL, from what the request already read. */
export function displayOf(actor: Actor | undefined, connection: ActiveConnection | undefined): Display {
  let omniBase: string | undefined;
  try {
    omniBase = connection ? normaliseBaseUrl(connection.baseUrl) : undefined;
  } catch {
    omniBase = undefined;
  }
  return { ...(actor?.tz ? { zone: actor.tz } : {}), ...(omniBase ? { omniBase } : {}) };
}

/** Who, where and which trigger, from any payload Bolt hands a listener (commands, actions, views, events). */
export function requestFacts(body: unknown): { userId: string; channelId?: string; triggerId?: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const user = b.user as { id?: unknown } | undefined;
  const event = b.event as { user?: unknown } | undefined;
  const channel = b.channel as { id?: unknown } | undefined;
  const userId = str(b.user_id) ?? str(user?.id) ?? str(event?.user) ?? '';
  const channelId = str(b.channel_id) ?? str(channel?.id);
  const triggerId = str(b.trigger_id);
  return { userId, ...(channelId ? { channelId } : {}), ...(triggerId ? { triggerId } : {}) };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const KEY = 'interaction';

/** The Bolt global middleware: every listener finds its request's Interaction with interactionOf. */
export function interactionMiddleware(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, body, client, logger, next } = args as AnyMiddlewareArgs & AllMiddlewareArgs;
    context[KEY] = createInteraction({ deps, scope: scopeFromContext(context), client, logger, ...requestFacts(body) });
    await next();
  };
}

/** The request's Interaction, as the middleware stored it. */
export function interactionOf(args: { context: Context }): Interaction {
  const found: unknown = args.context[KEY];
  if (!isInteraction(found)) throw new Error('No Interaction on this request: interactionMiddleware is not installed');
  return found;
}

function isInteraction(value: unknown): value is Interaction {
  return typeof value === 'object' && value !== null && typeof (value as Interaction).omni === 'function';
}
