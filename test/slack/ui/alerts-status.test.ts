import { describe, expect, it } from 'vitest';
import { parseChannelArgument } from '../../../src/slack/commands/alerts.js';
import { UsageError } from '../../../src/slack/commands/types.js';
import { buildAlertsStatus } from '../../../src/slack/ui/alerts-status.js';
import { visibleText } from '../../support/block-text.js';

const AT = Date.parse('2026-12-04T10:00:00Z');

describe('/schedule alerts status', () => {
  it('off: says so and how an admin turns it on', () => {
    const out = buildAlertsStatus({ enabled: false, failing: [] }, { intervalS: 300 });
    expect(visibleText(out.blocks)).toContain('Failure alerts are *off*');
    expect(visibleText(out.blocks)).toContain('/schedule alerts on #channel');
    expect(out.text).toBe('Failure alerts are off; 0 failing now.');
  });

  it('on: the channel, the last check and what is failing, names escaped, long lists cut', () => {
    const failing = Array.from({ length: 17 }, (_, i) => ({
      scheduleId: `s${i}`,
      scheduleName: i === 0 ? 'A <b> & c' : `Report ${i}`,
      reason: 'The last run failed',
      since: AT,
    }));
    const out = buildAlertsStatus(
      { enabled: true, channelId: 'C1', setBy: 'U1', lastCheck: { at: AT, omniCalls: 1 }, failing },
      { intervalS: 60, zone: 'Europe/Berlin' },
    );
    const text = visibleText(out.blocks);
    expect(text).toContain('Failure alerts are *on* in <#C1> (turned on by <@U1>); Omni is checked every 60 s.');
    expect(text).toContain('(1 Omni call)');
    expect(text).toContain('*Failing now (17)*');
    expect(text).toContain('A &lt;b&gt; &amp; c');
    expect(text).toContain('…and 2 more');
  });

  it('a failed check shows its error; nothing failing says so', () => {
    const out = buildAlertsStatus(
      { enabled: true, channelId: 'C1', lastCheck: { at: AT, omniCalls: 0, error: 'Omni refused' }, failing: [] },
      { intervalS: 300 },
    );
    const text = visibleText(out.blocks);
    expect(text).toContain('failed: Omni refused');
    expect(text).toContain('Nothing is failing.');
  });
});

describe('the alert channel argument', () => {
  it('takes a channel Slack linked, an id, or the current channel', () => {
    expect(parseChannelArgument('<#C0123ABC|alerts>', 'CHERE')).toBe('C0123ABC');
    expect(parseChannelArgument('<#C0123ABC>', 'CHERE')).toBe('C0123ABC');
    expect(parseChannelArgument('C0123ABCD', 'CHERE')).toBe('C0123ABCD');
    expect(parseChannelArgument(undefined, 'CHERE')).toBe('CHERE');
  });

  it('refuses a bare #name with how to pick it', () => {
    expect(() => parseChannelArgument('#alerts', 'CHERE')).toThrow(UsageError);
    expect(() => parseChannelArgument('#alerts', 'CHERE')).toThrow(/pick it from the list/);
  });
});
