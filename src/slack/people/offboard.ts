// Running offboarding (remove someone everywhere, remove them from one schedule, hand their schedules over)
// as the durable job, and telling the person who asked: a start message naming the count, one progress
// update half-way, then the summary in its place. The job itself survives a restart; this message does not
// (the response_url lives 30 minutes), so a resumed job's outcome is what its record says.
import { enqueueOffboarding, type OffboardStep, type OffboardSummary } from '../../people/index.js';
import { errorMessage } from '../errors.js';
import type { RespondLike } from '../recipient-actions/progress.js';
import { offboardSummaryText } from '../ui/offboarding-message.js';
import type { PeopleServices } from './services.js';

/** How often the job's record is read for the half-way update. */
const POLL_MS = 3_000;

export async function runOffboarding(
  people: PeopleServices,
  job: { workspace: string; email: string; steps: OffboardStep[] },
  respond: RespondLike,
  log: (message: string) => void,
): Promise<OffboardSummary | undefined> {
  const { id, outcome } = await enqueueOffboarding(people.jobs, job);
  const total = job.steps.length;
  const what = job.steps.every((s) => s.action === 'transfer')
    ? `Handing over ${count(total)} owned by ${job.email}`
    : `Removing ${job.email} from ${count(total)}`;
  const queued = outcome === 'queued' ? ' (after the change already under way for them)' : '';
  const post = async (text: string, replace: boolean) => {
    try {
      await respond({ response_type: 'ephemeral', replace_original: replace, text });
    } catch (error) {
      log(`Could not post offboarding progress through the response_url: ${errorMessage(error)}`);
    }
  };
  await post(
    `:hourglass_flowing_sand: ${what}${queued}, one at a time at Omni's pace… the summary replaces this message.`,
    false,
  );
  let halfWay = false;
  const poll = setInterval(() => {
    void people.jobs.get(id).then(async (record) => {
      const done = record?.progress?.done ?? 0;
      if (halfWay || total < 4 || done < total / 2 || done >= total) return;
      halfWay = true;
      await post(`:hourglass_flowing_sand: ${what}: ${done} of ${total} done…`, true);
    });
  }, POLL_MS);
  poll.unref();
  try {
    const record = await people.jobs.finished(id);
    if (record.status === 'failed') {
      await post(`:warning: ${what} stopped: ${record.error ?? 'the job failed'}. Run it again to carry on.`, true);
      return undefined;
    }
    const summary = record.result as OffboardSummary;
    await post(offboardSummaryText(summary), true);
    return summary;
  } finally {
    clearInterval(poll);
  }
}

function count(n: number): string {
  return `${n} schedule${n === 1 ? '' : 's'}`;
}
