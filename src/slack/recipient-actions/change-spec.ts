// What a recipient change is, as plain JSON (so that a job can carry it), and doing it: add or remove people
// of a schedule, or `users add|set|sync`. The same function runs a small change at once and a large one in a job.
import {
  type AttributeAssignment,
  addToSchedule,
  type ManageMode,
  manageEmailOnlyUsers,
  type RecipientInput,
  type RecipientsContext,
  removeFromSchedule,
  type Skipped,
} from '../../recipients/index.js';
import type { AuditAction } from '../audit.js';
import { addSummary, manageSummary, notEmailMessage, removeSummary } from '../ui/recipients-summary.js';
import type { SlackMessage } from '../ui/schedule-card.js';

export type RecipientChangeSpec =
  | { op: 'add' | 'remove'; scheduleId: string; inputs: RecipientInput[]; invalid: Skipped[] }
  | {
      op: 'users';
      action: ManageMode;
      inputs: RecipientInput[];
      assignments: AttributeAssignment[];
      invalid: Skipped[];
    };

/** A message to show: a summary's text and blocks, or a line of text. */
export type ShownMessage = { text: string; blocks?: SlackMessage['blocks'] };

export interface ChangeResult {
  message: ShownMessage;
  outcome: 'ok' | 'refused' | 'failed';
  detail: string;
}

export function auditOf(spec: RecipientChangeSpec): { action: AuditAction; schedule?: string } {
  if (spec.op === 'users') return { action: 'email_only_users' };
  return { action: spec.op === 'add' ? 'add_recipients' : 'remove_recipients', schedule: spec.scheduleId };
}

export async function performChange(rc: RecipientsContext, spec: RecipientChangeSpec): Promise<ChangeResult> {
  if (spec.op === 'users') {
    const result = await manageEmailOnlyUsers(rc, spec.action, spec.inputs, spec.assignments, spec.invalid);
    const o = result.outcome;
    const sent = o.created.length + o.updated.length + o.createdOrUpdated.length;
    return {
      message: manageSummary(spec.action, result),
      outcome: sent === 0 && result.failed.length > 0 ? 'failed' : 'ok',
      detail: `${spec.action}: ${sent} sent, ${result.members.length} members, ${result.skipped.length} skipped, ${result.failed.length} failed`,
    };
  }
  const { op, scheduleId, inputs, invalid } = spec;
  const outcome =
    op === 'add'
      ? await addToSchedule(rc, scheduleId, inputs, invalid)
      : await removeFromSchedule(rc, scheduleId, inputs, invalid);
  if (!outcome.ok) {
    return {
      message: notEmailMessage(outcome, scheduleId),
      outcome: 'refused',
      detail: `destination ${outcome.destinationType}`,
    };
  }
  const changed = 'added' in outcome ? outcome.added.length : outcome.removed.length;
  return {
    message: 'added' in outcome ? addSummary(outcome) : removeSummary(outcome),
    outcome: outcome.failed.length > 0 && changed === 0 ? 'failed' : 'ok',
    detail: `${op === 'add' ? 'added' : 'removed'} ${changed}, skipped ${outcome.skipped.length}, failed ${outcome.failed.length}`,
  };
}
