// The admins' message when someone leaves (and the `/schedule remove-everywhere` confirmation and
// summary): who left, what they receive and own, with Remove from all, per-schedule Remove, and Transfer
// ownership. Pure: plain Block Kit objects from the offboarding data.
import type { types } from '@slack/bolt';
import { PeopleActionIds } from '../../ids.js';
import type { OffboardingReport, OffboardSummary, ScheduleRef } from '../../people/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';

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
    type: 'section',
    text: { type: 'mrkdwn', text: `• ${escapeSlackText(schedule.name)}` },
    accessory: {
      type: 'button',
      action_id: `${PeopleActionIds.removeFromOne}:${schedule.id}`,
      text: { type: 'plain_text', text: 'Remove' },
      value: JSON.stringify({ s: schedule.id, e: leaver.email }),
    },
  };
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
    { type: 'section', text: { type: 'mrkdwn', text: `*${who(leaver)} was deactivated.* They ${counts}.` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: freshnessLine(report) }] },
  ];
  const shown = report.receives.slice(0, LISTED_SCHEDULES);
  for (const schedule of shown) blocks.push(scheduleRow(schedule, leaver));
  if (report.receives.length > shown.length) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${report.receives.length - shown.length} more.` }],
    });
  }
  const actions: types.Button[] = [];
  if (report.receives.length > 0) {
    actions.push({
      type: 'button',
      action_id: PeopleActionIds.removeFromAll,
      style: 'danger',
      text: { type: 'plain_text', text: 'Remove from all' },
      value: JSON.stringify({ e: leaver.email }),
      confirm: {
        title: { type: 'plain_text', text: 'Remove from all?' },
        text: { type: 'plain_text', text: removeEverywhereConfirmText(leaver, report.receives.length) },
        confirm: { type: 'plain_text', text: 'Remove' },
        deny: { type: 'plain_text', text: 'Keep' },
        style: 'danger',
      },
    });
  }
  if (report.owns.length > 0) {
    actions.push({
      type: 'button',
      action_id: PeopleActionIds.transferOwnership,
      text: { type: 'plain_text', text: 'Transfer ownership' },
      value: JSON.stringify({ e: leaver.email }),
    });
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
