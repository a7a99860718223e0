// When a workspace's Omni connection changes (connect, disconnect, uninstall), what it cached from the previous
// organization goes with it: otherwise the form would offer that org's dashboards for up to an hour, and App Home
// would count its schedules for a minute.

import type { Logger } from '@slack/bolt';
import type { WorkspaceScope } from '../store/index.js';
import type { AppDeps } from './deps.js';
import { errorMessage } from './errors.js';
import { forgetHomeSummary } from './schedule-actions/home.js';
import { forgetDashboards } from './schedule-form/dashboards.js';

/** Never throws: the connection change itself is done; a cache that could not be cleared only expires later. */
export async function forgetOrganizationCaches(
  deps: Pick<AppDeps, 'store'>,
  scope: WorkspaceScope,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  await forgetHomeSummary(deps, scope);
  try {
    await forgetDashboards(deps, scope);
  } catch (error) {
    logger.warn(
      `Could not forget the cached dashboards after the Omni connection changed; the form may offer the previous organization's dashboards until they expire: ${errorMessage(error)}`,
    );
  }
}
