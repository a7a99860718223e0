// Buttons about the Omni connection: "Connect Omni" (help, App Home) and "Disconnect" (after its confirm dialog).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { workspaceKey } from '../../../store/index.js';
import { openConnectModal } from '../../commands/connect.js';
import { storedConnection } from '../../connection.js';
import { forgetOrganizationCaches } from '../../connection-change.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { accessRefusal } from '../../permissions.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Connect Omni (admins): the connect modal, prefilled with the current URL. */
export async function onOpenConnect(args: ButtonArgs): Promise<void> {
  const { ack, body, client, logger } = args;
  await ack();
  try {
    const interaction = interactionOf(args);
    await interaction.requireAccess('admin');
    await openConnectModal(interaction.deps, client, interaction.scope, body.trigger_id, logger);
  } catch (error) {
    logFailure(logger, 'connect button', error);
    await tellClicker(args, userMessageForError(error));
  }
}

/** Disconnect (admins, after its confirm dialog): deletes the stored connection and its caches. */
export async function onDisconnect(args: ButtonArgs): Promise<void> {
  const { ack, body, logger, respond } = args;
  await ack();
  const interaction = interactionOf(args);
  const { deps, scope } = interaction;
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail?: string) =>
    deps.audit.record({ workspace: workspaceKey(scope), user: body.user.id, action: 'disconnect', outcome, detail });
  try {
    const refusal = accessRefusal(await interaction.actor(), 'admin');
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
}
