// Transfer ownership of a schedule in Omni, from its card: allowed to the schedule's owner (the person whose
// Omni account, found by their Slack email, owns it) and to workspace admins and owners. The new owner is a
// Slack person; their Omni account is found the same way.
import { workspaceKey } from '../../store/index.js';
import { logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { openLoadingModal } from '../modals.js';
import { membersOf, slackEmailOf } from '../schedule-form/owner.js';
import { buildTransferMessage, buildTransferModal, ownerText } from '../ui/transfer-ownership.js';

const NOT_ALLOWED =
  "Only the schedule's owner in Omni, or a workspace admin or owner, can transfer it. Your Omni account is found by the email on your Slack profile.";

/** Whether this person may give the schedule owned by `ownerId` away. */
async function mayTransfer(interaction: Interaction, ownerId: string | null): Promise<boolean> {
  const actor = await interaction.requireAccess('member');
  if (actor.isAdmin || actor.isOwner) return true;
  if (ownerId === null) return false;
  const omni = await interaction.omni();
  const email = await slackEmailOf(interaction, interaction.userId).catch(() => undefined);
  const member = email ? await membersOf(omni).byEmail(email) : null;
  return member?.userId === ownerId;
}

/** The card's Transfer ownership: opens the modal (after checking the person may), or says why not. */
export async function openTransferOwnership(interaction: Interaction, scheduleId: string): Promise<void> {
  const viewId = await openLoadingModal(
    interaction,
    buildTransferMessage(':hourglass_flowing_sand: Reading the schedule from Omni…'),
  );
  if (!viewId) return;
  let view: ReturnType<typeof buildTransferMessage>;
  try {
    const detail = await (await interaction.omni()).getSchedule(scheduleId);
    view = (await mayTransfer(interaction, detail.ownerId))
      ? buildTransferModal({
          scheduleId,
          scheduleName: detail.name,
          ownerId: detail.ownerId,
          ownerName: detail.owner?.name ?? null,
        })
      : buildTransferMessage(`:no_entry: ${NOT_ALLOWED}`);
  } catch (error) {
    logFailure(interaction.logger, 'opening Transfer ownership', error);
    view = buildTransferMessage(`:warning: ${userMessageForError(error)}`);
  }
  await interaction.client.views.update({ view_id: viewId, view });
}

/**
 * The modal's submission (after the ack showed "Transferring…"): checks again that the person may, finds the
 * new owner's Omni account, transfers, and says what happened in the modal. Audited.
 */
export async function submitTransferOwnership(
  interaction: Interaction,
  viewId: string,
  scheduleId: string,
  newOwnerSlackId: string,
): Promise<void> {
  const { deps, scope, userId } = interaction;
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail?: string) =>
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: userId,
      action: 'transfer_ownership',
      schedule: scheduleId,
      outcome,
      ...(detail ? { detail } : {}),
    });
  const show = (text: string) => interaction.client.views.update({ view_id: viewId, view: buildTransferMessage(text) });
  try {
    const omni = await interaction.omni();
    const detail = await omni.getSchedule(scheduleId);
    if (!(await mayTransfer(interaction, detail.ownerId))) {
      audit('refused', 'not the owner nor an admin');
      await show(`:no_entry: ${NOT_ALLOWED}`);
      return;
    }
    const email = await slackEmailOf(interaction, newOwnerSlackId).catch(() => undefined);
    const member = email ? await membersOf(omni).byEmail(email) : null;
    if (!member) {
      const why = email ? `${email} has no Omni account` : 'Slack shows no email for them';
      audit('refused', why);
      await interaction.client.views.update({
        view_id: viewId,
        view: buildTransferModal({
          scheduleId,
          scheduleName: detail.name,
          ownerId: detail.ownerId,
          ownerName: detail.owner?.name ?? null,
          notice: `Nothing changed: <@${newOwnerSlackId}> cannot own it, because ${why}. Pick someone with an Omni account.`,
        }),
      });
      return;
    }
    await omni.transferOwnership(scheduleId, member.userId);
    audit('ok', `to ${member.userId}`);
    const from = ownerText(detail.owner?.name ?? null, detail.ownerId);
    await show(`:white_check_mark: <@${newOwnerSlackId}> now owns *${detail.name}* in Omni (it was ${from}).`);
  } catch (error) {
    logFailure(interaction.logger, 'transferring ownership', error);
    audit('failed', userMessageForError(error));
    await show(`:warning: Nothing changed. ${userMessageForError(error)}`).catch((e: unknown) =>
      logFailure(interaction.logger, 'reporting a failed transfer', e),
    );
  }
}
