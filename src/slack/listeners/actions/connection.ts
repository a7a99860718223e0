// Buttons about the Omni connection: "Connect Omni" (help, App Home) and "Disconnect" (after its confirm dialog).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { workspaceKey } from '../../../store/index.js';
import { openConnectModal } from '../../commands/connect.js';
import { storedConnection } from '../../connection.js';
import { forgetOrganizationCaches } from '../../connection-change.js';
import type { AppDeps } from '../../deps.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { accessRefusal, getActor, requireAccess } from '../../permissions.js';
import { scopeFromContext } from '../../scope.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

export function openConnectButtonCallback(deps: AppDeps) {
  return async (args: ButtonArgs) => {
    const { ack, body, client, context, logger } = args;
    await ack();
    try {
      const scope = scopeFromContext(context);
      await requireAccess(deps, client, scope, body.user.id, 'admin');
      await openConnectModal(deps, client, scope, body.trigger_id, logger);
    } catch (error) {
      logFailure(logger, 'connect button', error);
      await tellClicker(args, userMessageForError(error));
    }
  };
}

export function disconnectButtonCallback(deps: AppDeps) {
  return async (args: ButtonArgs) => {
    const { ack, body, client, context, logger, respond } = args;
    await ack();
    const scope = scopeFromContext(context);
    const audit = (outcome: 'ok' | 'refused' | 'failed', detail?: string) =>
      deps.audit.record({ workspace: workspaceKey(scope), user: body.user.id, action: 'disconnect', outcome, detail });
    try {
      const refusal = accessRefusal(await getActor(deps, client, scope, body.user.id), 'admin');
      if (refusal) {
        audit('refused', 'not an admin or owner');
        await tellClicker(args, refusal);
        return;
      }
      const current = await storedConnection(deps, scope);
      if (!current) {
        await respond({ replace_original: true, text: 'This workspace was already disconnected from Omni.' });
        return;
      }
      await deps.store.connections.delete(scope);
      audit('ok', current.baseUrl);
      await forgetOrganizationCaches(deps, scope, logger);
      const fallback = deps.config.install === 'single' ? deps.config.defaultOmni : undefined;
      const after = fallback
        ? ` It now uses the Omni connection configured on the app's server (${fallback.baseUrl}).`
        : ' An admin can connect again with `/schedule connect`.';
      await respond({
        replace_original: true,
        text: `:white_check_mark: <@${body.user.id}> disconnected this workspace from Omni at ${current.baseUrl}; the saved key is deleted.${after}`,
      });
    } catch (error) {
      logFailure(logger, 'disconnect', error);
      audit('failed', error instanceof Error ? error.name : 'error');
      await tellClicker(args, userMessageForError(error));
    }
  };
}
