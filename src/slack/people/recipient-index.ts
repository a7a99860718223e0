// The recipient index of a workspace as `/schedule list receiving` takes it (list-plan.ts's RecipientIndex):
// pass `recipientIndexFor(deps, scope)` as `recipientIndex` to readScheduleList.
import { workspaceRecipientIndex } from '../../people/index.js';
import type { RecipientIndex } from '../../schedules/list-plan.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';

/** Undefined when this process runs no background jobs (then `receiving` says the index is unavailable). */
export function recipientIndexFor(deps: AppDeps, scope: WorkspaceScope): RecipientIndex | undefined {
  return deps.people ? workspaceRecipientIndex(deps.people.index, workspaceKey(scope)) : undefined;
}
