// Omni lists a schedule once per destination (its CLI warns to "deduplicate by ID"). These helpers
// fold those rows into one record per schedule that lists every destination.
import type { ScheduleRecord } from './schemas/schedules.js';

/** One destination of a listed schedule, from its own list row. */
export type ListedDestination = {
  destinationType: string;
  format: string | null;
  recipientCount: number;
  slackRecipientType: string | null;
  lastStatus: string | null;
  lastCompletedAt: string | null;
};

/** Every destination of a list record: merged ones when the client merged rows, else its own. */
export function listedDestinations(record: ScheduleRecord): ListedDestination[] {
  const merged = (record as Partial<ScheduleListEntry>).destinations;
  return Array.isArray(merged) ? merged : [destinationOf(record)];
}

/**
 * A list record with all its destinations. Its own destination fields (`destinationType`,
 * `lastStatus`…) are those of the first row Omni sent for the schedule.
 */
export type ScheduleListEntry = ScheduleRecord & { destinations: ListedDestination[] };

const destinationOf = (row: ScheduleRecord): ListedDestination => ({
  destinationType: row.destinationType,
  format: row.format,
  recipientCount: row.recipientCount,
  slackRecipientType: row.slackRecipientType,
  lastStatus: row.lastStatus,
  lastCompletedAt: row.lastCompletedAt,
});

/**
 * Folds `rows` into one entry per schedule id, in order of first appearance. `known` holds entries
 * already handed out (earlier pages): a row for one of them is added to it and not returned again.
 */
export function mergeListRows(
  rows: readonly ScheduleRecord[],
  known: Map<string, ScheduleListEntry> = new Map(),
): ScheduleListEntry[] {
  const fresh: ScheduleListEntry[] = [];
  for (const row of rows) {
    const entry = known.get(row.id);
    if (entry) {
      entry.destinations.push(destinationOf(row));
      continue;
    }
    const created: ScheduleListEntry = { ...row, destinations: [destinationOf(row)] };
    known.set(row.id, created);
    fresh.push(created);
  }
  return fresh;
}
