// Someone was deactivated (`user_change` with `deleted`): the workspace's admins get one message each with
// what that person receives and owns, and the buttons to act on it. Announced once per person (a claim),
// whichever replica gets the event and however often Slack sends `user_change` for them afterwards.
import { departure } from '../../people/index.js';
import type { SlackUser } from '../../recipients/types.js';
import { workspaceKey } from '../../store/index.js';
import { errorMessage } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { pacedSlackCall } from '../slack-pacing.js';
import { buildDepartureMessage } from '../ui/offboarding-message.js';
import { peopleOf } from './people-of.js';
import { indexUnlessComplete } from './services.js';

/** The workspace's admins and owners who can read a DM (not deactivated, not bots). */
export async function workspaceAdmins(interaction: Pick<Interaction, 'deps' | 'scope' | 'client'>): Promise<string[]> {
  const { deps, scope, client } = interaction;
  const admins: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await pacedSlackCall(deps, scope, 'users.list', () =>
      client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) }),
    );
    for (const member of page.members ?? []) {
      if (member.id && !member.deleted && !member.is_bot && (member.is_admin || member.is_owner))
        admins.push(member.id);
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return admins;
}

/** Returns the admins told (empty when there was nothing to announce). */
export async function announceDeparture(interaction: Interaction, user: SlackUser): Promise<string[]> {
  const people = peopleOf(interaction.deps);
  await people.known.remember(interaction.scope);
  if (!user.deleted) return [];
  // Without an Omni connection there are no schedules to speak of.
  if (!(await interaction.connection())) return [];
  const report = await departure({ ...people.work, claims: people.claims }, workspaceKey(interaction.scope), user);
  if (!report) return [];
  await indexUnlessComplete(people, workspaceKey(interaction.scope), report.complete);
  if (report.receives.length === 0 && report.owns.length === 0 && report.complete) return [];
  const message = buildDepartureMessage({ userId: user.id, email: report.email }, report);
  const admins = await workspaceAdmins(interaction);
  for (const admin of admins) {
    try {
      await interaction.client.chat.postMessage({ channel: admin, ...message });
    } catch (error) {
      // One admin the app cannot write to must not keep the others from knowing.
      interaction.logger.warn(`people: could not tell an admin about a departure: ${errorMessage(error)}`);
    }
  }
  return admins;
}
