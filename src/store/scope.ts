// Every record of a workspace lives under one key derived from its scope, so one workspace can never name
// another's data: callers pass a scope, never a raw key.

/** Who a record belongs to. Org-wide (Enterprise Grid) installs are keyed by enterprise, others by team. */
export type WorkspaceScope = { enterpriseId?: string; teamId?: string; isEnterpriseInstall?: boolean };

// Slack ids are alphanumeric; the extra characters admit test ids. No ':' so an id cannot forge a key suffix.
const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** `enterprise:E…` for an org-wide install, else `team:T…`. Throws when the scope names neither. */
export function workspaceKey(scope: WorkspaceScope): string {
  if (scope.isEnterpriseInstall && scope.enterpriseId)
    return `enterprise:${checkedId(scope.enterpriseId, 'enterprise')}`;
  if (scope.teamId) return `team:${checkedId(scope.teamId, 'team')}`;
  throw new Error(
    scope.isEnterpriseInstall
      ? 'An org-wide install needs an enterprise id, and none was given'
      : 'A workspace needs a team id (or an enterprise id for an org-wide install), and none was given',
  );
}

/** Validates a Slack id (user, team, enterprise) before it becomes part of a key. */
export function checkedId(id: string, kind: string): string {
  if (!ID_PATTERN.test(id)) throw new Error(`Not a valid Slack ${kind} id: ${JSON.stringify(id.slice(0, 70))}`);
  return id;
}
