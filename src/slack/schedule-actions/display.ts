// How one viewer sees schedules: their time zone (for date fallbacks) and where the schedule lives in
// Omni (for links), and their card.
import { loadScheduleView } from '../../schedules/schedule-lookup.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { formatInZone } from '../../schedules/timezones.js';
import { workspaceKey } from '../../store/index.js';
import type { Display, Interaction } from '../interaction.js';
import { buildScheduleCard, type ScheduleCardOptions, type SlackMessage } from '../ui/schedule-card.js';
import { watchServices } from '../watch-services.js';

export type { Display };

/** The schedule's page in Omni's UI: `<org>/dashboards/<dashboard>/schedules/<id>`. */
export function omniScheduleUrl(
  omniBase: string | undefined,
  s: Pick<ScheduleView, 'id' | 'identifier'>,
): string | undefined {
  if (!omniBase || !s.identifier) return undefined;
  return `${omniBase}/dashboards/${encodeURIComponent(s.identifier)}/schedules/${encodeURIComponent(s.id)}`;
}

export function cardOptions(display: Display, s: ScheduleView, extra: ScheduleCardOptions = {}): ScheduleCardOptions {
  const omniUrl = omniScheduleUrl(display.omniBase, s);
  return { ...(display.zone ? { zone: display.zone } : {}), ...(omniUrl ? { omniUrl } : {}), ...extra };
}

/** Load a schedule's card as this viewer sees it (zone, link to Omni); `extra` adds e.g. who shared it. */
export async function loadCardForViewer(
  interaction: Pick<Interaction, 'omni' | 'display' | 'deps' | 'scope'>,
  scheduleId: string,
  extra: ScheduleCardOptions = {},
): Promise<{ view: ScheduleView; card: SlackMessage }> {
  const omni = await interaction.omni();
  const [view, display, snooze] = await Promise.all([
    loadScheduleView(omni, scheduleId),
    interaction.display(),
    watchServices(interaction.deps).snooze.snoozed(workspaceKey(interaction.scope), scheduleId),
  ]);
  const snoozed = snooze && {
    until: formatInZone(new Date(snooze.until), display.zone ?? 'UTC', { now: interaction.deps.now() }),
    by: snooze.by,
  };
  return { view, card: buildScheduleCard(view, cardOptions(display, view, { ...extra, ...(snoozed && { snoozed }) })) };
}
