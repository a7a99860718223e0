// The workspace's policy for email recipients who are not Omni members, applied to the schedule form with
// the same domain step as `/schedule add` (applyNonMemberPolicy): under 'email_only_user' they are created
// or updated as Omni email-only users (Slack time zone, mapped attributes) before the schedule is saved.
// It runs after the "Saving…" ack. When anyone cannot be made ready, nothing is saved: the form comes back
// with who it concerns and why (Omni's own words quoted) on the field each came from. Email-only users Omni
// already took stay: that is an upsert, so saving again changes nothing for them.
import type { WebClient } from '@slack/web-api';
import {
  applyNonMemberPolicy,
  type EmailOnlyOutcome,
  emailKey,
  type Recipient,
  RecipientsRefusal,
  type Refusal,
  type SlackDirectory,
} from '../../recipients/index.js';
import type { DraftDestinationOf, DraftError, DraftField } from '../../schedules/draft.js';
import type { WorkspaceScope } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { recipientsContextFor } from '../recipient-actions/context.js';
import { lookupClient } from '../recipient-actions/directory.js';
import {
  channelName,
  type EmailRecipients,
  fieldMessage,
  memberOf,
  personName,
  plainReason,
} from './email-recipients.js';

/** The recipients are not all ready for Omni: nothing was saved; `errors` go on the form's fields. */
export class RecipientsNotReadyError extends Error {
  override name = 'RecipientsNotReadyError';
  constructor(
    readonly errors: DraftError[],
    readonly notice?: string,
  ) {
    super([notice, ...errors.map((e) => e.message)].filter(Boolean).join('\n'));
  }
}

const ADVICE = 'Nothing was saved. Remove them, or fix what is named, then save again.';
/** Omni's details can be long; a field shows several people. */
const DETAIL_MAX = 300;

export interface EmailPolicyRequest {
  deps: AppDeps;
  client: WebClient;
  scope: WorkspaceScope;
  destination: DraftDestinationOf<'email'>;
  recipients: EmailRecipients;
  /** Addresses the schedule already sends to (an edit): left as they are, as `/schedule add` leaves them. */
  already?: readonly string[];
}

/**
 * Makes the recipients ready under the workspace's policy. Returns what happened to email-only users
 * (undefined when the policy sends plain emails); throws RecipientsNotReadyError when anyone is not ready.
 */
export async function applyEmailPolicy(request: EmailPolicyRequest): Promise<EmailOnlyOutcome | undefined> {
  const { deps, client, scope, recipients } = request;
  const already = new Set((request.already ?? []).map(emailKey));
  const fresh = recipients.recipients.filter((r) => !already.has(emailKey(r.email)));
  const ctx = await recipientsContextFor({ deps, client, scope });
  if (ctx.settings.nonMemberPolicy !== 'email_only_user' || fresh.length === 0) return undefined;
  let outcome: Awaited<ReturnType<typeof applyNonMemberPolicy>>;
  try {
    outcome = await applyNonMemberPolicy(ctx, fresh);
  } catch (error) {
    if (!(error instanceof RecipientsRefusal)) throw error;
    // A mapping Omni cannot take concerns everyone: said above the form, with what an admin can do.
    throw new RecipientsNotReadyError([], `Nothing was saved. ${plainReason(error.problems.join(' '))}`);
  }
  if (outcome.failed.length > 0) {
    const refusedByOmni = new Set((outcome.emailOnly?.failed ?? []).map((f) => emailKey(f.email)));
    throw new RecipientsNotReadyError(await fieldErrors(request, ctx.directory, outcome.failed, fresh, refusedByOmni));
  }
  return outcome.emailOnly;
}

/** Each refusal on the field its person came from, named as the form named them. */
async function fieldErrors(
  request: EmailPolicyRequest,
  directory: SlackDirectory,
  failed: readonly Refusal[],
  people: readonly Recipient[],
  refusedByOmni: ReadonlySet<string>,
): Promise<DraftError[]> {
  const { client, destination, recipients } = request;
  const lookups = lookupClient(client);
  const cameThrough = memberOf(destination.channelIds, [...recipients.usergroups.keys()], directory);
  const lines = new Map<DraftField, string[]>();
  for (const refusal of failed) {
    const slackUserId =
      refusal.slackUserId ?? people.find((p) => emailKey(p.email) === emailKey(refusal.email))?.slackUserId;
    let field: DraftField = 'emailAddresses';
    let who = refusal.email;
    if (slackUserId) {
      const picked = destination.userIds.includes(slackUserId);
      const source = picked ? undefined : await cameThrough(slackUserId);
      if (picked) field = 'emailPeople';
      else if (source?.kind === 'channel') field = 'emailChannels';
      const name = await directory.userInfo(slackUserId).then(personName, () => slackUserId);
      const label =
        source?.kind === 'channel'
          ? await channelName(lookups, source.id)
          : source && (recipients.usergroups.get(source.id) ?? source.id);
      who = `${name} (${refusal.email}${label ? `, in ${label}` : ''})`;
    }
    const detail = truncated(plainReason(refusal.detail));
    const line = refusedByOmni.has(emailKey(refusal.email))
      ? `Omni refused ${who} as an email-only user: “${detail}”`
      : `${who}: ${detail}`;
    lines.set(field, [...(lines.get(field) ?? []), line]);
  }
  return [...lines].map(([field, named]) => ({ field, message: fieldMessage(named, ADVICE) }));
}

function truncated(text: string): string {
  const clean = text.replace(/[.\s]+$/, '');
  return clean.length > DETAIL_MAX ? `${clean.slice(0, DETAIL_MAX - 1)}…` : clean;
}
