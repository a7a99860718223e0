import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds, WatchActionIds } from '../../../src/ids.js';
import { countSchedules, isFailing } from '../../../src/schedules/schedule-state.js';
import type { ScheduleView } from '../../../src/schedules/schedule-view.js';
import { buildHomeView, HOME_SECTION_ROWS, type HomeSchedules } from '../../../src/slack/ui/home.js';
import { actionIds, visibleText } from '../../support/block-text.js';
import { everyDestination, failed, paused, scheduleView, systemDisabled } from '../../support/schedule-fixtures.js';

const updatedAt = new Date('2025-05-01T10:00:00Z');

function sections(
  all: ScheduleView[],
  parts: { yours: ScheduleView[]; receiving: ScheduleView[]; failing: ScheduleView[] },
): HomeSchedules {
  return {
    counts: countSchedules(all),
    yours: { schedules: parts.yours },
    receiving: { schedules: parts.receiving },
    failing: { schedules: parts.failing },
  };
}

describe('App Home', () => {
  it('offers admins a Connect button when the workspace is not connected', () => {
    const view = buildHomeView({ connection: { connected: false, canConnect: true }, updatedAt });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain('*Not connected to Omni.*');
    expect(actionIds(view)).toEqual([ActionIds.openConnectButton]);
  });

  it('tells members to ask an admin, without a Connect button', () => {
    const view = buildHomeView({ connection: { connected: false, canConnect: false }, updatedAt });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain('A workspace admin or owner can connect it with `/schedule connect`');
    expect(actionIds(view)).toEqual([]);
  });

  it('shows the connection, counts by state that add up, and the three sections with failing rows first', () => {
    const all = [
      scheduleView({ name: 'Fine' }),
      paused({ name: 'Held' }),
      failed({ name: 'Broke' }),
      systemDisabled({ name: 'Off' }),
    ];
    const view = buildHomeView({
      connection: {
        connected: true,
        baseUrl: 'https://blobsrus.omniapp.co',
        connectedBy: 'U1',
        connectedAt: '2025-04-01T00:00:00Z',
      },
      schedules: sections(all, { yours: all, receiving: [], failing: all.filter(isFailing) }),
      updatedAt,
    });
    expectValidBlocks('home', view);
    const text = visibleText(view);
    expect(text).toContain(':large_green_circle: Connected to *https://blobsrus.omniapp.co* by <@U1>');
    expect(text.indexOf(':rotating_light: *Failing*\n2')).toBeLessThan(
      text.indexOf(':no_entry: *Disabled by Omni*\n1'),
    );
    expect(text).toContain(':double_vertical_bar: *Paused*\n1');
    expect(text).toContain(':arrow_forward: *Active*\n2');
    // The states add up to the total; failing is said to overlap them.
    expect(text).toContain('4 schedules in Omni: 1 disabled by Omni, 1 paused, 2 active. Failing counts those');
    expect(text).toContain('*For you:* 4 of yours · 0 you receive · 2 failing, of 4 in Omni.');
    const yours = text.indexOf(':bust_in_silhouette: Yours (4)');
    const receive = text.indexOf(':envelope_with_arrow: You receive (0)');
    const failing = text.indexOf(':rotating_light: Failing (2)');
    expect(yours).toBeGreaterThan(-1);
    expect(yours).toBeLessThan(receive);
    expect(receive).toBeLessThan(failing);
    // Within Yours, failing rows come first.
    const order = ['*Broke*', '*Off*', '*Fine*', '*Held*'].map((n) => text.indexOf(n, yours));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i < receive)).toBe(true);
    expect(text.slice(receive, failing)).toContain('No schedule delivers to your email.');
    expect(actionIds(view)).toContain(ActionIds.scheduleRowOverflow);
    expect(actionIds(view).slice(0, 2)).toEqual([ActionIds.refreshHomeButton, ActionIds.openCreateButton]);
  });

  it('counts each section on its own: a schedule in two sections is shown and counted in both', () => {
    const mine = failed({ id: 'mine-failing', name: 'Mine and broken' });
    const got = scheduleView({ id: 'received', name: 'Sent to me' });
    const other = scheduleView({ id: 'other', name: 'Someone else' });
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'https://x.omniapp.co' },
      schedules: sections([mine, got, other], { yours: [mine], receiving: [mine, got], failing: [mine] }),
      updatedAt,
    });
    expectValidBlocks('home', view);
    const text = visibleText(view);
    expect(text).toContain('*For you:* 1 of yours · 2 you receive · 1 failing, of 3 in Omni.');
    expect(text.split('*Mine and broken*')).toHaveLength(4); // under each of the three headings
    expect(text).not.toContain('*Someone else*');
    expect(text).not.toContain('Showing');
  });

  it('says why a section is empty when the viewer could not be matched', () => {
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'https://x.omniapp.co' },
      schedules: {
        ...sections([scheduleView()], { yours: [], receiving: [], failing: [] }),
        yours: { schedules: [], note: 'No Omni user has your email (maria@example.com).' },
      },
      updatedAt,
    });
    const text = visibleText(view);
    expect(text).toContain('No Omni user has your email (maria@example.com).');
    expect(text).toContain('You own no schedule in Omni.');
    expect(text).toContain(':white_check_mark: Nothing is failing.');
  });

  it('invites to create the first schedule when there is none', () => {
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'http://127.0.0.1:4010' },
      schedules: sections([], { yours: [], receiving: [], failing: [] }),
      updatedAt,
    });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain('No schedules yet.');
    expect(visibleText(view)).not.toContain('Yours');
  });

  it('stays under 100 blocks with a large organization, and each section says how much it shows', () => {
    const all = Array.from({ length: 1000 }, (_, i) =>
      i % 7 === 0 ? failed() : i % 5 === 0 ? paused() : scheduleView(),
    );
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'https://x.omniapp.co' },
      schedules: {
        ...sections(all, {
          yours: [...all.slice(0, 30), ...everyDestination()],
          receiving: all,
          failing: all.filter(isFailing),
        }),
        countedUpTo: 1000,
      },
      alerts: { enabled: true, channelId: 'C1', canChange: true },
      notice: '<@U1> paused *Weekly*',
      updatedAt,
    });
    expectValidBlocks('home', view);
    const text = visibleText(view);
    expect(text).toContain(
      `Showing ${HOME_SECTION_ROWS} of ${30 + everyDestination().length}. \`/schedule list mine\``,
    );
    expect(text).toContain(`Showing ${HOME_SECTION_ROWS} of 1000. \`/schedule list receiving\``);
    expect(text).toContain(`Showing ${HOME_SECTION_ROWS} of ${all.filter(isFailing).length}.`);
    expect(text).toContain('(counted the first 1000)');
    expect(text).toContain('of the first 1000 counted.');
  });

  it('says when the schedules could not be read, and keeps Refresh', () => {
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'https://x.omniapp.co' },
      error: 'Could not reach Omni (ECONNREFUSED).',
      updatedAt,
    });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain(':warning: Could not reach Omni (ECONNREFUSED).');
    expect(actionIds(view)).toContain(ActionIds.refreshHomeButton);
  });
});

