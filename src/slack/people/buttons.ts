// The departure message's buttons (admins only): Remove from all, Remove from one schedule. Their values
// carry the email and schedule id (never anything secret); what the person receives is read again from
// the index at the click, so a message that is days old still acts on what is true now.
import {
  type OffboardStep,
  offboardingReport,
  removeEverywhereSteps,
  transferSteps,
  transferTarget,
} from '../../people/index.js';
import { workspaceKey } from '../../store/index.js';
import { UsageError } from '../commands/types.js';
import type { Interaction } from '../interaction.js';
import type { RespondLike } from '../recipient-actions/progress.js';
import { pacedSlackCall } from '../slack-pacing.js';
import { buildTransferOwnerPrompt } from '../ui/transfer-owner.js';
import { runOffboarding } from './offboard.js';
import { peopleOf } from './people-of.js';

export interface PersonValue {
  e: string;
  s?: string;
}

/** A button's value as the departure message wrote it; UsageError for anything else. */
export function parsePersonValue(value: string | undefined): PersonValue {
  try {
    const parsed = JSON.parse(value ?? '') as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const { e, s } = parsed as Record<string, unknown>;
      if (typeof e === 'string' && e.includes('@') && (s === undefined || typeof s === 'string')) {
        return s === undefined ? { e } : { e, s };
      }
    }
  } catch {
    // falls through to the error below
  }
  throw new UsageError('This button does not name anyone: it may be from an older version of the app.');
}

export async function removeFromAll(interaction: Interaction, email: string, respond: RespondLike): Promise<void> {
  await interaction.requireAccess('admin');
  const people = peopleOf(interaction.deps);
  const workspace = workspaceKey(interaction.scope);
  const report = await offboardingReport(people.work, workspace, email);
  const steps = removeEverywhereSteps(report);
  if (steps.length === 0) {
    await respond({
      response_type: 'ephemeral',
      text: `${email} receives no schedule the app knows of: nothing to remove.`,
    });
    return;
  }
  await offboard(interaction, { workspace, email, steps }, respond);
}

export async function removeFromOne(interaction: Interaction, value: PersonValue, respond: RespondLike): Promise<void> {
  await interaction.requireAccess('admin');
  if (!value.s) throw new UsageError('This button does not name a schedule.');
  const people = peopleOf(interaction.deps);
  const workspace = workspaceKey(interaction.scope);
  const name = (await people.index.catalogue(workspace)).schedules[value.s]?.name ?? value.s;
  const steps = [{ scheduleId: value.s, name, action: 'remove' as const }];
  await offboard(interaction, { workspace, email: value.e, steps }, respond);
}

/** Transfer ownership: asks who takes over (the answer comes back through `transferTo`). */
export async function askTransferOwner(interaction: Interaction, email: string, respond: RespondLike): Promise<void> {
  await interaction.requireAccess('admin');
  const people = peopleOf(interaction.deps);
  const report = await offboardingReport(people.work, workspaceKey(interaction.scope), email);
  if (report.owns.length === 0) {
    await respond({
      response_type: 'ephemeral',
      text: `${email} owns no schedule the app knows of: nothing to hand over.`,
    });
    return;
  }
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    ...buildTransferOwnerPrompt(email, report.owns.length),
  });
}

/** The new owner was picked: every schedule the leaver owns is handed to that person's Omni user. */
export async function transferTo(
  interaction: Interaction,
  email: string,
  newOwnerSlackId: string,
  respond: RespondLike,
): Promise<void> {
  await interaction.requireAccess('admin');
  const people = peopleOf(interaction.deps);
  const workspace = workspaceKey(interaction.scope);
  const answer = await pacedSlackCall(interaction.deps, interaction.scope, 'users.info', () =>
    interaction.client.users.info({ user: newOwnerSlackId }),
  );
  const newOwnerEmail = answer.user?.profile?.email;
  if (!newOwnerEmail)
    throw new UsageError(`Slack shows no email for <@${newOwnerSlackId}>, so their Omni user cannot be found.`);
  const toUserId = await transferTarget(people.work, workspace, newOwnerEmail).catch((error: unknown) => {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  });
  const report = await offboardingReport(people.work, workspace, email);
  const steps = transferSteps(report, toUserId);
  if (steps.length === 0) {
    await respond({
      response_type: 'ephemeral',
      text: `${email} owns no schedule the app knows of: nothing to hand over.`,
    });
    return;
  }
  await offboard(interaction, { workspace, email, steps }, respond);
}

/** Runs the job and writes one audit line for what it changed. */
async function offboard(
  interaction: Interaction,
  job: { workspace: string; email: string; steps: OffboardStep[] },
  respond: RespondLike,
): Promise<void> {
  const people = peopleOf(interaction.deps);
  const summary = await runOffboarding(interaction, people, job, respond);
  interaction.deps.audit.record({
    workspace: job.workspace,
    user: interaction.userId,
    action: job.steps[0]?.action === 'transfer' ? 'edit' : 'remove_recipients',
    outcome: summary && summary.failed.length === 0 ? 'ok' : 'failed',
    detail: summary
      ? `offboarding: removed from ${summary.removed}, handed over ${summary.transferred} of ${job.steps.length} schedules, ${summary.failed.length} refused`
      : `offboarding of ${job.steps.length} schedules stopped`,
  });
}
