// Adding people to, and removing them from, a schedule's email delivery. The destination is checked first
// (Omni refuses recipient changes for anything but email); people are then resolved, members told from
// non-members when the policy creates email-only users, and the change sent. The outcome names everyone.
import { OmniApiError, OmniError, type ScheduleRecipients } from '../omni/index.js';
import type { RecipientsContext } from './context.js';
import type { EmailOnlyOutcome, Refusal } from './email-only.js';
import { detailOf } from './membership.js';
import { applyNonMemberPolicy, refusalOf } from './non-members.js';
import type { ChangeLedger } from './sent-ledger.js';
import { emailKey, type Recipient, type RecipientInput, type Skipped } from './types.js';

/** Emails per add/remove call: Omni documents no maximum, so large changes are split to stay modest. */
export const RECIPIENT_CHANGE_CHUNK = 100;

export type NotEmail = { ok: false; reason: 'not_email'; scheduleName: string; destinationType: string };

export interface AddOutcome {
  ok: true;
  scheduleName: string;
  /** Now receive it (Omni's count may be lower when it already had some by another address form). */
  added: Recipient[];
  /** Already received it before. */
  already: Recipient[];
  skipped: Skipped[];
  failed: Refusal[];
  /** Set when the policy made the app create email-only users first. */
  emailOnly?: EmailOnlyOutcome;
  /** How many Omni said it added. */
  omniAddedCount: number;
}

export interface RemoveOutcome {
  ok: true;
  scheduleName: string;
  removed: Recipient[];
  /** Named, but not recipients of this schedule. */
  notRecipients: Recipient[];
  /** Receive it through an Omni user group: remove them from the group in Omni. */
  viaGroup: { recipient: Recipient; group: string }[];
  skipped: Skipped[];
  failed: Refusal[];
  omniRemovedCount: number;
}

interface Target {
  name: string;
  recipients: ScheduleRecipients;
}

async function loadTarget(ctx: RecipientsContext, scheduleId: string): Promise<Target | NotEmail> {
  const [detail, recipients] = await Promise.all([
    ctx.omni.getSchedule(scheduleId),
    ctx.omni.listRecipients(scheduleId),
  ]);
  if (recipients.type !== 'email') {
    return { ok: false, reason: 'not_email', scheduleName: detail.name, destinationType: recipients.type };
  }
  return { name: detail.name, recipients };
}

function currentEmails(recipients: ScheduleRecipients): Set<string> {
  return new Set(recipients.type === 'email' ? recipients.recipients.map((r) => emailKey(r.email)) : []);
}

export async function addToSchedule(
  ctx: RecipientsContext,
  scheduleId: string,
  inputs: readonly RecipientInput[],
  invalid: readonly Skipped[] = [],
): Promise<AddOutcome | NotEmail> {
  const target = await loadTarget(ctx, scheduleId);
  if ('ok' in target) return target;
  const resolution = await ctx.resolve(inputs, 'add');
  const existing = currentEmails(target.recipients);
  // Added by an earlier run of this job (before a crash): still counted as added, not as already there.
  const addedBefore = changedBefore(ctx.changeLedger);
  const isAlready = (r: Recipient) => existing.has(emailKey(r.email)) && !addedBefore.has(emailKey(r.email));
  const already = resolution.recipients.filter(isAlready);
  const fresh = resolution.recipients.filter((r) => !isAlready(r));
  const policy = await applyNonMemberPolicy(ctx, fresh);
  const failed: Refusal[] = [...policy.failed];
  const { emailOnly } = policy;

  const sent = await changeInChunks(
    policy.ready,
    (emails) => ctx.omni.addRecipients(scheduleId, { emails }).then((r) => r.addedRecipientsCount),
    ctx.changeLedger,
  );
  failed.push(...sent.failed);
  return {
    ok: true,
    scheduleName: target.name,
    added: sent.done,
    already,
    skipped: [...invalid, ...resolution.skipped],
    failed,
    ...(emailOnly ? { emailOnly } : {}),
    omniAddedCount: sent.count,
  };
}

