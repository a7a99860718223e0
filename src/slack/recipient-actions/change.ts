// Runs a recipient change for a command (add, remove, users add/set/sync): a progress message when the
// work may take a while, the summary (or the failure) replacing it, and an audit line.
import { type RecipientInput, type RecipientsContext, RecipientsRefusal } from '../../recipients/index.js';
import { workspaceKey } from '../../store/index.js';
import type { AuditAction } from '../audit.js';
import type { SubcommandContext } from '../commands/types.js';
import { logFailure, userMessageForError } from '../errors.js';
import { refusalMessage } from '../ui/recipients-summary.js';
import type { SlackMessage } from '../ui/schedule-card.js';
import { recipientsContextFor } from './context.js';
import { ProgressMessage } from './progress.js';

export interface ChangeRequest {
  /** Who asked, from where: the command's context. */
  command: Pick<SubcommandContext, 'deps' | 'client' | 'scope' | 'userId' | 'respond' | 'logger'>;
  inputs: readonly RecipientInput[];
  audit: { action: AuditAction; schedule?: string };
}

export interface ChangeResult {
  message: SlackMessage;
  outcome: 'ok' | 'refused' | 'failed';
  detail: string;
}

/** Direct people only, a few of them: answered at once. Channels, groups or many people: progress first. */
export function needsProgress(inputs: readonly RecipientInput[]): boolean {
  return inputs.length > 20 || inputs.some((i) => i.kind === 'channel' || i.kind === 'usergroup');
}

/**
 * `work` does the change with a context whose progress events update the message. A failure before the
 * progress message exists is thrown (the dispatcher answers it); after, it replaces the progress message.
 */
export async function runRecipientChange(
  request: ChangeRequest,
  work: (ctx: RecipientsContext) => Promise<ChangeResult>,
): Promise<void> {
  const { deps, scope, logger, respond, client, userId } = request.command;
  const progress = new ProgressMessage(respond, (m) => logger.warn(m));
  const ctx = await recipientsContextFor({
    deps,
    client,
    scope,
    onProgress: (event) => progress.progress(event),
  });
  const record = (outcome: ChangeResult['outcome'], detail: string) =>
    deps.audit.record({ workspace: workspaceKey(scope), user: userId, ...request.audit, outcome, detail });
  if (needsProgress(request.inputs)) {
    await progress.start(
      ':hourglass_flowing_sand: Looking up the people you named in Slack… this message shows the progress.',
    );
  }
  try {
    const result = await work(ctx);
    record(result.outcome, result.detail);
    await progress.finish(result.message);
  } catch (error) {
    if (error instanceof RecipientsRefusal) {
      record('refused', truncateDetail(error.problems.join('; ')));
      await progress.finish(refusalMessage(error.problems));
      return;
    }
    record('failed', truncateDetail(userMessageForError(error)));
    if (!progress.isStarted) throw error;
    logFailure(logger, `recipients ${request.audit.action}`, error);
    await progress.finish({ text: `:warning: ${userMessageForError(error)}` });
  }
}

function truncateDetail(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
