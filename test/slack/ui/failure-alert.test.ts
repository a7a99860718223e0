import { describe, expect, it } from 'vitest';
import { WatchActionIds } from '../../../src/ids.js';
import { failureAlertBlocks, snoozedBlock } from '../../../src/slack/ui/failure-alert.js';

const alert = {
  scheduleId: 's1',
  scheduleName: 'Sales <daily>',
  reason: 'The last run failed',
  state: 'failing' as const,
};

describe('failureAlertBlocks', () => {
  it('shows the escaped name, the reason and the four actions plus mute, each carrying the schedule id', () => {
    const { text, blocks } = failureAlertBlocks(alert, 'https://acme.omniapp.co/schedules/s1');
    expect(text).toBe('Sales <daily> is failing: The last run failed');
    expect(JSON.stringify(blocks[0])).toContain('*Sales &lt;daily&gt;* is failing\\nThe last run failed');
    const elements = (
      blocks[1] as { elements: { text: { text: string }; action_id: string; value: string; url?: string }[] }
    ).elements;
    expect(elements.map((e) => e.text.text)).toEqual(['Run again', 'Pause', 'Edit', 'Open in Omni', 'Mute for me']);
    expect(elements.map((e) => e.action_id)).toEqual([
      WatchActionIds.alertRunAgain,
      WatchActionIds.alertPause,
      WatchActionIds.alertEdit,
      WatchActionIds.alertOpenInOmni,
      WatchActionIds.alertMute,
    ]);
    expect(new Set(elements.map((e) => e.value))).toEqual(new Set(['s1']));
    expect(elements[3]?.url).toBe('https://acme.omniapp.co/schedules/s1');
    const menu = (blocks[2] as { elements: { action_id: string; options: { value: string }[] }[] }).elements[0];
    expect(menu?.action_id).toBe(WatchActionIds.alertSnooze);
    expect(menu?.options.map((o) => o.value)).toEqual(['1d|s1', '3d|s1', '1w|s1', '2w|s1']);
  });

  it('says recovered or deleted without buttons', () => {
    expect(failureAlertBlocks({ ...alert, state: 'recovered' }, 'x').text).toBe(
      'Sales <daily> recovered: its last run succeeded',
    );
    const deleted = failureAlertBlocks({ ...alert, state: 'deleted' }, 'x');
    expect(deleted.blocks).toHaveLength(1);
    expect(JSON.stringify(deleted.blocks)).toContain('was deleted in Omni');
  });
});

describe('snoozedBlock', () => {
  it('says until when and by whom, with Resume now', () => {
    expect(snoozedBlock('s1', 'Mon, Dec 7, 00:00 CET', 'U1')).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: ':zzz: Snoozed until Mon, Dec 7, 00:00 CET by <@U1>' },
      accessory: {
        type: 'button',
        text: { type: 'plain_text', text: 'Resume now', emoji: true },
        action_id: WatchActionIds.snoozeResumeNow,
        value: 's1',
      },
    });
  });
});
