// How one viewer sees schedules: their time zone (for date fallbacks) and where the schedule lives in
// Omni (for links), and their card.
import type { FollowRecord } from '../../people/index.js';
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

/**
 * Load a schedule's card as this viewer sees it (zone, link to Omni); `extra` adds e.g. who shared it.
 * `known` is the schedule's list record when the caller already read it (a name search): no Omni call then.
 */
export async function loadCardForViewer(
  interaction: Pick<Interaction, 'omni' | 'display' | 'deps' | 'scope'>,
  scheduleId: string,
  extra: ScheduleCardOptions = {},
  known?: ScheduleView,
): Promise<{ view: ScheduleView; card: SlackMessage }> {
  const read = known ? Promise.resolve(known) : interaction.omni().then((omni) => loadScheduleView(omni, scheduleId));
  const [view, display] = await Promise.all([read, interaction.display()]);
  const lines = await stateLines(interaction, scheduleId, display);
  return { view, card: buildScheduleCard(view, cardOptions(display, view, { ...extra, ...lines })) };
}

/**
 * What the app itself knows of a schedule and the card shows under Omni's part: the channel its recipients
 * follow and its snooze. Every drawing of a card takes them from here, so a card redrawn after Run now,
 * Pause or Resume keeps both lines.
 */
export async function stateLines(
  interaction: Pick<Interaction, 'deps' | 'scope'>,
  scheduleId: string,
  display: Display,
): Promise<Pick<ScheduleCardOptions, 'follow' | 'snoozed'>> {
  const [follow, snoozed] = await Promise.all([
    followOf(interaction, scheduleId),
    snoozedLine(interaction, scheduleId, display),
  ]);
  return { ...(follow === undefined ? {} : { follow }), ...(snoozed && { snoozed }) };
}

/** The card's "Snoozed until … by …" line, in the viewer's zone; undefined when the schedule is not snoozed. */
async function snoozedLine(
  interaction: Pick<Interaction, 'deps' | 'scope'>,
  scheduleId: string,
  display: Display,
): Promise<ScheduleCardOptions['snoozed']> {
  const snooze = await watchServices(interaction.deps).snooze.snoozed(workspaceKey(interaction.scope), scheduleId);
  if (!snooze) return undefined;
  return {
    until: formatInZone(new Date(snooze.until), display.zone ?? 'UTC', { now: interaction.deps.now() }),
    by: snooze.by,
  };
}

/** The schedule's follow (null: none); undefined when this process runs no background jobs or the store failed. */
async function followOf(
  interaction: Pick<Interaction, 'deps' | 'scope'>,
  scheduleId: string,
): Promise<FollowRecord | null | undefined> {
  const people = interaction.deps.people;
  if (!people) return undefined;
  try {
    return (await people.follows.followOf(workspaceKey(interaction.scope), scheduleId)) ?? null;
  } catch {
    // The card still shows; only the follow line is left out.
    return undefined;
  }
}
