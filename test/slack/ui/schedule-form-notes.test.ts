import { describe, expect, it } from 'vitest';
import { BlockIds } from '../../../src/ids.js';
import { buildScheduleForm } from '../../../src/slack/ui/schedule-form.js';
import { VALID_DESTINATIONS } from '../../schedules/draft-fixtures.js';
import { ctx, META, type Obj, regional } from './schedule-form-fixtures.js';

const texts = (blocks: Obj[]) => blocks.filter((b) => b.type === 'context').map((b) => b.elements[0].text as string);

describe('advice the form gives without stopping a save', () => {
  it('shows a hint under its field: an email with no subject', () => {
    const draft = regional({ destination: { ...VALID_DESTINATIONS.email, subject: '' } as never });
    const view = buildScheduleForm(draft, ctx());
    const blocks = view.blocks as Obj[];
    const subject = blocks.findIndex((b) => String(b.block_id).startsWith(BlockIds.formEmailSubject));
    expect(blocks[subject + 1]?.type).toBe('context');
    expect(blocks[subject + 1]?.elements[0].text).toContain(':bulb: Omni may need a subject');
  });

  it('a whole dashboard as JSON to a webhook is allowed, with a hint only', () => {
    const draft = regional({
      destination: VALID_DESTINATIONS.webhook,
      format: 'json',
      content: { kind: 'dashboard' } as never,
    });
    const view = buildScheduleForm(draft, ctx());
    expect(texts(view.blocks as Obj[]).join('\n')).toContain('If Omni refuses JSON for the whole dashboard');
  });

  it('names the destinations the form does not edit: kept by an edit, not copied by a duplicate', () => {
    const otherDestinations = [{ type: 'slack', format: 'pdf', lastStatus: 'ERROR' }];
    const edit = buildScheduleForm(
      regional({ otherDestinations }),
      ctx({ metadata: { ...META, mode: 'edit', scheduleId: 'x' } }),
    );
    expect(texts(edit.blocks as Obj[]).join('\n')).toContain('also delivers to Slack; that is not changed here');
    const copy = buildScheduleForm(regional({ otherDestinations }), ctx({ metadata: { ...META, mode: 'duplicate' } }));
    expect(texts(copy.blocks as Obj[]).join('\n')).toContain('The copy gets only the destination above');
    expect(texts(buildScheduleForm(regional(), ctx()).blocks as Obj[]).join('\n')).not.toContain('also delivers');
  });
});
