// Schedule views for UI and domain tests: one per destination and state, built from Omni's list record shape.
import type { ScheduleView } from '../../src/schedules/schedule-view.js';

let counter = 0;

/** A schedule view with sensible defaults; every field can be overridden. */
export function scheduleView(overrides: Partial<ScheduleView> = {}): ScheduleView {
  counter++;
  const suffix = String(counter).padStart(12, '0');
  return {
    id: `123e4567-e89b-12d3-a456-${suffix}`,
    name: `Weekly Sales Report ${counter}`,
    schedule: '0 9 ? * MON *',
    timezone: 'America/New_York',
    identifier: '12db1a0a',
    dashboardName: 'Orders',
    ownerName: 'Blob Ross',
    destinationType: 'email',
    format: 'pdf',
    content: 'dashboard',
    recipientCount: 3,
    slackRecipientType: null,
    disabledAt: null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    lastCompletedAt: '2025-01-06T14:00:05.000Z',
    lastStatus: 'COMPLETE',
    alert: null,
    ...overrides,
  };
}

export const paused = (o: Partial<ScheduleView> = {}) => scheduleView({ disabledAt: '2025-01-07T10:00:00.000Z', ...o });
export const systemDisabled = (o: Partial<ScheduleView> = {}) =>
  scheduleView({ systemDisabledAt: '2025-01-08T10:00:00.000Z', systemDisabledReason: 'missingQuery', ...o });
export const failed = (o: Partial<ScheduleView> = {}) => scheduleView({ lastStatus: 'ERROR', ...o });

/** One schedule per destination Omni lists. */
export function everyDestination(): ScheduleView[] {
  return [
    scheduleView({ destinationType: 'email', recipientCount: 1 }),
    scheduleView({ destinationType: 'slack', recipientCount: -1, slackRecipientType: 'channel', format: 'png' }),
    scheduleView({ destinationType: 'slack', recipientCount: -1, slackRecipientType: 'users' }),
    scheduleView({ destinationType: 'webhook', recipientCount: -1, format: 'link_only' }),
    scheduleView({ destinationType: 'sftp', recipientCount: -1, format: 'csv' }),
    scheduleView({ destinationType: 's3', recipientCount: -1, format: 'xlsx' }),
    scheduleView({ destinationType: 'google_sheets', recipientCount: -1, format: 'csv' }),
  ];
}
