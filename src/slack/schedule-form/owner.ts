// Who owns a schedule made from Slack: the person who made it, when Omni has a member with their Slack email
// (looked up over SCIM through one cache per Omni client, so a workspace's creates share it); otherwise Omni's
// default owner, and the confirmation says why.

import { type CreatedOwner, MemberLookup, type OmniClient } from '../../omni/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { errorMessage } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { pacedSlackCall } from '../slack-pacing.js';
import { truncate } from '../ui/format.js';

const lookups = new WeakMap<OmniClient, MemberLookup>();

/** The member look-up shared by everything that uses this Omni client (it goes when the client does). */
export function membersOf(omni: OmniClient): MemberLookup {
  let found = lookups.get(omni);
  if (!found) {
    found = new MemberLookup(omni);
    lookups.set(omni, found);
  }
  return found;
}

/** The person's email as Slack shows it (needs users:read.email); undefined when Slack does not say. */
export async function slackEmailOf(
  interaction: Pick<Interaction, 'deps' | 'scope' | 'client'>,
  userId: string,
): Promise<string | undefined> {
  const { deps, scope, client } = interaction;
  const answer = await pacedSlackCall(deps, scope, 'users.info', () => client.users.info({ user: userId }));
  const email = answer.user?.profile?.email?.trim();
  return email ? email : undefined;
}

/** Who should own it: the member with `email`, after checking the look-up works at all (a failed look-up does not stop the create). */
export async function ownerFor(
  omni: OmniClient,
  email: string | undefined,
): Promise<{ members: MemberLookup; email: string | undefined } | { unavailable: string }> {
  const members = membersOf(omni);
  if (!email) return { members, email };
  try {
    await members.byEmail(email);
    return { members, email };
  } catch (error) {
    return { unavailable: `Omni's member list could not be read (${errorMessage(error)})` };
  }
}

/** The confirmation's line about the owner; the default owner is always explained. */
export function ownerLine(owner: CreatedOwner): string {
  if (owner.kind === 'person') return ':bust_in_silhouette: It is yours in Omni: you own it.';
  return `:information_source: Not owned by you in Omni: ${escapeSlackText(truncate(owner.reason, 300))}, so Omni gave it its default owner (the API key's owner, or the organization).`;
}
