// `/schedule snooze <name or id> until <when> | for <duration>`: pauses the schedule in Omni now and resumes it
// at that moment, read in the person's time zone; answers with the card, which shows "Snoozed until …".
import { describeResolution, resolveScheduleRef, splitScheduleArgs } from '../../schedules/schedule-resolve.js';
import { workspaceKey } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { parseSnoozeEnd, SNOOZE_EXAMPLES, SnoozeParseError } from '../../watch/snooze-parse.js';
import { loadCardForViewer } from '../schedule-actions/display.js';
import { forgetHomeSummary } from '../schedule-actions/home.js';
import { watchServices } from '../watch-services.js';
import { type Subcommand, UsageError } from './types.js';

export const snoozeSubcommand: Subcommand = {
  name: 'snooze',
  usage: '/schedule snooze <name or id> until <when> | for <duration>',
  summary: 'pause a schedule now and resume it by itself later',
  access: 'member',
  needsConnection: true,
  audit: 'snooze',
  async run(ctx) {
    const { ref, rest } = splitScheduleArgs(ctx.args, (arg) => /^(until|for)$/i.test(arg));
    if (rest.length === 0)
      throw new UsageError(`Say until when: \`until <date>\` or \`for <duration>\`, e.g. ${SNOOZE_EXAMPLES}.`);
    const [omni, actor] = await Promise.all([ctx.omni(), ctx.actor()]);
    const now = ctx.deps.now().getTime();
    let until: number;
    try {
      until = parseSnoozeEnd(rest.join(' '), { now, timeZone: actor.tz ?? 'UTC' });
    } catch (error) {
      if (error instanceof SnoozeParseError) throw new UsageError(error.message);
      throw error;
    }
    const found = await resolveScheduleRef(omni, ref);
    if (found.kind !== 'id' && found.kind !== 'found') throw new UsageError(escapeSlackText(describeResolution(found)));
    const scheduleId = found.kind === 'id' ? found.id : found.schedule.id;
    const scheduleName = found.kind === 'found' ? found.schedule.name : (await omni.getSchedule(scheduleId)).name;
    const team = workspaceKey(ctx.scope);
    const audit = { workspace: team, user: ctx.userId, action: 'snooze' as const, schedule: scheduleId };
    try {
      await watchServices(ctx.deps).snooze.snooze({ team, scheduleId, scheduleName, until, by: ctx.userId });
    } catch (error) {
      ctx.deps.audit.record({ ...audit, outcome: 'failed', detail: (error as Error).message });
      throw error;
    }
    ctx.deps.audit.record({ ...audit, outcome: 'ok', detail: `until ${new Date(until).toISOString()}` });
    await forgetHomeSummary(ctx.deps, ctx.scope);
    const { card } = await loadCardForViewer(ctx, scheduleId);
    await ctx.respond({ response_type: 'ephemeral', text: card.text, blocks: card.blocks });
  },
};
