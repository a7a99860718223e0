// A SlackDirectory that keeps answers in the store's TTL cache, so that adding #sales twice in a few
// minutes, or opening a schedule's recipients again, does not ask Slack again. Failures are not cached.
import type { TtlCache } from '../store/index.js';
import type { EmailScope, ProfileFieldDefinition, SlackDirectory } from './directory.js';
import type { SlackProfile, SlackUser } from './types.js';

export interface DirectoryCacheTtls {
  /** users.info, users.lookupByEmail, users.profile.get. */
  peopleMs: number;
  /** Channel and user group members (they change more often). */
  membersMs: number;
  /** team.profile.get and the token's scopes. */
  workspaceMs: number;
}

export const DEFAULT_DIRECTORY_TTLS: DirectoryCacheTtls = {
  peopleMs: 15 * 60_000,
  membersMs: 5 * 60_000,
  workspaceMs: 60 * 60_000,
};

/** The cache key of one answer; bulk look-ups (bulk-lookup.ts) fill the same keys. */
export function directoryCacheKey(keyPrefix: string, kind: string, id = ''): string {
  return `${keyPrefix}:${kind}:${id}`;
}

/**
 * `keyPrefix` must name the workspace (e.g. `team:T123`): one workspace's answers never serve another.
 * `cache` may be undefined (no caching), so callers need no special case when the store is not wanted.
 */
export function cachedDirectory(
  directory: SlackDirectory,
  cache: TtlCache | undefined,
  keyPrefix: string,
  ttls: DirectoryCacheTtls = DEFAULT_DIRECTORY_TTLS,
): SlackDirectory {
  if (!cache) return directory;
  const key = (kind: string, id = '') => directoryCacheKey(keyPrefix, kind, id);
  return {
    userInfo: (id) => cache.getOrLoad<SlackUser>(key('user', id), ttls.peopleMs, () => directory.userInfo(id)),
    channelMembers: (id) =>
      cache.getOrLoad<string[]>(key('channel', id), ttls.membersMs, () => directory.channelMembers(id)),
    usergroupUsers: (id) =>
      cache.getOrLoad<string[]>(key('usergroup', id), ttls.membersMs, () => directory.usergroupUsers(id)),
    lookupByEmail: async (email) => {
      const found = await cache.getOrLoad<{ user: SlackUser | null }>(
        key('email', email.trim().toLowerCase()),
        ttls.peopleMs,
        async () => ({ user: await directory.lookupByEmail(email) }),
      );
      return found.user;
    },
    profile: (id) => cache.getOrLoad<SlackProfile>(key('profile', id), ttls.peopleMs, () => directory.profile(id)),
    profileFields: () =>
      cache.getOrLoad<ProfileFieldDefinition[]>(key('profile-fields'), ttls.workspaceMs, () =>
        directory.profileFields(),
      ),
    emailScope: async () => {
      const scope = await cache.getOrLoad<{ scope: EmailScope }>(key('email-scope'), ttls.workspaceMs, async () => ({
        scope: await directory.emailScope(),
      }));
      return scope.scope;
    },
  };
}
