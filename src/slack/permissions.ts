// Who may do what (README, "The `/schedule` command"): connect/disconnect/key rotation for workspace admins and owners,
// everything else for members, nothing for guests, and nothing for people from other organisations (Slack Connect,
// in a shared channel) unless the workspace allows them (`/schedule users policy external:on`). Slack's command and action payloads do not say
// whether someone is an admin or a guest, so we ask users.info and keep the answer briefly.
import type { WebClient } from '@slack/web-api';
import { isExternal } from '../recipients/resolve.js';
import type { SlackUser } from '../recipients/types.js';
import { type WorkspaceScope, workspaceKey } from '../store/index.js';
import type { AppDeps } from './deps.js';
import { AccessDeniedError } from './errors.js';
import { pacedSlackCall } from './slack-pacing.js';

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
  /** An admin or owner of the Enterprise Grid org (users.info `enterprise_user`). */
  isOrgAdmin: boolean;
  /** The app is installed org-wide: its connection and settings are the whole org's. */
  orgWideInstall: boolean;
  /** From another organisation: Slack says `is_stranger`, or their home team/org is not this workspace's. */
  isExternal: boolean;
  /**
   * Whether this workspace lets people from other organisations use the app (`users policy external:on`);
   * read from the settings on every request (never cached with the person), only for external people.
   */
  externalAllowed?: boolean;
  /** IANA time zone from the profile, when Slack gave one. */
  tz?: string;
}

/** users.info answers are kept this long: a demoted admin loses admin rights within a minute. */
export const ACTOR_CACHE_TTL_MS = 60_000;

interface SlackUserLike extends Omit<Partial<SlackUser>, 'enterprise_user'> {
  enterprise_user?: { enterprise_id?: string; is_admin?: boolean; is_owner?: boolean };
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export function actorFromSlackUser(userId: string, user: SlackUserLike | undefined, home?: WorkspaceScope): Actor {
  return {
    userId,
    isAdmin: user?.is_admin === true,
    isOwner: user?.is_owner === true || user?.is_primary_owner === true,
    isGuest: user?.is_restricted === true || user?.is_ultra_restricted === true,
    isBot: user?.is_bot === true,
    isDeleted: user?.deleted === true,
    isOrgAdmin: user?.enterprise_user?.is_admin === true || user?.enterprise_user?.is_owner === true,
    orgWideInstall: home?.isEnterpriseInstall === true,
    isExternal: user ? isExternal({ ...user, id: user.id ?? userId }, home) : false,
    tz: user?.tz,
  };
}

/**
 * Looks the user up with users.info (cached per workspace for ACTOR_CACHE_TTL_MS). When the cache is
 * unavailable, asks Slack directly rather than failing: authorisation must not depend on the cache.
 */
export async function getActor(
  deps: Pick<AppDeps, 'store' | 'slackBudget'>,
  client: WebClient,
  scope: WorkspaceScope,
  userId: string,
): Promise<Actor> {
  const load = async (): Promise<Actor> => {
    const answer = await pacedSlackCall(deps, scope, 'users.info', () => client.users.info({ user: userId }));
    return actorFromSlackUser(userId, answer.user as SlackUserLike | undefined, scope);
  };
  const withPolicy = async (actor: Actor): Promise<Actor> =>
    actor.isExternal ? { ...actor, externalAllowed: (await deps.store.settings.get(scope)).includeExternal } : actor;
  const key = `${workspaceKey(scope)}:${userId}`;
  let cache: ReturnType<AppDeps['store']['cache']>;
  try {
    cache = deps.store.cache('slack-actors');
    const cached = await cache.get<Actor>(key);
    // An entry written before `isExternal` and `isOrgAdmin` existed says nothing about them: ask Slack again.
    if (cached && typeof cached.isExternal === 'boolean' && typeof cached.isOrgAdmin === 'boolean')
      return withPolicy(cached);
  } catch {
    return withPolicy(await load());
  }
  const actor = await load();
  const { externalAllowed: _policy, ...person } = actor;
  await cache.set(key, person, ACTOR_CACHE_TTL_MS).catch(() => undefined); // a cache miss next time is fine
  return withPolicy(actor);
}

/** Why this actor may not do something needing `access`, or undefined when they may. Pure. */
export function accessRefusal(actor: Actor, access: Access): string | undefined {
  if (actor.isDeleted || actor.isBot) return 'Only people in this workspace can use Omni schedules.';
  if (actor.isExternal && actor.externalAllowed !== true) {
    return 'People from other organizations cannot use Omni schedules in this workspace. Ask a member of the workspace to do this for you, or ask an admin to allow it (`/schedule users policy external:on`).';
  }
  if (actor.isGuest) {
    return 'Guests cannot use Omni schedules in this workspace. Ask a member of the workspace to do this for you.';
  }
  // users.info's admin flags of someone from another organisation describe their own workspace, not this one.
  if (access === 'admin' && ((!actor.isAdmin && !actor.isOwner) || actor.isExternal)) {
    return 'Only workspace admins and owners can do this. Ask one of them, or ask them to make you an admin.';
  }
  // Installed org-wide, the connection and settings serve every workspace of the org: a workspace's admin
  // must not repoint the whole org's deliveries.
  if (access === 'admin' && actor.orgWideInstall && !actor.isOrgAdmin) {
    return 'This app is installed for the whole organization: only org admins and owners can do this. Ask one of them.';
  }
  return undefined;
}

/** Throws AccessDeniedError (its message is meant for the user) unless the user may do something needing `access`. */
export async function requireAccess(
  deps: Pick<AppDeps, 'store' | 'slackBudget'>,
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
