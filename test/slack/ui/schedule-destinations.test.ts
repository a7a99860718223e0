import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../../src/schedules/schedule-view.js';
import { deliversText } from '../../../src/slack/ui/schedule-destinations.js';

const view = {
  destinationType: 'email',
  format: 'pdf',
  recipientCount: 2,
  slackRecipientType: null,
} as unknown as ScheduleView;

describe('where a schedule delivers, on its card', () => {
  it('one line per destination the list record merged', () => {
    const both = {
      ...view,
      destinations: [
        { destinationType: 'email', format: 'pdf', recipientCount: 2, slackRecipientType: null },
        { destinationType: 'slack', format: 'pdf', recipientCount: -1, slackRecipientType: 'channel' },
      ],
    } as unknown as ScheduleView;
    const lines = deliversText(both).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Email (PDF) to 2 recipients');
    expect(lines[1]).toContain('Slack (PDF)');
  });

  it('its own destination when it carries no list', () => {
    expect(deliversText(view)).toBe(':email: Email (PDF) to 2 recipients');
  });
});
