// Queuing a recipient change as a job from a request: the progress message first (so that whichever replica
// runs the job can update it), then the job on the schedule's key, then the answer by outcome.
import type { SubcommandContext } from '../commands/types.js';
import { budgetTeamOf } from '../slack-pacing.js';
import { jobOutcomeText, queuedProgressText } from '../ui/recipient-jobs.js';
import { jobKeyOf, RECIPIENT_CHANGE_JOB, type RecipientChangeJobData } from './change-job.js';
import type { RecipientChangeSpec } from './change-spec.js';

export async function enqueueRecipientChange(
  command: Pick<SubcommandContext, 'deps' | 'client' | 'scope' | 'userId'> & {
    /** The answer to whoever asked: a command's response_url, or the Recipients modal. */
    respond: (message: { response_type: 'ephemeral'; text: string }) => Promise<unknown>;
  },
  spec: RecipientChangeSpec,
  /** A Recipients modal to redraw with the result when the job ends (its Add started the change). */
  view?: RecipientChangeJobData['view'],
): Promise<{ id: string; outcome: 'started' | 'queued' | 'joined' }> {
  const { deps, client, scope, userId, respond } = command;
  const teamId = budgetTeamOf(scope);
  const change =
    spec.op === 'users' ? { op: spec.op, action: spec.action } : { op: spec.op, scheduleId: spec.scheduleId };
  // Posting to a person's id posts in their DM with the app: only they see it, and it can be updated for as
  // long as the job takes (a response_url takes five posts in 30 minutes).
  const posted = await deps.slackBudget.call(
    teamId,
    'chat.postMessage',
    () => client.chat.postMessage({ channel: userId, text: queuedProgressText(change) }),
    { channel: userId },
  );
  if (!posted.channel || !posted.ts) throw new Error('Slack did not say where the progress message was posted');
  const message = { channel: posted.channel, ts: posted.ts };
  const data: RecipientChangeJobData = {
    scope,
    userId,
    spec,
    message,
    queuedAt: Date.now(),
    ...(view ? { view } : {}),
  };
  const { id, outcome, ahead } = await deps.jobs.enqueue(RECIPIENT_CHANGE_JOB, data, {
    key: jobKeyOf(scope, spec),
    // Two askings of one change join; where each asker's message is does not make them different.
    identity: { scope, spec },
  });
  const text = jobOutcomeText(change, outcome, ahead);
  if (outcome === 'joined') {
    // This asker's message will not be updated by the job: say so in it.
    await deps.slackBudget.call(teamId, 'chat.update', () =>
      client.chat.update({ channel: message.channel, ts: message.ts, text }),
    );
  }
  await respond({ response_type: 'ephemeral', text });
  return { id, outcome };
}
