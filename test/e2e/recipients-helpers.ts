// What the sandbox says a schedule's email recipients are, as sorted emails.
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';

export function recipientEmails(sandbox: OmniSandbox, scheduleId: string): string[] {
  const schedule = sandbox.state.schedules.get(scheduleId);
  if (schedule?.destination.type !== 'email') throw new Error(`${scheduleId} is not an email schedule`);
  return schedule.destination.recipients
    .map(
      (r) =>
        sandbox.state.members.get(r.userId)?.email ?? sandbox.state.findEmailOnlyUserById(r.userId)?.email ?? r.userId,
    )
    .sort();
}
