// The workspace's policy for recipients who are not Omni members, applied before they are sent to Omni.
// 'plain_email': everyone goes as an address and Omni makes email-only users itself. 'email_only_user': the
// app tells members from non-members and creates or updates the non-members as email-only users first
// (Slack time zone, mapped attributes), so that deliveries are rendered for them. Shared by `/schedule add`
// and the create/edit modal, so that both treat the same people the same way.
import { ensureEmailOnlyUsers, type RecipientsContext } from './context.js';
import type { EmailOnlyOutcome, Refusal } from './email-only.js';
import { findOmniMembers } from './membership.js';
import { emailKey, type Recipient } from './types.js';

export interface NonMemberOutcome {
  /** Who may be sent to Omni now: everyone under 'plain_email'; else members and the email-only users Omni took. */
  ready: Recipient[];
  /** Who may not, with why: the member check failed, a mapped value Omni would refuse, or Omni's own refusal. */
  failed: Refusal[];
  /** Set when the policy made the app create email-only users (their `failed` are Omni's refusals, as Omni said them). */
  emailOnly?: EmailOnlyOutcome;
}

/**
 * Applies the policy to `people` (resolved recipients, each once). Throws what ensureEmailOnlyUsers and
 * findOmniMembers throw: a RecipientsRefusal (a mapping Omni cannot take: nobody sent) or Omni's refusal of
 * the member look-up itself (401/403).
 */
export async function applyNonMemberPolicy(
  ctx: RecipientsContext,
  people: readonly Recipient[],
): Promise<NonMemberOutcome> {
  if (ctx.settings.nonMemberPolicy !== 'email_only_user' || people.length === 0) {
    return { ready: [...people], failed: [] };
  }
  const membership = await findOmniMembers(
    ctx.omni,
    people.map((r) => r.email),
    {
      cache: ctx.cache,
      cacheKey: ctx.cacheKey,
      onProgress: (done, total) => ctx.onProgress?.({ stage: 'checking_members', done, total }),
    },
  );
  const failed = membership.failed.map((f) =>
    refusalOf(people, f.email, `could not check whether they are an Omni member: ${f.detail}`),
  );
  const nonMembers = new Set(membership.nonMembers.map(emailKey));
  const ensured = await ensureEmailOnlyUsers(
    ctx,
    people.filter((r) => nonMembers.has(emailKey(r.email))),
    { fromSlack: true },
  );
  const emailOnly = ensured.outcome;
  failed.push(...ensured.refused, ...emailOnly.failed.map((f) => refusalOf(people, f.email, f.detail)));
  const ready = new Set([
    ...membership.members.keys(),
    ...[...emailOnly.created, ...emailOnly.updated, ...emailOnly.createdOrUpdated].map(emailKey),
  ]);
  return { ready: people.filter((r) => ready.has(emailKey(r.email))), failed, emailOnly };
}

/** A refusal about one of `people`, written with their address as given and their Slack id when known. */
export function refusalOf(people: readonly Recipient[], email: string, detail: string): Refusal {
  const person = people.find((p) => emailKey(p.email) === emailKey(email));
  return { email: person?.email ?? email, ...(person?.slackUserId ? { slackUserId: person.slackUserId } : {}), detail };
}
