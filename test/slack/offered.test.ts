import { describe, expect, it } from 'vitest';
import { ActionIds, WatchActionIds } from '../../src/ids.js';
import { offeredInPayload } from '../../src/slack/offered.js';
import { parseSnoozeChoice } from '../../src/slack/ui/failure-alert.js';
import { buildScheduleCard } from '../../src/slack/ui/schedule-card.js';
import { buildScheduleRow, parseRowChoice } from '../../src/slack/ui/schedule-row.js';
import { scheduleView } from '../support/schedule-fixtures.js';

const ID = '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc';
const OTHER = '2af41989-1bed-4c65-a602-927f71205a32';

describe('offeredInPayload', () => {
  const row = buildScheduleRow(scheduleView({ id: ID }), 'row|0');
  const overflow = (value: string) => ({
    action_id: ActionIds.scheduleRowOverflow,
    block_id: 'row|0',
    selected_option: { value },
  });

  it('is true only for a value the element was drawn with, in the block the action names', () => {
    const body = { message: { blocks: [row] } };
    expect(offeredInPayload(body, overflow(`pause:${ID}`))).toBe(true);
    expect(offeredInPayload(body, overflow(`resume:${ID}`))).toBe(false); // an active schedule offers Pause
    expect(offeredInPayload(body, overflow(`pause:${OTHER}`))).toBe(false);
    expect(offeredInPayload(body, { ...overflow(`pause:${ID}`), block_id: 'row|1' })).toBe(false);
    expect(offeredInPayload(body, { ...overflow(`pause:${ID}`), selected_option: null })).toBe(false);
  });

  it('reads a view’s blocks (App Home, a modal) as well, and is undefined with no copy of the blocks', () => {
    expect(offeredInPayload({ view: { blocks: [row] } }, overflow(`show:${ID}`))).toBe(true);
    expect(offeredInPayload({}, overflow(`show:${ID}`))).toBeUndefined();
  });

  it('finds a static select among an actions block’s elements (the card’s Snooze…)', () => {
    const card = buildScheduleCard(scheduleView({ id: ID }));
    const actions = (card.blocks as { block_id?: string }[]).filter((b) => b.block_id !== undefined);
    const snooze = (value: string, block_id?: string) => ({
      action_id: WatchActionIds.cardSnooze,
      ...(block_id ? { block_id } : {}),
      selected_option: { value },
    });
    const body = { message: { blocks: card.blocks as unknown[] } };
    const blockId = actions.find((b) => JSON.stringify(b).includes(WatchActionIds.cardSnooze))?.block_id;
    expect(offeredInPayload(body, snooze(`1w|${ID}`, blockId))).toBe(true);
    expect(offeredInPayload(body, snooze(`5y|${ID}`, blockId))).toBe(false);
  });
});

describe('choices read back', () => {
  it('parseSnoozeChoice takes only the durations the menus offer and a schedule id', () => {
    expect(parseSnoozeChoice(`3d|${ID}`)).toEqual({ duration: '3d', scheduleId: ID });
    for (const forged of [`100y|${ID}`, '1w|', `1w|${ID}|x`, `1w ${ID}`, '', undefined]) {
      expect(parseSnoozeChoice(forged), String(forged)).toBeUndefined();
    }
  });

  it('parseRowChoice takes only the row verbs', () => {
    expect(parseRowChoice(`delete:${ID}`)).toEqual({ verb: 'delete', scheduleId: ID });
    expect(parseRowChoice(`explode:${ID}`)).toBeUndefined();
  });
});
