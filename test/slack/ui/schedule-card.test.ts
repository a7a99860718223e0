import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds, BlockIds, CallbackIds, WatchActionIds } from '../../../src/ids.js';
import {
  buildDeletedCard,
  buildDeletePrompt,
  buildGoneCard,
  buildScheduleCard,
  nextRunText,
} from '../../../src/slack/ui/schedule-card.js';
import {
  buildScheduleCardLoadingModal,
  buildScheduleCardModal,
  withNotice,
} from '../../../src/slack/ui/schedule-card-modal.js';
import { actionIds, visibleText } from '../../support/block-text.js';
import { everyDestination, failed, paused, scheduleView, systemDisabled } from '../../support/schedule-fixtures.js';

type ActionRow = { block_id?: string; elements: Record<string, unknown>[] };

const actionRows = (blocks: readonly unknown[]) =>
  blocks.filter((b) => (b as { type: string }).type === 'actions') as ActionRow[];

describe('schedule card', () => {
  it('shows what the schedule is, when it runs, how it went and who owns it', () => {
    const card = buildScheduleCard(scheduleView({ name: 'Weekly Sales', ownerName: 'Blobby Hill' }));
    expectValidBlocks('message', card.blocks);
    const text = visibleText(card.blocks);
    expect(text).toContain('Weekly Sales');
    expect(text).toContain('Orders');
    expect(text).toContain(':email: Email (PDF) to 3 recipients');
    expect(text).toContain('America/New_York');
    expect(text).toContain('Blobby Hill');
    expect(text).toMatch(
      /:white_check_mark: Delivered <!date\^1736172005\^\{date_short_pretty\} at \{time\}\|6 Jan 2025 14:00 UTC>/,
    );
    expect(text).toContain(':arrow_forward: Active');
    expect(card.text).toBe('Schedule “Weekly Sales” (active), dashboard “Orders”.');
  });

  it('offers Run now and Delete behind Slack confirm dialogs, Pause for an active schedule', () => {
    const sched = scheduleView();
    const card = buildScheduleCard(sched);
    const rows = actionRows(card.blocks);
    expect(rows.map((r) => r.block_id)).toEqual([BlockIds.scheduleCardActions, BlockIds.scheduleCardRecipients]);
    const label = (e: Record<string, unknown>) => ((e.text ?? e.placeholder) as { text: string }).text;
    expect(rows.map((r) => r.elements.map((e) => `${e.action_id}:${label(e)}`))).toEqual([
      [
        `${ActionIds.runNowButton}:Run now`,
        `${ActionIds.pauseScheduleButton}:Pause`,
        `${ActionIds.editScheduleButton}:Edit`,
        `${ActionIds.duplicateScheduleButton}:Duplicate`,
        `${ActionIds.transferOwnershipButton}:Transfer ownership`,
        `${ActionIds.deleteScheduleButton}:Delete`,
        `${WatchActionIds.cardSnooze}:Snooze…`,
      ],
      [
        `${ActionIds.showRecipientsButton}:Recipients`,
        `${ActionIds.subscribeButton}:Subscribe`,
        `${ActionIds.unsubscribeButton}:Unsubscribe`,
      ],
    ]);
    const elements = rows.flatMap((r) => r.elements);
    const run = elements.find((e) => e.action_id === ActionIds.runNowButton);
    const del = elements.find((e) => e.action_id === ActionIds.deleteScheduleButton);
    expect(run?.confirm).toMatchObject({ confirm: { text: 'Run now' }, deny: { text: 'Cancel' } });
    expect(del).toMatchObject({ style: 'danger', confirm: { style: 'danger', confirm: { text: 'Delete' } } });
    // Every button's listener reads the schedule from its value; each Snooze choice carries it after the duration.
    for (const element of elements) {
      if (element.action_id === WatchActionIds.cardSnooze) {
        const values = (element.options as { value: string }[]).map((o) => o.value);
        expect(values).toEqual(['1d', '3d', '1w', '2w'].map((d) => `${d}|${sched.id}`));
      } else expect(element.value).toBe(sched.id);
    }
  });

  it('shows a paused schedule as paused, with Resume instead of Pause', () => {
    const card = buildScheduleCard(paused());
    expectValidBlocks('message', card.blocks);
    expect(visibleText(card.blocks)).toMatch(/:double_vertical_bar: \*Paused\* since <!date\^/);
    expect(actionIds(card.blocks)).toContain(ActionIds.resumeScheduleButton);
    expect(actionIds(card.blocks)).not.toContain(ActionIds.pauseScheduleButton);
  });

  it('explains a system-disabled schedule with Omni’s reason and offers neither Pause nor Resume', () => {
    const card = buildScheduleCard(systemDisabled({ systemDisabledReason: 'noAccess' }));
    expectValidBlocks('message', card.blocks);
    const text = visibleText(card.blocks);
    expect(text).toContain(':no_entry: *Disabled by Omni* since');
    expect(text).toContain('its owner no longer has access to the dashboard');
    expect(actionIds(card.blocks)).not.toContain(ActionIds.pauseScheduleButton);
    expect(actionIds(card.blocks)).not.toContain(ActionIds.resumeScheduleButton);
    expect(card.text).toContain('disabled by Omni');
  });

  it('shows failures, alerts and who last acted on the card', () => {
    const card = buildScheduleCard(
      failed({ alert: { conditionType: 'RESULTS_PRESENT', conditionQueryName: 'Big orders' } }),
      { lastAction: { userId: 'U123', verb: 'paused', at: new Date('2025-02-01T12:00:00Z') }, zone: 'Europe/Paris' },
    );
    expectValidBlocks('message', card.blocks);
    const text = visibleText(card.blocks);
    expect(text).toContain(':x: Failed');
    expect(text).toContain(':bell: Alert: sends only when results are present (query “Big orders”)');
    expect(text).toContain(
      '<@U123> paused this <!date^1738411200^{date_short_pretty} at {time}|1 Feb 2025 13:00 Europe/Paris>',
    );
  });

  it('describes every destination, with Recipients, Subscribe and Unsubscribe only for email', () => {
    const texts = everyDestination().map((s) => {
      const card = buildScheduleCard(s);
      expectValidBlocks('message', card.blocks);
      const ids = actionIds(card.blocks);
      const email = s.destinationType === 'email';
      expect(ids.includes(ActionIds.showRecipientsButton)).toBe(email);
      expect(ids.includes(ActionIds.subscribeButton)).toBe(email);
      expect(ids.includes(ActionIds.unsubscribeButton)).toBe(email);
      expect(actionRows(card.blocks)).toHaveLength(email ? 2 : 1);
      expect(ids).toContain(ActionIds.duplicateScheduleButton);
      return visibleText(card.blocks);
    });
    expect(texts[0]).toContain(':email: Email (PDF) to 1 recipient');
    expect(texts[1]).toContain(':speech_balloon: Slack (PNG) to a channel');
    expect(texts[2]).toContain('Slack (PDF) to people by DM');
    expect(texts[3]).toContain(':link: Webhook (link)');
    expect(texts[4]).toContain(':file_folder: SFTP (CSV)');
    expect(texts[5]).toContain(':package: Amazon S3 (Excel)');
    expect(texts[6]).toContain('Google Sheets (CSV)');
  });

  it('keeps long names within Slack’s limits and escapes mrkdwn from Omni', () => {
    const long = `<!channel> ${'Quarterly revenue by region '.repeat(40)}`;
    const card = buildScheduleCard(
      scheduleView({ name: long, dashboardName: long, ownerName: long, timezone: 'Pacific/Chatham' }),
      { omniUrl: 'https://blobsrus.omniapp.co/dashboards/12db1a0a/schedules/x' },
    );
    expectValidBlocks('message', card.blocks);
    const text = visibleText(card.blocks, 'mrkdwn'); // plain_text (the header) is never parsed for mentions
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('<https://blobsrus.omniapp.co/dashboards/12db1a0a/schedules/x|Open in Omni>');
  });

  it('turns into a note once deleted', () => {
    const note = buildDeletedCard({ id: 'abc', name: 'Weekly' }, { userId: 'U9', at: '2025-03-01T08:00:00Z' });
    expectValidBlocks('message', note.blocks);
    expect(visibleText(note.blocks)).toMatch(/:wastebasket: \*Weekly\* was deleted by <@U9> <!date\^1740816000\^/);
    expect(actionIds(note.blocks)).toEqual([]);
  });

  it('asks before deleting from the command, with Delete and Cancel only', () => {
    const prompt = buildDeletePrompt(scheduleView({ name: 'Weekly' }));
    expectValidBlocks('message', prompt.blocks);
    expect(visibleText(prompt.blocks)).toContain(':warning: Delete *Weekly*?');
    expect(actionRows(prompt.blocks)).toHaveLength(1);
    expect(actionIds(prompt.blocks)).toEqual([ActionIds.deleteScheduleButton, ActionIds.cancelDeleteButton]);
  });
});

