import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { PeopleActionIds } from '../../../src/ids.js';
import { summarize } from '../../../src/people/index.js';
import { buildFollowBlocks, followsText } from '../../../src/slack/ui/follow-label.js';
import {
  buildDepartureMessage,
  LISTED_SCHEDULES,
  offboardEventText,
  offboardStartText,
  offboardSummaryText,
  removeEverywhereConfirmText,
} from '../../../src/slack/ui/offboarding-message.js';
import { actionIds, visibleText } from '../../support/block-text.js';

const report = (receives: number, owns: number) => ({
  email: 'ann@example.com',
  omniUserId: null,
  receives: Array.from({ length: receives }, (_, i) => ({ id: `s${i}`, name: `Report <${i}>` })),
  owns: Array.from({ length: owns }, (_, i) => ({ id: `o${i}`, name: `Owned ${i}` })),
  asOf: '2026-01-05T09:00:00.000Z',
  complete: true,
});

describe('the departure message', () => {
  it('names who left, what they receive and own, with Remove from all, per-schedule Remove and Transfer', () => {
    const message = buildDepartureMessage({ userId: 'U9', email: 'ann@example.com' }, report(3, 1));
    expectValidBlocks('message', message.blocks);
    const text = visibleText(message.blocks);
    expect(text).toContain('<@U9> (ann@example.com) was deactivated.* They receive 3 schedules and own 1 schedule.');
    expect(text).toContain('• Report &lt;0&gt;');
    expect(text).toContain('Remove ann@example.com from the 3 schedules they receive?');
    expect(text).toContain('<!date^1767603600^');
    expect(actionIds(message.blocks)).toEqual([
      `${PeopleActionIds.removeFromOne}:s0`,
      `${PeopleActionIds.removeFromOne}:s1`,
      `${PeopleActionIds.removeFromOne}:s2`,
      PeopleActionIds.removeFromAll,
      PeopleActionIds.transferOwnership,
    ]);
    expect(message.text).toBe('ann@example.com was deactivated: they receive 3 schedules and own 1 schedule.');
  });

  it('stays within Block Kit limits for someone on many schedules, and offers nothing when there is nothing', () => {
    const many = buildDepartureMessage({ email: 'ann@example.com' }, report(400, 0));
    expectValidBlocks('message', many.blocks);
    expect(visibleText(many.blocks)).toContain(`…and ${400 - LISTED_SCHEDULES} more.`);
    const none = buildDepartureMessage({ email: 'ann@example.com' }, { ...report(0, 0), asOf: null, complete: false });
    expectValidBlocks('message', none.blocks);
    expect(actionIds(none.blocks)).toEqual([]);
    expect(visibleText(none.blocks)).toContain('has not finished reading every schedule');
  });

  it('confirms with the count and sums up what was done', () => {
    expect(removeEverywhereConfirmText({ email: 'a@x.io' }, 1)).toBe(
      'Remove a@x.io from the 1 schedule they receive? Nothing else on those schedules changes.',
    );
    const summary = summarize('a@x.io', [
      { scheduleId: '1', name: 'A', action: 'remove', outcome: 'removed' },
      { scheduleId: '2', name: 'B', action: 'remove', outcome: 'gone' },
      { scheduleId: '3', name: 'C', action: 'remove', outcome: 'failed', message: 'Cannot change recipients' },
    ]);
    expect(offboardSummaryText(summary)).toBe(
      'Done: removed a@x.io from 1 schedule; 1 schedule had been deleted.\nOmni refused 1:\n• C: Cannot change recipients',
    );
  });
});

describe('the offboarding progress message', () => {
  const job = {
    email: 'a@x.io',
    steps: [1, 2, 3, 4].map((i) => ({ scheduleId: String(i), name: `S${i}`, action: 'remove' as const })),
  };
  it('says what is under way, half-way, the summary, or why it stopped', () => {
    expect(offboardStartText(job, false)).toBe(
      ":hourglass_flowing_sand: Removing a@x.io from 4 schedules, one at a time at Omni's pace… the summary replaces this message.",
    );
    expect(offboardEventText(job, { type: 'progress', done: 2, total: 4 })).toBe(
      ':hourglass_flowing_sand: Removing a@x.io from 4 schedules: 2 of 4 done…',
    );
    expect(offboardEventText(job, { type: 'done', summary: summarize('a@x.io', []) })).toBe(
      'Done: nothing needed changing.',
    );
    expect(offboardEventText(job, { type: 'stopped', error: 'Omni <is> away' })).toBe(
      ':warning: Removing a@x.io from 4 schedules stopped: Omni &lt;is&gt; away. Run it again to carry on.',
    );
  });
});

describe('follow on the card', () => {
  it('shows what the schedule follows, with Unfollow', () => {
    expect(followsText({ source: { kind: 'channel', id: 'C1' } })).toBe('Follows <#C1>');
    expect(followsText({ source: { kind: 'usergroup', id: 'S1' } })).toBe('Follows <!subteam^S1>');
    const blocks = buildFollowBlocks({ scheduleId: 's1', source: { kind: 'channel', id: 'C1' } });
    expectValidBlocks('message', blocks);
    expect(actionIds(blocks)).toEqual([PeopleActionIds.unfollow]);
    expect(visibleText(blocks)).toContain('keeps receiving it');
  });
});
