import type { Context } from '@slack/bolt';
import type { WorkspaceScope } from '../store/index.js';

/**
 * The workspace a request belongs to, from Bolt's context (which Bolt fills from the signed payload).
 * Org-wide installs are scoped by enterprise id, so every workspace of that org shares one connection.
 */
export function scopeFromContext(
  context: Pick<Context, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>,
): WorkspaceScope {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  };
}
