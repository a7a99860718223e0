// Where a schedule delivers, for its card: Omni allows several destinations per schedule (listed one row each,
// merged by the client into `destinations`), and the card names them all. Pure.
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { type DestinationFields, destinationText } from './format.js';

function isDestination(value: unknown): value is DestinationFields {
  const d = value as Partial<DestinationFields> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.destinationType === 'string' &&
    typeof d.recipientCount === 'number' &&
    (d.format === null || typeof d.format === 'string')
  );
}

/** The schedule's destinations as its list record has them; just its own when it carries no list. */
export function destinationsOf(s: ScheduleView): DestinationFields[] {
  const listed = (s as { destinations?: unknown }).destinations;
  const all = Array.isArray(listed) ? listed.filter(isDestination) : [];
  return all.length > 0 ? all : [s];
}

/** One line per destination. */
export function deliversText(s: ScheduleView): string {
  return destinationsOf(s)
    .map((d) => destinationText({ ...d, slackRecipientType: d.slackRecipientType ?? null }))
    .join('\n');
}