describe('App Home for someone who may not use the app', () => {
  it('shows only the refusal', () => {
    const view = buildHomeView({
      connection: { connected: false, canConnect: false },
      refusal: 'Guests cannot use Omni schedules in this workspace.',
      updatedAt,
    });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain(':lock: Guests cannot use Omni schedules in this workspace.');
    expect(actionIds(view)).toEqual([]);
  });
});

describe('App Home: the failure-alerts line', () => {
  const connection = { connected: true as const, baseUrl: 'https://x.omniapp.co' };

  it('shows admins where alerts go, the last check, a channel picker and Turn off', () => {
    const view = buildHomeView({
      connection,
      alerts: {
        enabled: true,
        channelId: 'C0ALERTS1',
        lastCheck: { at: Date.parse('2025-05-01T09:55:00Z') },
        canChange: true,
      },
      updatedAt,
    });
    expectValidBlocks('home', view);
    const text = visibleText(view);
    expect(text).toContain(':bell: Failure alerts are *on* in <#C0ALERTS1>. Last checked <!date^1746093300^');
    expect(actionIds(view)).toEqual(
      expect.arrayContaining([WatchActionIds.homeAlertsChannel, WatchActionIds.homeAlertsOff]),
    );
  });

  it('offers admins only the picker while alerts are off', () => {
    const view = buildHomeView({ connection, alerts: { enabled: false, canChange: true }, updatedAt });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain(':no_bell: Failure alerts are *off*.');
    expect(actionIds(view)).toContain(WatchActionIds.homeAlertsChannel);
    expect(actionIds(view)).not.toContain(WatchActionIds.homeAlertsOff);
  });

  it('shows members the line without controls, and a failed last check', () => {
    const view = buildHomeView({
      connection,
      alerts: {
        enabled: true,
        channelId: 'C0ALERTS1',
        lastCheck: { at: Date.parse('2025-05-01T09:55:00Z'), error: 'Omni is not answering (503)' },
        canChange: false,
      },
      updatedAt,
    });
    const text = visibleText(view);
    expect(text).toContain('Failure alerts are *on* in <#C0ALERTS1>. :warning: The last check (');
    expect(text).toContain('failed: Omni is not answering (503)');
    expect(actionIds(view)).not.toContain(WatchActionIds.homeAlertsChannel);
    expect(actionIds(view)).not.toContain(WatchActionIds.homeAlertsOff);

    const off = buildHomeView({ connection, alerts: { enabled: false, canChange: false }, updatedAt });
    expect(visibleText(off)).toContain('An admin turns them on here or with `/schedule alerts on #channel`.');
    expect(actionIds(off)).toEqual([ActionIds.refreshHomeButton, ActionIds.openCreateButton]);
  });
});
