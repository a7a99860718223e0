import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds } from '../../../src/ids.js';
import { buildSchedulePicker, pickLabel } from '../../../src/slack/ui/schedule-picker.js';
import { visibleText } from '../../support/block-text.js';

const candidates = [
  { id: 'a1', name: 'Q&A <weekly>', dashboardName: 'Sales', ownerName: 'Blob Ross' },
  { id: 'b2', name: 'Q&A daily', dashboardName: 'Ops', ownerName: null },
];

describe('buildSchedulePicker', () => {
  it('lists each schedule, escaped, with a button that re-runs the command with its id and the words after', () => {
    const picker = buildSchedulePicker('2 schedules start with “q&a”; pick one.', candidates, 'add', ['@maria']);
    expectValidBlocks('message', picker.blocks);
    const text = visibleText(picker.blocks);
    expect(text).toContain('2 schedules start with “q&amp;a”; pick one.');
    expect(text).toContain('*Q&amp;A &lt;weekly&gt;*\nSales · Blob Ross');
    expect(text).toContain('*Q&amp;A daily*\nOps');
    const buttons = picker.blocks.flatMap((b) => ('accessory' in b && b.accessory ? [b.accessory] : []));
    expect(buttons).toEqual([
      expect.objectContaining({ action_id: ActionIds.pickScheduleButton, value: 'add a1 @maria' }),
      expect.objectContaining({ action_id: ActionIds.pickScheduleButton, value: 'add b2 @maria' }),
    ]);
  });

  it('labels the button with what it does', () => {
    expect(pickLabel('pause')).toBe('Pause');
    expect(pickLabel('add')).toBe('Add here');
  });
});