export async function removeFromSchedule(
  ctx: RecipientsContext,
  scheduleId: string,
  inputs: readonly RecipientInput[],
  invalid: readonly Skipped[] = [],
): Promise<RemoveOutcome | NotEmail> {
  const target = await loadTarget(ctx, scheduleId);
  if ('ok' in target) return target;
  const resolution = await ctx.resolve(inputs, 'remove');
  const existing = currentEmails(target.recipients);
  // Removed by an earlier run of this job (before a crash): still counted as removed.
  const removedBefore = changedBefore(ctx.changeLedger);
  const isPresent = (r: Recipient) => existing.has(emailKey(r.email)) || removedBefore.has(emailKey(r.email));
  const present = resolution.recipients.filter(isPresent);
  const absent = resolution.recipients.filter((r) => !isPresent(r));
  const groups = target.recipients.type === 'email' ? target.recipients.userGroupRecipients : [];
  const viaGroup: RemoveOutcome['viaGroup'] = [];
  const notRecipients: Recipient[] = [];
  for (const recipient of absent) {
    const group = groups.find((g) => g.recipients.some((m) => emailKey(m.email) === emailKey(recipient.email)));
    if (group) viaGroup.push({ recipient, group: group.name ?? group.id });
    else notRecipients.push(recipient);
  }
  const sent = await changeInChunks(
    present,
    (emails) => ctx.omni.removeRecipients(scheduleId, { emails }).then((r) => r.removedRecipientsCount),
    ctx.changeLedger,
  );
  return {
    ok: true,
    scheduleName: target.name,
    removed: sent.done,
    notRecipients,
    viaGroup,
    skipped: [...invalid, ...resolution.skipped],
    failed: sent.failed,
    omniRemovedCount: sent.count,
  };
}

/**
 * Sends the change in chunks. A chunk Omni refuses is reported per person with Omni's detail, and the
 * other chunks still go; when the very first chunk fails for a reason that is not about the people
 * (401, 404, 429, network…), the error is thrown so that the user reads the usual advice for it. In a job,
 * the ledger is saved after each chunk, and people an earlier run sent are not sent again.
 */
async function changeInChunks(
  people: readonly Recipient[],
  send: (emails: string[]) => Promise<number>,
  ledger?: ChangeLedger,
): Promise<{ done: Recipient[]; failed: Refusal[]; count: number }> {
  const earlier = ledger?.earlier;
  const doneBefore = new Set((earlier?.done ?? []).map(emailKey));
  const settled = new Set([...doneBefore, ...(earlier?.failed ?? []).map((f) => emailKey(f.email))]);
  const result = {
    done: people.filter((r) => doneBefore.has(emailKey(r.email))),
    failed: [...(earlier?.failed ?? [])],
    count: earlier?.count ?? 0,
  };
  const rest = people.filter((r) => !settled.has(emailKey(r.email)));
  for (let start = 0; start < rest.length; start += RECIPIENT_CHANGE_CHUNK) {
    const chunk = rest.slice(start, start + RECIPIENT_CHANGE_CHUNK);
    try {
      result.count += await send(chunk.map((r) => r.email));
      result.done.push(...chunk);
    } catch (error) {
      if (!(error instanceof OmniError)) throw error;
      const aboutPeople = error instanceof OmniApiError && error.status === 400;
      if (start === 0 && earlier === undefined && !aboutPeople) throw error;
      result.failed.push(...chunk.map((r) => refusalOf(chunk, r.email, detailOf(error))));
    }
    await ledger?.save({ done: result.done.map((r) => r.email), failed: [...result.failed], count: result.count });
  }
  return result;
}

/** Emails (as emailKey) an earlier run of this job added or removed. */
function changedBefore(ledger: ChangeLedger | undefined): Set<string> {
  return new Set((ledger?.earlier?.done ?? []).map(emailKey));
}
