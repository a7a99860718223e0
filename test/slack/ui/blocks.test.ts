import { describe, expect, it } from 'vitest';
import { button, context, plain, section } from '../../../src/slack/ui/blocks.js';

describe('blocks', () => {
  it('builds a button from its text, action id and value, with a style and a confirm only when given', () => {
    expect(button('Pause', 'pause_button', 'S1')).toEqual({
      type: 'button',
      action_id: 'pause_button',
      text: { type: 'plain_text', text: 'Pause', emoji: true },
      value: 'S1',
    });
    const confirm = { title: plain('Sure?'), text: plain('Really'), confirm: plain('Yes'), deny: plain('No') };
    expect(button('Delete', 'delete_button', 'S1', { style: 'danger', confirm })).toMatchObject({
      style: 'danger',
      confirm,
    });
  });

  it("cuts text at Slack's 3,000 characters", () => {
    const long = 'x'.repeat(3100);
    const sectionText = section(long).text?.text ?? '';
    expect(sectionText).toHaveLength(3000);
    expect(context(long, 'b1')).toMatchObject({ block_id: 'b1', elements: [{ type: 'mrkdwn' }] });
    expect(plain('Hello', 3).text.length).toBeLessThanOrEqual(3);
  });
});
