import { describe, expect, it } from 'vitest';
import { WatchActionIds } from '../../../src/ids.js';
import { buildScheduleCard } from '../../../src/slack/ui/schedule-card.js';
import { visibleText } from '../../support/block-text.js';
import { paused } from '../../support/schedule-fixtures.js';

describe('the schedule card of a snoozed schedule', () => {
  it('shows "Snoozed until … by …" with Resume now (value: the schedule id) above its buttons', () => {
    const view = paused({ id: 'sched-1' });
    const card = buildScheduleCard(view, { snoozed: { until: 'Mon 7 Dec, 09:00 CET', by: 'U1' } });
    expect(visibleText(card.blocks)).toContain('Snoozed until Mon 7 Dec, 09:00 CET by <@U1>');
    const line = card.blocks.find((b) => JSON.stringify(b).includes(WatchActionIds.snoozeResumeNow));
    expect(line).toMatchObject({ accessory: { action_id: WatchActionIds.snoozeResumeNow, value: 'sched-1' } });
    expect(card.blocks.indexOf(line as (typeof card.blocks)[number])).toBeLessThan(
      card.blocks.findIndex((b) => b.type === 'actions'),
    );
  });

  it('shows no snooze line otherwise', () => {
    expect(JSON.stringify(buildScheduleCard(paused()).blocks)).not.toContain(WatchActionIds.snoozeResumeNow);
  });
});
