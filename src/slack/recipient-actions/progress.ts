// A progress message for long recipient work, through the command's response_url. Slack accepts at most
// 5 posts to one response_url: one to start, at most three updates, and the last one is kept for the
// summary (or the failure), which replaces the progress message.

import type { RespondArguments, types } from '@slack/bolt';
import type { Progress } from '../../recipients/index.js';
import { errorMessage } from '../errors.js';

export type RespondLike = (message: RespondArguments) => Promise<unknown>;

/** Updates between the first message and the summary (5 uses − start − summary − one spare). */
export const MAX_PROGRESS_UPDATES = 2;
const BATCH = 20;

export class ProgressMessage {
  private started = false;
  private updates = 0;
  /** How far each stage had got at its previous event, so a milestone is posted when it is crossed. */
  private readonly lastDone = new Map<Progress['stage'], number>();

  constructor(
    private readonly respond: RespondLike,
    private readonly log: (message: string) => void,
  ) {}

  get isStarted(): boolean {
    return this.started;
  }

  async start(text: string): Promise<void> {
    if (await this.post({ response_type: 'ephemeral', text })) this.started = true;
  }

  /** Called for every progress event; posts only at a few milestones (see `isMilestone`). */
  async progress(event: Progress): Promise<void> {
    const previousDone = this.lastDone.get(event.stage) ?? 0;
    this.lastDone.set(event.stage, event.done);
    if (!this.started || this.updates >= MAX_PROGRESS_UPDATES || !isMilestone(event, previousDone)) return;
    this.updates += 1;
    await this.post({ response_type: 'ephemeral', replace_original: true, text: progressText(event) });
  }

  /** The summary: replaces the progress message when there was one. */
  async finish(message: { text: string; blocks?: types.KnownBlock[] }): Promise<void> {
    await this.post({ response_type: 'ephemeral', replace_original: this.started, ...message } as RespondArguments);
  }

  private async post(message: RespondArguments): Promise<boolean> {
    try {
      await this.respond(message);
      return true;
    } catch (error) {
      this.log(`Could not post recipient progress through the response_url: ${errorMessage(error)}`);
      return false;
    }
  }
}

/**
 * Whether going from `previousDone` to `event.done` crosses a milestone. Member checks: half-way (only
 * when there are more than a batch of people). Email-only batches: a third and two thirds of the way.
 * Never at the end (the summary follows). Crossing, not landing on, because progress may jump (a page of
 * members answers many people at once).
 */
export function isMilestone(event: Progress, previousDone: number): boolean {
  if (event.done >= event.total || event.done <= previousDone) return false;
  const fractions = event.stage === 'checking_members' ? (event.total > BATCH ? [1 / 2] : []) : [1 / 3, 2 / 3];
  return fractions.some((f) => previousDone < f * event.total && event.done >= f * event.total);
}

export function progressText(event: Progress): string {
  const of = `${event.done.toLocaleString('en-US')} of ${event.total.toLocaleString('en-US')}`;
  if (event.stage === 'checking_members') {
    return `:hourglass_flowing_sand: Checked ${of} people in Omni (member or not)… Omni’s rate limit paces this; the summary replaces this message.`;
  }
  return `:hourglass_flowing_sand: Sent ${of} email-only users to Omni, in batches of ${BATCH}… the summary replaces this message.`;
}
