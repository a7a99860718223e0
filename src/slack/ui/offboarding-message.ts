// The admins' message when someone leaves (and the `/schedule remove-everywhere` confirmation and
// summary): who left, what they receive and own, with Remove from all, per-schedule Remove, and Transfer
// ownership. Pure, from the offboarding data.
import type { types } from '@slack/bolt';
import { PeopleActionIds } from '../../ids.js';
import type {
  OffboardData,
  OffboardEvent,
  OffboardingReport,
  OffboardSummary,
  ScheduleRef,
} from '../../people/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { button, confirmDialog, context, section } from './blocks.js';

/** Schedules listed one by one before "and N more" (a message holds at most 50 blocks). */
export const LISTED_SCHEDULES = 20;

export interface Leaver {
  /** Slack user id, when Slack named them. */
  userId?: string;
  email: string;
}

function who(leaver: Leaver): string {
  const email = escapeSlackText(leaver.email);
  return leaver.userId ? `<@${leaver.userId}> (${email})` : email;
}

function schedules(n: number): string {
  return `${n} schedule${n === 1 ? '' : 's'}`;
}

/** "As of …": the index's age, or that it has not read every schedule yet. */
export function freshnessLine(report: Pick<OffboardingReport, 'asOf' | 'complete'>): string {
  if (report.asOf === null) return 'The app has not finished reading every schedule yet, so this list may be short.';
  const when = `<!date^${Math.floor(Date.parse(report.asOf) / 1000)}^{date_short_pretty} {time}|${report.asOf}>`;
  return report.complete
    ? `Recipients as the app last read them, ${when}.`
    : `Recipients as the app last read them, ${when}; some schedules have not been read yet.`;
}

export function removeEverywhereConfirmText(leaver: Leaver, count: number): string {
  return `Remove ${leaver.email} from the ${schedules(count)} they receive? Nothing else on those schedules changes.`;
}

function scheduleRow(schedule: ScheduleRef, leaver: Leaver): types.KnownBlock {
  return {
    ...section(`• ${escapeSlackText(schedule.name)}`),
    accessory: button(
      'Remove',
      `${PeopleActionIds.removeFromOne}:${schedule.id}`,
      JSON.stringify({ s: schedule.id, e: leaver.email }),
    ),
  };
}

/** Remove from all, behind a confirmation that names the count (the departure message and remove-everywhere). */
export function removeFromAllButton(leaver: Leaver, count: number, label: string): types.Button {
  return button(label, PeopleActionIds.removeFromAll, JSON.stringify({ e: leaver.email }), {
    style: 'danger',
    confirm: confirmDialog('Remove from all?', removeEverywhereConfirmText(leaver, count), 'Remove', 'Keep', 'danger'),
  });
}

export function buildDepartureMessage(
  leaver: Leaver,
  report: OffboardingReport,
): {
  text: string;
  blocks: types.KnownBlock[];
} {
  const counts = `receive ${schedules(report.receives.length)} and own ${schedules(report.owns.length)}`;
  const text = `${leaver.email} was deactivated: they ${counts}.`;
  const blocks: types.KnownBlock[] = [
    section(`*${who(leaver)} was deactivated.* They ${counts}.`),
    context(freshnessLine(report)),
  ];
  const shown = report.receives.slice(0, LISTED_SCHEDULES);
  for (const schedule of shown) blocks.push(scheduleRow(schedule, leaver));
  if (report.receives.length > shown.length) {
    blocks.push(context(`…and ${report.receives.length - shown.length} more.`));
  }
  const actions: types.Button[] = [];
  if (report.receives.length > 0) actions.push(removeFromAllButton(leaver, report.receives.length, 'Remove from all'));
  if (report.owns.length > 0) {
    actions.push(button('Transfer ownership', PeopleActionIds.transferOwnership, JSON.stringify({ e: leaver.email })));
  }
  if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });
  return { text, blocks };
}

/** The summary once the job is done. */
export function offboardSummaryText(summary: OffboardSummary): string {
  const parts: string[] = [];
  if (summary.removed > 0) parts.push(`removed ${escapeSlackText(summary.email)} from ${schedules(summary.removed)}`);
  if (summary.transferred > 0) parts.push(`handed over ${schedules(summary.transferred)}`);
  if (summary.notThere > 0) parts.push(`${schedules(summary.notThere)} no longer had them`);
  if (summary.gone > 0) parts.push(`${schedules(summary.gone)} had been deleted`);
  const failed = summary.failed.map((f) => `${escapeSlackText(f.name)}: ${escapeSlackText(f.message ?? 'refused')}`);
  const head = parts.length > 0 ? `Done: ${parts.join('; ')}.` : 'Done: nothing needed changing.';
  return failed.length > 0
    ? `${head}\nOmni refused ${failed.length}:\n${failed.map((f) => `• ${f}`).join('\n')}`
    : head;
}

/** What an offboarding job does, in a few words: "Removing a@b.co from 3 schedules". */
export function offboardWhat(job: Pick<OffboardData, 'email' | 'steps'>): string {
  const n = schedules(job.steps.length);
  const email = escapeSlackText(job.email);
  return job.steps.every((s) => s.action === 'transfer')
    ? `Handing over ${n} owned by ${email}`
    : `Removing ${email} from ${n}`;
}

/** The job's progress message when it is queued: the summary will take its place. */
export function offboardStartText(job: Pick<OffboardData, 'email' | 'steps'>, queued: boolean): string {
  const after = queued ? ' (after the change already under way for them)' : '';
  return `:hourglass_flowing_sand: ${offboardWhat(job)}${after}, one at a time at Omni's pace… the summary replaces this message.`;
}

/** The job's progress message as the job goes: half-way, the summary, or why it stopped. */
export function offboardEventText(job: Pick<OffboardData, 'email' | 'steps'>, event: OffboardEvent): string {
  switch (event.type) {
    case 'progress':
      return `:hourglass_flowing_sand: ${offboardWhat(job)}: ${event.done} of ${event.total} done…`;
    case 'done':
      return offboardSummaryText(event.summary);
    case 'stopped':
      return `:warning: ${offboardWhat(job)} stopped: ${escapeSlackText(event.error)}. Run it again to carry on.`;
  }
}
