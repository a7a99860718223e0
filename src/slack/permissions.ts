// Who may do what (README, "The `/schedule` command"): connect/disconnect/key rotation for workspace admins and owners,
// everything else for members, nothing for guests. Slack's command and action payloads do not say
// whether someone is an admin or a guest, so we ask users.info and keep the answer briefly.
import type { WebClient } from '@slack/web-api';
import { type WorkspaceScope, workspaceKey } from '../store/index.js';
import type { AppDeps } from './deps.js';
import { AccessDeniedError } from './errors.js';

export type Access = 'member' | 'admin';

/** The person behind a request, as far as authorisation cares. */
export interface Actor {
  userId: string;
  isAdmin: boolean;
  isOwner: boolean;
  /** Single- or multi-channel guest (is_restricted / is_ultra_restricted). */
  isGuest: boolean;
  isBot: boolean;
  isDeleted: boolean;
  /** IANA time zone from the profile, when Slack gave one. */
  tz?: string;
}

/** users.info answers are kept this long: a demoted admin loses admin rights within a minute. */
export const ACTOR_CACHE_TTL_MS = 60_000;

interface SlackUserLike {
  id?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
  tz?: string;
}

export function actorFromSlackUser(userId: string, user: SlackUserLike | undefined): Actor {
  return {
    userId,
    isAdmin: user?.is_admin === true,
    isOwner: user?.is_owner === true || user?.is_primary_owner === true,
    isGuest: user?.is_restricted === true || user?.is_ultra_restricted === true,
    isBot: user?.is_bot === true,
    isDeleted: user?.deleted === true,
    tz: user?.tz,
  };
}

/**
 * Looks the user up with users.info (cached per workspace for ACTOR_CACHE_TTL_MS). When the cache is
 * unavailable, asks Slack directly rather than failing: authorisation must not depend on the cache.
 */
export async function getActor(
  deps: Pick<AppDeps, 'store'>,
  client: WebClient,
  scope: WorkspaceScope,
  userId: string,
): Promise<Actor> {
  const load = async (): Promise<Actor> => {
    const answer = await client.users.info({ user: userId });
    return actorFromSlackUser(userId, answer.user as SlackUserLike | undefined);
  };
  const key = `${workspaceKey(scope)}:${userId}`;
  let cache: ReturnType<AppDeps['store']['cache']>;
  try {
    cache = deps.store.cache('slack-actors');
    const cached = await cache.get<Actor>(key);
    if (cached) return cached;
  } catch {
    return load();
  }
  const actor = await load();
  await cache.set(key, actor, ACTOR_CACHE_TTL_MS).catch(() => undefined); // a cache miss next time is fine
  return actor;
}

/** Why this actor may not do something needing `access`, or undefined when they may. Pure. */
export function accessRefusal(actor: Actor, access: Access): string | undefined {
  if (actor.isDeleted || actor.isBot) return 'Only people in this workspace can use Omni schedules.';
  if (actor.isGuest) {
    return 'Guests cannot use Omni schedules in this workspace. Ask a member of the workspace to do this for you.';
  }
  if (access === 'admin' && !actor.isAdmin && !actor.isOwner) {
    return 'Only workspace admins and owners can do this. Ask one of them, or ask them to make you an admin.';
  }
  return undefined;
}

/** Throws AccessDeniedError (its message is meant for the user) unless the user may do something needing `access`. */
export async function requireAccess(
  deps: Pick<AppDeps, 'store'>,
  client: WebClient,
  scope: WorkspaceScope,
  userId: string,
  access: Access,
): Promise<Actor> {
  const actor = await getActor(deps, client, scope, userId);
  const refusal = accessRefusal(actor, access);
  if (refusal) throw new AccessDeniedError(refusal);
  return actor;
}