describe('the next run', () => {
  it("is in the viewer's own time (<!date>) and the schedule's zone", () => {
    // Mondays 09:00 New York; counted from Friday 4 December 2026, 18:00 UTC.
    const card = buildScheduleCard(scheduleView(), { now: new Date('2026-12-04T18:00:00Z') });
    const text = visibleText(card.blocks);
    expect(text).toMatch(/\*Next run\*\n<!date\^1796652000\^[^>]*> your time · [^(]*09:00 EST \(America\/New_York\)/);
  });

  it('says why there is none', () => {
    expect(nextRunText(paused())).toBe('None while paused');
    expect(nextRunText(systemDisabled())).toBe('None until fixed');
  });
});

describe('a schedule deleted elsewhere, and a notice', () => {
  it('draws the gone card with no buttons, escaping the name', () => {
    const gone = buildGoneCard({ id: 'abc', name: 'Q&A <weekly>' });
    expectValidBlocks('message', gone.blocks);
    expect(actionIds(gone.blocks)).toEqual([]);
    expect(visibleText(gone.blocks)).toContain(
      ':wastebasket: *Q&amp;A &lt;weekly&gt;* no longer exists in Omni: it was deleted elsewhere.',
    );
    expect(visibleText(buildGoneCard({ id: 'abc' }).blocks)).toContain(':wastebasket: This schedule no longer exists');
  });

  it('shows a notice under the card', () => {
    const card = buildScheduleCard(scheduleView(), { notice: 'Already paused; nothing was changed.' });
    expect(visibleText(card.blocks)).toContain('Already paused; nothing was changed.');
  });
});

describe('when a schedule runs', () => {
  it('reads Omni’s cron in plain words, and shows an unreadable one as is', () => {
    expect(visibleText(buildScheduleCard(scheduleView({ schedule: '0 9 ? * MON *' })).blocks)).toContain(
      'At 09:00, on Monday · America/New_York',
    );
    expect(visibleText(buildScheduleCard(scheduleView({ schedule: 'not cron' })).blocks)).toContain(
      'cron `not cron` · America/New_York',
    );
  });
});

describe('card in a modal', () => {
  it('keeps the card and its buttons, asks to be told when closed, and stacks a note on top', () => {
    const card = buildScheduleCard(scheduleView({ name: 'Weekly' }));
    const modal = buildScheduleCardModal(card);
    expectValidBlocks('modal', modal);
    expect(modal).toMatchObject({
      callback_id: CallbackIds.scheduleCardView,
      notify_on_close: true,
      private_metadata: 'home',
    });
    expect(actionIds(modal.blocks)).toContain(ActionIds.runNowButton);
    const once = withNotice(modal.blocks, 'first');
    const twice = withNotice(once, 'second');
    expect(visibleText(twice)).toContain('second');
    expect(visibleText(twice)).not.toContain('first');
    expect(twice).toHaveLength(modal.blocks.length + 1);
    expectValidBlocks('modal', buildScheduleCardLoadingModal());
  });
});
