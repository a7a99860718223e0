// `/schedule users add|set|sync`: create or update Omni email-only users for Slack people (or typed emails)
// without touching any schedule. Omni members are left alone: their attributes are managed in Omni.
import { type AttributeAssignment, checkAssignments } from './attributes.js';
import { ensureEmailOnlyUsers, loadAttributes, type RecipientsContext, RecipientsRefusal } from './context.js';
import type { EmailOnlyOutcome, Refusal } from './email-only.js';
import { findOmniMembers } from './membership.js';
import { emailKey, type Recipient, type RecipientInput, type Skipped } from './types.js';

export type ManageMode = 'add' | 'set' | 'sync';

export interface ManageOutcome {
  outcome: EmailOnlyOutcome;
  /** Omni members named: not changed. */
  members: Recipient[];
  skipped: Skipped[];
  failed: Refusal[];
  /** How many people were considered (after resolving). */
  total: number;
}

/**
 * Typed attributes are checked against Omni's definitions before anything else is asked of Slack or sent
 * to Omni; a problem refuses the whole command (RecipientsRefusal) with one line per bad assignment.
 */
export async function manageEmailOnlyUsers(
  ctx: RecipientsContext,
  mode: ManageMode,
  inputs: readonly RecipientInput[],
  assignments: readonly AttributeAssignment[],
  invalid: readonly Skipped[] = [],
): Promise<ManageOutcome> {
  let explicit = {};
  if (assignments.length > 0) {
    const checked = checkAssignments(assignments, await loadAttributes(ctx));
    if (checked.problems.length > 0) throw new RecipientsRefusal([...checked.problems, 'Nothing was sent to Omni.']);
    explicit = checked.values;
  }
  const resolution = await ctx.resolve(inputs, 'add');
  const people = resolution.recipients;
  const membership = await findOmniMembers(
    ctx.omni,
    people.map((p) => p.email),
    {
      cache: ctx.cache,
      cacheKey: ctx.cacheKey,
      onProgress: (done, total) => ctx.onProgress?.({ stage: 'checking_members', done, total }),
    },
  );
  const members = people.filter((p) => membership.members.has(emailKey(p.email)));
  const nonMembers = people.filter((p) => membership.nonMembers.some((e) => emailKey(e) === emailKey(p.email)));
  const lookupFailed: Refusal[] = membership.failed.map((f) => ({
    ...personRef(people, f.email),
    detail: `could not check whether they are an Omni member: ${f.detail}`,
  }));
  const ensured = await ensureEmailOnlyUsers(ctx, nonMembers, { explicit, fromSlack: mode !== 'set' });
  const failed = [
    ...lookupFailed,
    ...ensured.refused,
    ...ensured.outcome.failed.map((f) => ({ ...personRef(people, f.email), detail: f.detail })),
  ];
  return {
    outcome: ensured.outcome,
    members,
    skipped: [...invalid, ...resolution.skipped],
    failed,
    total: people.length,
  };
}

function personRef(people: readonly Recipient[], email: string): { email: string; slackUserId?: string } {
  const person = people.find((p) => emailKey(p.email) === emailKey(email));
  return { email: person?.email ?? email, ...(person?.slackUserId ? { slackUserId: person.slackUserId } : {}) };
}
