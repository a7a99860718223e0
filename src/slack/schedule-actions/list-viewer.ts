// Who is looking at a list, as far as `mine` and `receiving` need it: their email (from Slack) and,
// for `mine`, their Omni user id (found by that email). Both are looked up only when asked for, and
// kept a while so paging through a list costs no more lookups.
import type { ListViewer } from '../../schedules/list-plan.js';
import type { ScheduleListFilters } from '../../schedules/list-query.js';
import { workspaceKey } from '../../store/index.js';
import type { Interaction } from '../interaction.js';
import { pacedSlackCall } from '../slack-pacing.js';

/** People rarely change email or Omni account; ten minutes keeps paging cheap and a change visible soon. */
const VIEWER_TTL_MS = 10 * 60_000;

export async function listViewerFor(
  interaction: Pick<Interaction, 'deps' | 'scope' | 'userId' | 'client' | 'omni'>,
  filters: ScheduleListFilters,
): Promise<ListViewer | undefined> {
  if (!filters.mine && !filters.receiving) return undefined;
  const { deps, scope, userId, client } = interaction;
  const cache = deps.store.cache('list-viewer');
  const workspace = workspaceKey(scope);
  const email = await cache.getOrLoad(`email:${workspace}:${userId}`, VIEWER_TTL_MS, async () => {
    const info = await pacedSlackCall(deps, scope, 'users.info', () => client.users.info({ user: userId }));
    return info.user?.profile?.email ?? null;
  });
  if (!filters.mine) return { email };
  if (!email) return { email, omniUserId: null };
  const omni = await interaction.omni();
  const omniUserId = await cache.getOrLoad(`omni-user:${workspace}:${email.toLowerCase()}`, VIEWER_TTL_MS, async () => {
    const user = await omni.findUserByEmail(email);
    return user?.id ?? null;
  });
  return { email, omniUserId };
}
