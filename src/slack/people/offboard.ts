// Running offboarding (remove someone everywhere, remove them from one schedule, hand their schedules over)
// as the durable job, and telling the person who asked. As recipient jobs do (change-enqueue.ts), a progress
// message is posted in their DM with the app first and its channel and ts go into the job: the job, on
// whichever process runs it, updates that message half-way and then to the summary, so a restart mid-job
// loses neither (a response_url would: it lives in the process that took the click, for 30 minutes).
import { enqueueOffboarding, type OffboardStep, type OffboardSummary } from '../../people/index.js';
import { errorMessage } from '../errors.js';
import type { Interaction } from '../interaction.js';
import type { RespondLike } from '../recipient-actions/progress.js';
import { budgetTeamOf } from '../slack-pacing.js';
import { offboardEventText, offboardStartText, offboardWhat } from '../ui/offboarding-message.js';
import type { PeopleServices } from './services.js';

export async function runOffboarding(
  interaction: Pick<Interaction, 'deps' | 'client' | 'scope' | 'userId' | 'logger'>,
  people: PeopleServices,
  job: { workspace: string; email: string; steps: OffboardStep[] },
  respond: RespondLike,
): Promise<OffboardSummary | undefined> {
  const { deps, client, scope, userId, logger } = interaction;
  const teamId = budgetTeamOf(scope);
  const answer = async (text: string) => {
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (error) {
      logger.warn(`Could not answer through the response_url: ${errorMessage(error)}`);
    }
  };
  // Posting to a person's id posts in their DM with the app: only they see it, and any process can update it.
  const message = await deps.slackBudget
    .call(
      teamId,
      'chat.postMessage',
      () => client.chat.postMessage({ channel: userId, text: offboardStartText(job, false) }),
      {
        channel: userId,
      },
    )
    .then((posted) => (posted.channel && posted.ts ? { channel: posted.channel, ts: posted.ts } : undefined))
    .catch((error: unknown) => {
      logger.warn(`Could not post the offboarding progress message: ${errorMessage(error)}`);
      return undefined;
    });
  const { id, outcome } = await enqueueOffboarding(people.jobs, { ...job, ...(message ? { message } : {}) });
  const update = async (text: string) => {
    if (!message) return answer(text);
    await deps.slackBudget
      .call(teamId, 'chat.update', () => client.chat.update({ channel: message.channel, ts: message.ts, text }))
      .catch((error: unknown) => logger.warn(`Could not update the offboarding message: ${errorMessage(error)}`));
  };
  const what = offboardWhat(job);
  if (outcome === 'queued') await update(offboardStartText(job, true));
  if (outcome === 'joined') {
    // That job updates the message of whoever started it; this one says so and is left as it is.
    await update(`:hourglass_flowing_sand: ${what}: already under way; the summary goes to whoever started it.`);
  }
  await answer(
    message
      ? `:hourglass_flowing_sand: ${what}: the progress and the summary are in your DM with the app.`
      : offboardStartText(job, outcome === 'queued'),
  );
  // Waits here only for the audit line (and, with no message to update, to answer with the summary).
  const record = await people.jobs.finished(id);
  if (record.status === 'failed') {
    if (!message) await answer(offboardEventText(job, { type: 'stopped', error: record.error ?? 'the job failed' }));
    return undefined;
  }
  const summary = record.result as OffboardSummary;
  if (!message) await answer(offboardEventText(job, { type: 'done', summary }));
  return summary;
}
