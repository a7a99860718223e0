// Slack look-ups made while answering someone (users.info, users.lookupByEmail, conversations.members,
// usergroups.users.list, users.list) draw on the same per-workspace tier budgets as the jobs' look-ups
// (src/coordination/slack-budget.ts), shared by every replica through Redis: without this, a burst of
// requests spread over several replicas would each count on the whole tier and together draw 429s.
import type { WorkspaceScope } from '../store/index.js';
import { workspaceKey } from '../store/index.js';
import type { AppDeps } from './deps.js';

/** The key Slack limits by: the workspace (the org for an org-wide install). */
export function budgetTeamOf(scope: WorkspaceScope): string {
  return scope.teamId ?? scope.enterpriseId ?? workspaceKey(scope);
}

/** Runs one Web API call of `method` for the workspace once its tier allows (waiting, never failing, for that). */
export function pacedSlackCall<T>(
  deps: Pick<AppDeps, 'slackBudget'>,
  scope: WorkspaceScope,
  method: string,
  call: () => Promise<T>,
): Promise<T> {
  return deps.slackBudget.call(budgetTeamOf(scope), method, call);
}
