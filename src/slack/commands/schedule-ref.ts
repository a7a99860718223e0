// The one schedule argument of show/share/run/pause/resume/delete: a UUID or an Omni schedule URL.
import { parseScheduleRef } from '../../schedules/schedule-id.js';
import { UsageError } from './types.js';

export function scheduleIdArgument(args: readonly string[], name: string): string {
  if (args.length > 1)
    throw new UsageError(`\`${name}\` takes one schedule id (its UUID or Omni URL); got ${args.length} words.`);
  const ref = parseScheduleRef(args[0]);
  if (!ref.ok) throw new UsageError(ref.error);
  return ref.id;
}
