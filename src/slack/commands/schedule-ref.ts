// The schedule argument of show/share/run/pause/resume/delete (and add/remove): its UUID, its Omni URL
// or its name. A name that matches several schedules is answered with a button per schedule, each
// re-running the same subcommand with that schedule's id; one that matches none says what was searched.
import { isUuid, parseScheduleRef } from '../../schedules/schedule-id.js';
import { describeResolution, resolveScheduleRef } from '../../schedules/schedule-resolve.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { buildSchedulePicker } from '../ui/schedule-picker.js';
import { type SubcommandContext, UsageError } from './types.js';

/** The schedule meant: its id, and its list record when the name search already read it (no more calls needed). */
export interface ScheduleTarget {
  id: string;
  view?: ScheduleView;
  /** Omni calls spent finding it (0 for an id or URL). */
  calls: number;
}

/** Usage lines name the argument as people give it. */
export const SCHEDULE_ARG = '<name or id>';

/**
 * Finds the schedule `ref` names; when it is not one schedule, answers (pick buttons, or what was
 * searched) and returns undefined. `after` are the words that follow the schedule, kept on the buttons.
 */
export async function findScheduleArgument(
  ctx: Pick<SubcommandContext, 'omni' | 'respond'>,
  command: string,
  ref: string,
  after: readonly string[] = [],
): Promise<ScheduleTarget | undefined> {
  if (ref.trim() === '') throw new UsageError(`\`${command}\` needs a schedule: its name, its id or its Omni URL.`);
  const omni = await ctx.omni();
  const found = await resolveScheduleRef(omni, ref);
  switch (found.kind) {
    case 'id':
      return { id: found.id, calls: 0 };
    case 'found':
      return { id: found.schedule.id, view: found.schedule, calls: found.calls };
    case 'invalid':
      throw new UsageError(escapeSlackText(found.error));
    case 'none':
      await ctx.respond({ response_type: 'ephemeral', text: escapeSlackText(describeResolution(found)) });
      return undefined;
    case 'several': {
      const picker = buildSchedulePicker(describeResolution(found), found.candidates, command, after);
      await ctx.respond({ response_type: 'ephemeral', text: picker.text, blocks: picker.blocks });
      return undefined;
    }
  }
}

/** The whole argument list as one schedule reference: a lone id or URL, or a name of several words. */
export function scheduleRefArgument(args: readonly string[], command: string): string {
  const [first] = args;
  if (args.length > 1 && first !== undefined && (isUuid(first) || parseScheduleRef(first).ok)) {
    throw new UsageError(`\`${command}\` takes one schedule (its name, id or Omni URL); got ${args.length} words.`);
  }
  return args.join(' ');
}
