// The Recipients modal's user group picker: the workspace's enabled Slack user groups (usergroups.list,
// Tier 2), kept a few minutes in the recipients cache so that typing in the menu does not list them again.
import type { WebClient } from '@slack/web-api';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { RECIPIENTS_CACHE } from './context.js';
import { lookupClient } from './directory.js';

export interface UsergroupChoice {
  id: string;
  handle: string;
  name: string;
}

/** How long the list is kept: a new group shows within minutes. */
export const USERGROUPS_TTL_MS = 5 * 60_000;
/** Slack shows at most 100 options in an external select. */
const MAX_OPTIONS = 100;

export async function workspaceUsergroups(
  deps: Pick<AppDeps, 'store'>,
  client: WebClient,
  scope: WorkspaceScope,
): Promise<UsergroupChoice[]> {
  return deps.store
    .cache(RECIPIENTS_CACHE)
    .getOrLoad<UsergroupChoice[]>(`${workspaceKey(scope)}:usergroups`, USERGROUPS_TTL_MS, async () => {
      // A client of its own: a 429 here must not hold up the workspace's other Slack calls.
      const answer = await lookupClient(client).usergroups.list({ include_disabled: false });
      return (answer.usergroups ?? []).flatMap((g) =>
        g.id ? [{ id: g.id, handle: g.handle ?? '', name: g.name ?? g.handle ?? g.id }] : [],
      );
    });
}

/** Groups whose handle or name contains what was typed (any case), handles first. Pure. */
export function matchUsergroups(groups: readonly UsergroupChoice[], typed: string): UsergroupChoice[] {
  const query = typed.trim().replace(/^@/, '').toLowerCase();
  const byHandle = groups.filter((g) => g.handle.toLowerCase().includes(query));
  const byName = groups.filter((g) => !byHandle.includes(g) && g.name.toLowerCase().includes(query));
  return [...byHandle, ...byName].slice(0, MAX_OPTIONS);
}

/** An option's text: `@handle (Name)` (option() cuts it to Slack's 75 characters). */
export function usergroupLabel(group: UsergroupChoice): string {
  if (!group.handle) return group.name;
  return group.name && group.name !== group.handle ? `@${group.handle} (${group.name})` : `@${group.handle}`;
}
