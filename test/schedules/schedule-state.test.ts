import { describe, expect, it } from 'vitest';
import {
  countSchedules,
  describeSystemDisabledReason,
  failingFirst,
  isFailing,
  scheduleState,
} from '../../src/schedules/schedule-state.js';
import { failed, paused, scheduleView, systemDisabled } from '../support/schedule-fixtures.js';

describe('schedule state', () => {
  it('tells active, paused and system-disabled apart (system-disabled wins)', () => {
    expect(scheduleState(scheduleView())).toBe('active');
    expect(scheduleState(paused())).toBe('paused');
    expect(scheduleState(systemDisabled({ disabledAt: '2025-01-01T00:00:00Z' }))).toBe('system_disabled');
  });

  it('counts ERROR, ERROR_DELIVERED and system-disabled as failing, nothing else', () => {
    expect(isFailing(failed())).toBe(true);
    expect(isFailing(scheduleView({ lastStatus: 'ERROR_DELIVERED' }))).toBe(true);
    expect(isFailing(systemDisabled())).toBe(true);
    for (const lastStatus of ['COMPLETE', 'KILLED', 'CONDITION_UNMET', null]) {
      expect(isFailing(scheduleView({ lastStatus }))).toBe(false);
    }
  });

  it('counts by state for App Home', () => {
    const all = [scheduleView(), scheduleView(), paused(), paused({ lastStatus: 'ERROR' }), systemDisabled(), failed()];
    expect(countSchedules(all)).toEqual({ total: 6, failing: 3, systemDisabled: 1, paused: 2, active: 3 });
    expect(countSchedules([])).toEqual({ total: 0, failing: 0, systemDisabled: 0, paused: 0, active: 0 });
  });

  it('puts failing schedules first and keeps the order otherwise', () => {
    const a = scheduleView({ name: 'a' });
    const b = failed({ name: 'b' });
    const c = scheduleView({ name: 'c' });
    const d = systemDisabled({ name: 'd' });
    expect(failingFirst([a, b, c, d]).map((s) => s.name)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('explains every system-disabled reason Omni documents', () => {
    expect(describeSystemDisabledReason('missingQuery')).toMatch(/query .* no longer exists/);
    expect(describeSystemDisabledReason('noAccess')).toMatch(/no longer has access/);
    expect(describeSystemDisabledReason('orphanedFilterConfigKeys')).toMatch(/filters that no longer exist/);
    expect(describeSystemDisabledReason('somethingNew')).toBe("Omni's reason: somethingNew.");
    expect(describeSystemDisabledReason(null)).toBe('Omni gave no reason.');
  });
});
