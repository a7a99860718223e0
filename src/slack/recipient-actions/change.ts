// Runs a recipient change for a command (add, remove, users add/set/sync). A few people named directly are
// answered at once (the summary, or the failure, and an audit line); a channel's or group's people, many
// people or `users sync` become a background job (change-job.ts) with a progress message updated in place.
import {
  type Progress,
  type RecipientInput,
  type RecipientsContext,
  RecipientsRefusal,
} from '../../recipients/index.js';
import { workspaceKey } from '../../store/index.js';
import type { SubcommandContext } from '../commands/types.js';
import { logFailure, userMessageForError } from '../errors.js';
import { refusalMessage } from '../ui/recipients-summary.js';
import { enqueueRecipientChange } from './change-enqueue.js';
import { auditOf, type ChangeResult, performChange, type RecipientChangeSpec } from './change-spec.js';
import { recipientsContextFor } from './context.js';
import { ProgressMessage } from './progress.js';

export type { ChangeResult } from './change-spec.js';

export interface ChangeRequest {
  /** Who asked, from where: the command's context. */
  command: Pick<SubcommandContext, 'deps' | 'client' | 'scope' | 'userId' | 'respond' | 'logger'>;
  spec: RecipientChangeSpec;
}

/** Direct people only, a few of them: answered at once. Channels, groups or many people: a job. */
export function needsProgress(inputs: readonly RecipientInput[]): boolean {
  return inputs.length > 20 || inputs.some((i) => i.kind === 'channel' || i.kind === 'usergroup');
}

/** Whether the change runs as a background job: long work, and every `users sync`. */
export function runsAsJob(spec: RecipientChangeSpec): boolean {
  return needsProgress(spec.inputs) || (spec.op === 'users' && spec.action === 'sync');
}

/** Does the change now, or queues it as a job and says so. */
export async function runRecipientChange(request: ChangeRequest): Promise<void> {
  if (runsAsJob(request.spec)) {
    await enqueueRecipientChange(request.command, request.spec);
    return;
  }
  await runRecipientChangeNow(request, (rc) => performChange(rc, request.spec));
}

/**
 * The change done with a context whose progress events update the message. A failure before the progress
 * message exists is thrown (the dispatcher answers it); after, it replaces the progress message.
 */
async function runRecipientChangeNow(
  request: ChangeRequest,
  work: (ctx: RecipientsContext) => Promise<ChangeResult>,
): Promise<void> {
  const { logger, respond } = request.command;
  const progress = new ProgressMessage(respond, (m) => logger.warn(m));
  try {
    const result = await changeNowAudited({
      ...request.command,
      spec: request.spec,
      onProgress: (event) => progress.progress(event),
      work,
    });
    await progress.finish(result.message);
  } catch (error) {
    if (!progress.isStarted) throw error;
    logFailure(logger, `recipients ${auditOf(request.spec).action}`, error);
    await progress.finish({ text: `:warning: ${userMessageForError(error)}` });
  }
}

/**
 * Does a change at once and audits it as `/schedule add` does: its result (Omni's refusal of some people,
 * or the resolver's RecipientsRefusal, is a result); any other failure is audited and thrown. The Recipients
 * modal's Add runs small changes through this too.
 */
export async function changeNowAudited(args: {
  deps: SubcommandContext['deps'];
  client: SubcommandContext['client'];
  scope: SubcommandContext['scope'];
  userId: string;
  spec: RecipientChangeSpec;
  onProgress?: (event: Progress) => void | Promise<void>;
  work?: (ctx: RecipientsContext) => Promise<ChangeResult>;
}): Promise<ChangeResult> {
  const { deps, scope, client, userId, spec } = args;
  const ctx = await recipientsContextFor({
    deps,
    client,
    scope,
    ...(args.onProgress ? { onProgress: args.onProgress } : {}),
  });
  const record = (outcome: ChangeResult['outcome'], detail: string) =>
    deps.audit.record({ workspace: workspaceKey(scope), user: userId, ...auditOf(spec), outcome, detail });
  try {
    const result = await (args.work ?? ((rc: RecipientsContext) => performChange(rc, spec)))(ctx);
    record(result.outcome, result.detail);
    return result;
  } catch (error) {
    if (error instanceof RecipientsRefusal) {
      const detail = truncateDetail(error.problems.join('; '));
      record('refused', detail);
      return { message: refusalMessage(error.problems), outcome: 'refused', detail };
    }
    record('failed', truncateDetail(userMessageForError(error)));
    throw error;
  }
}

function truncateDetail(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
