// Subscribe or unsubscribe yourself (by command or by the card's buttons): the same add/remove flows with
// one person, said to "you". A guest or a deactivated account never gets here (the caller checks access).

import type { WebClient } from '@slack/web-api';
import { addToSchedule, removeFromSchedule } from '../../recipients/index.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { errorMessage } from '../errors.js';
import { notEmailMessage, subscribeSummary, unsubscribeSummary } from '../ui/recipients-summary.js';
import type { SlackMessage } from '../ui/schedule-card.js';
import { recipientsContextFor } from './context.js';

export type SubscribeOp = 'subscribe' | 'unsubscribe';

export async function subscribeSelf(args: {
  deps: AppDeps;
  client: WebClient;
  scope: WorkspaceScope;
  userId: string;
  scheduleId: string;
  op: SubscribeOp;
}): Promise<SlackMessage> {
  const { deps, scope, userId, scheduleId, op } = args;
  const ctx = await recipientsContextFor({ deps, client: args.client, scope });
  const me = [{ kind: 'user', id: userId }] as const;
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail: string) =>
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: userId,
      action: op === 'subscribe' ? 'add_recipients' : 'remove_recipients',
      schedule: scheduleId,
      outcome,
      detail,
    });
  try {
    if (op === 'subscribe') {
      const outcome = await addToSchedule(ctx, scheduleId, me);
      if (!outcome.ok) {
        audit('refused', `destination ${outcome.destinationType}`);
        return notEmailMessage(outcome, scheduleId);
      }
      audit(
        outcome.added.length > 0 || outcome.already.length > 0 ? 'ok' : 'failed',
        `subscribe: ${outcome.added.length} added`,
      );
      return subscribeSummary(outcome, scheduleId);
    }
    const outcome = await removeFromSchedule(ctx, scheduleId, me);
    if (!outcome.ok) {
      audit('refused', `destination ${outcome.destinationType}`);
      return notEmailMessage(outcome, scheduleId);
    }
    audit(outcome.failed.length > 0 ? 'failed' : 'ok', `unsubscribe: ${outcome.removed.length} removed`);
    return unsubscribeSummary(outcome, scheduleId);
  } catch (error) {
    audit('failed', errorMessage(error).slice(0, 300));
    throw error;
  }
}
