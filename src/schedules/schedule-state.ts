// What state a schedule is in, and the App Home counts, from the fields Omni's list gives.

/** The fields of a schedule that its state depends on (a list record or a summary has them). */
export interface ScheduleStateFields {
  disabledAt: string | null;
  systemDisabledAt: string | null;
  systemDisabledReason: string | null;
  lastStatus: string | null;
}

/** System-disabled wins over paused: Omni refuses to resume such a schedule until its cause is fixed. */
export type ScheduleState = 'system_disabled' | 'paused' | 'active';

export function scheduleState(s: ScheduleStateFields): ScheduleState {
  if (s.systemDisabledAt) return 'system_disabled';
  if (s.disabledAt) return 'paused';
  return 'active';
}

/** Failing: the last run ended in an error (delivered or not), or Omni has disabled the schedule itself. */
export function isFailing(s: ScheduleStateFields): boolean {
  return s.lastStatus === 'ERROR' || s.lastStatus === 'ERROR_DELIVERED' || scheduleState(s) === 'system_disabled';
}

/** Omni's `systemDisabledReason` in words a schedule's owner can act on. */
export function describeSystemDisabledReason(reason: string | null): string {
  switch (reason) {
    case 'missingQuery':
      return 'a query it delivers no longer exists on the dashboard. Edit the schedule to pick the content again.';
    case 'noAccess':
      return 'its owner no longer has access to the dashboard. Give the owner access or transfer the schedule.';
    case 'orphanedFilterConfigKeys':
      return 'it sets dashboard filters that no longer exist. Edit the schedule to fix its filters.';
    case null:
    case '':
      return 'Omni gave no reason.';
    default:
      return `Omni's reason: ${reason}.`;
  }
}

export interface ScheduleCounts {
  total: number;
  failing: number;
  systemDisabled: number;
  paused: number;
  active: number;
}

/** Counts by state; `failing` overlaps the others (a paused schedule may have failed last time). */
export function countSchedules(schedules: Iterable<ScheduleStateFields>): ScheduleCounts {
  const counts: ScheduleCounts = { total: 0, failing: 0, systemDisabled: 0, paused: 0, active: 0 };
  for (const s of schedules) {
    counts.total++;
    if (isFailing(s)) counts.failing++;
    const state = scheduleState(s);
    if (state === 'system_disabled') counts.systemDisabled++;
    else if (state === 'paused') counts.paused++;
    else counts.active++;
  }
  return counts;
}

/** Failing schedules first, keeping the given order otherwise (a stable partition). */
export function failingFirst<T extends ScheduleStateFields>(schedules: readonly T[]): T[] {
  return [...schedules.filter(isFailing), ...schedules.filter((s) => !isFailing(s))];
}
