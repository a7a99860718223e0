// app_uninstalled and tokens_revoked (bot token): forget the workspace. Bolt does not do this itself
// (slackapi/bolt-js#1203) and skips authorize for these two events, so the context has only the ids.
import type { AllMiddlewareArgs, Logger, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type WorkspaceScope, workspaceKey } from '../../../store/index.js';
import { forgetOrganizationCaches } from '../../connection-change.js';
import type { AppDeps } from '../../deps.js';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';

/**
 * Deletes the Slack installation, the Omni connection (with its key) and the recipient settings of a workspace,
 * and what it cached: a reinstall starts afresh.
 */
export async function forgetWorkspace(
  deps: AppDeps,
  scope: WorkspaceScope,
  reason: string,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  const workspace = workspaceKey(scope);
  try {
    await deps.store.installations.deleteInstallation({
      teamId: scope.teamId,
      enterpriseId: scope.enterpriseId,
      isEnterpriseInstall: scope.isEnterpriseInstall === true,
    });
    const hadConnection = await deps.store.connections.delete(scope);
    await deps.store.settings.delete(scope);
    deps.audit.record({
      workspace,
      user: `slack:${reason}`,
      action: 'uninstall',
      outcome: 'ok',
      detail: hadConnection ? 'installation and Omni connection deleted' : 'installation deleted; no Omni connection',
    });
    await forgetOrganizationCaches(deps, scope, logger);
  } catch (error) {
    deps.audit.record({
      workspace,
      user: `slack:${reason}`,
      action: 'uninstall',
      outcome: 'failed',
      detail: String((error as Error).name),
    });
    throw error;
  }
}

export function appUninstalledCallback() {
  return async (args: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled'>) => {
    const { logger } = args;
    try {
      const { deps, scope } = interactionOf(args);
      await forgetWorkspace(deps, scope, 'app_uninstalled', logger);
    } catch (error) {
      // Slack does not resend events Bolt acked; the log (and the audit line) is where this surfaces.
      logFailure(logger, 'app_uninstalled', error);
    }
  };
}

export function tokensRevokedCallback() {
  return async (args: AllMiddlewareArgs & SlackEventMiddlewareArgs<'tokens_revoked'>) => {
    const { event, logger } = args;
    // Only the bot token matters: user tokens are not used by this app.
    if (!event.tokens.bot || event.tokens.bot.length === 0) return;
    try {
      const { deps, scope } = interactionOf(args);
      await forgetWorkspace(deps, scope, 'tokens_revoked', logger);
    } catch (error) {
      logFailure(logger, 'tokens_revoked', error);
    }
  };
}
