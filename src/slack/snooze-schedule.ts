// Snoozing one schedule for a person (the command and the alert card's menu): the end read in their time zone,
// the pause and wake-up through SnoozeService, the audit line. Returns the end, for the answer.

import { workspaceKey } from '../store/index.js';
import { parseSnoozeEnd, SnoozeParseError } from '../watch/snooze-parse.js';
import { UsageError } from './commands/types.js';
import { errorMessage } from './errors.js';
import type { Interaction } from './interaction.js';
import { watchServices } from './watch-services.js';

export async function snoozeForPerson(
  interaction: Interaction,
  schedule: { id: string; name: string },
  endText: string,
): Promise<{ until: number }> {
  const { deps, userId } = interaction;
  const actor = await interaction.actor();
  let until: number;
  try {
    until = parseSnoozeEnd(endText, { now: deps.now().getTime(), timeZone: actor.tz ?? 'UTC' });
  } catch (error) {
    if (error instanceof SnoozeParseError) throw new UsageError(error.message);
    throw error;
  }
  const team = workspaceKey(interaction.scope);
  const audit = { workspace: team, user: userId, action: 'snooze' as const, schedule: schedule.id };
  try {
    await watchServices(deps).snooze.snooze({
      team,
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      until,
      by: userId,
    });
  } catch (error) {
    deps.audit.record({ ...audit, outcome: 'failed', detail: errorMessage(error) });
    throw error;
  }
  deps.audit.record({ ...audit, outcome: 'ok', detail: `until ${new Date(until).toISOString()}` });
  return { until };
}
