import { describe, expect, it } from 'vitest';
import { BlockIds } from '../../../src/ids.js';
import { runStatusText, withRunStatus } from '../../../src/slack/ui/run-status.js';

const started = { userId: 'U0MEMBER01', at: new Date('2026-03-02T10:00:00.000Z') };

describe('the run line on a card', () => {
  it('names each destination’s outcome when the run went to several, with Omni’s reason when it failed', () => {
    const text = runStatusText(started, {
      kind: 'ended',
      progress: {
        kind: 'ended',
        failed: true,
        destinations: [
          { type: 'email', lastStatus: 'COMPLETE', at: '2026-03-02T10:00:30.000Z' },
          { type: 'slack', lastStatus: 'ERROR', at: '2026-03-02T10:00:31.000Z' },
        ],
      },
      systemDisabledReason: 'its owner no longer has access to the dashboard.',
    });
    expect(text).toMatch(/^<@U0MEMBER01> started a run <!date\^/);
    expect(text).toContain('Email: :white_check_mark: Delivered');
    expect(text).toContain('Slack: :x: Failed');
    expect(text).toContain("Omni's reason: its owner no longer has access");
  });

  it('says when the card stopped checking, and why', () => {
    const base = { kind: 'gave_up', afterMs: 900_000, scheduleId: 'abc' } as const;
    expect(runStatusText(started, { ...base, why: 'unfinished' })).toContain(
      'after 15 min, so this card stopped checking',
    );
    expect(runStatusText(started, { ...base, why: 'unreachable' })).toContain('Omni did not answer');
  });

  it('goes just above the card’s buttons', () => {
    const card = {
      text: 'x',
      blocks: [
        { type: 'header' as const, text: { type: 'plain_text' as const, text: 'x' } },
        { type: 'actions' as const, block_id: BlockIds.scheduleCardActions, elements: [] },
      ],
    };
    const out = withRunStatus(card, 'ran');
    expect(out.blocks.map((b) => b.type)).toEqual(['header', 'context', 'actions']);
  });
});
