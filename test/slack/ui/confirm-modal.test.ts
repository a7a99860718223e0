import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { CallbackIds } from '../../../src/ids.js';
import {
  buildConfirmErrorModal,
  buildConfirmLoadingModal,
  buildConfirmModal,
} from '../../../src/slack/ui/confirm-modal.js';
import { visibleText } from '../../support/block-text.js';
import { scheduleView, systemDisabled } from '../../support/schedule-fixtures.js';

describe('confirm modal for row menus', () => {
  it('opens without a submit button while loading', () => {
    const view = buildConfirmLoadingModal('run', '{"s":"x"}');
    expectValidBlocks('modal', view);
    expect(view.submit).toBeUndefined();
    expect(view.callback_id).toBe(CallbackIds.confirmRunView);
  });

  it('names the schedule and what running or deleting it does', () => {
    const run = buildConfirmModal('run', scheduleView({ name: 'Weekly' }), 'm');
    expectValidBlocks('modal', run);
    expect(run.submit?.text).toBe('Run now');
    expect(visibleText(run)).toContain('Omni delivers *Weekly* now.');
    const del = buildConfirmModal('delete', systemDisabled({ name: 'x'.repeat(500) }), 'm');
    expectValidBlocks('modal', del);
    expect(del.callback_id).toBe(CallbackIds.confirmDeleteView);
    expect(visibleText(del)).toContain('This cannot be undone.');
    expect(visibleText(del)).toContain('Disabled by Omni');
  });

  it('says exactly where it delivers when the schedule was read one by one', () => {
    const places = [
      { format: 'json', summary: { kind: 'webhook' as const, host: 'hooks.example.com' } },
      { format: 'png', summary: { kind: 'slack-channel' as const, channelId: 'C0SALES01' } },
    ];
    const run = buildConfirmModal('run', { ...scheduleView({ name: 'Weekly' }), places }, 'm');
    expect(visibleText(run)).toContain(
      'Delivers: :link: Webhook (JSON) to `hooks.example.com`; :speech_balloon: Slack (PNG) to <#C0SALES01>',
    );
  });

  it('shows why the schedule could not be read', () => {
    const view = buildConfirmErrorModal(
      'delete',
      'Omni refused to show the schedule: Scheduled task with id x does not exist.',
    );
    expectValidBlocks('modal', view);
    expect(visibleText(view)).toContain('does not exist');
    expect(view.submit).toBeUndefined();
  });
});
