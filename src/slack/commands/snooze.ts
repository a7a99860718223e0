// `/schedule snooze <name or id> until <when> | for <duration>`: pauses the schedule in Omni now and resumes it
// at that moment, read in the person's time zone; answers with the card, which shows "Snoozed until …".
import { describeResolution, resolveScheduleRef, splitScheduleArgs } from '../../schedules/schedule-resolve.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { SNOOZE_EXAMPLES } from '../../watch/snooze-parse.js';
import { loadCardForViewer } from '../schedule-actions/display.js';
import { forgetHomeSummary } from '../schedule-actions/home.js';
import { snoozeForPerson } from '../snooze-schedule.js';
import { type Subcommand, UsageError } from './types.js';

/** The end starts at the LAST `for`/`until`, so a name such as "Sales for EMEA" still reads whole. */
export function splitSnoozeArgs(args: readonly string[]): { ref: string; rest: string[] } {
  const split = splitScheduleArgs(args, () => false);
  if (split.rest.length > 0) return split; // an id or URL first: everything after it is the end
  const last = args.findLastIndex((arg) => /^(until|for)$/i.test(arg));
  if (last === -1) return { ref: split.ref, rest: [] };
  return { ref: args.slice(0, last).join(' '), rest: args.slice(last) };
}

export const snoozeSubcommand: Subcommand = {
  name: 'snooze',
  usage: '/schedule snooze <name or id> until <when> | for <duration>',
  summary: 'pause a schedule now and resume it by itself later',
  access: 'member',
  needsConnection: true,
  audit: 'snooze',
  async run(ctx) {
    const { ref, rest } = splitSnoozeArgs(ctx.args);
    if (rest.length === 0)
      throw new UsageError(`Say until when: \`until <date>\` or \`for <duration>\`, e.g. ${SNOOZE_EXAMPLES}.`);
    const omni = await ctx.omni();
    const found = await resolveScheduleRef(omni, ref);
    if (found.kind !== 'id' && found.kind !== 'found') throw new UsageError(escapeSlackText(describeResolution(found)));
    const scheduleId = found.kind === 'id' ? found.id : found.schedule.id;
    const scheduleName = found.kind === 'found' ? found.schedule.name : (await omni.getSchedule(scheduleId)).name;
    await snoozeForPerson(ctx, { id: scheduleId, name: scheduleName }, rest.join(' '));
    await forgetHomeSummary(ctx.deps, ctx.scope);
    const { card } = await loadCardForViewer(ctx, scheduleId);
    await ctx.respond({ response_type: 'ephemeral', text: card.text, blocks: card.blocks });
  },
};
