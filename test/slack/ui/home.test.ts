import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds } from '../../../src/ids.js';
import { countSchedules, failingFirst } from '../../../src/schedules/schedule-state.js';
import { buildHomeView } from '../../../src/slack/ui/home.js';
import { actionIds, visibleText } from '../../support/block-text.js';
import { everyDestination, failed, paused, scheduleView, systemDisabled } from '../../support/schedule-fixtures.js';

const updatedAt = new Date('2025-05-01T10:00:00Z');

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

  it('shows the connection, counts with failing first, and failing schedules on top', () => {
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
      schedules: { counts: countSchedules(all), rows: failingFirst(all) },
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
    const order = ['*Broke*', '*Off*', '*Fine*', '*Held*'].map((n) => text.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text.indexOf(':rotating_light: Failing')).toBeLessThan(order[0] ?? 0);
    expect(actionIds(view)).toContain(ActionIds.scheduleRowOverflow);
    expect(actionIds(view).slice(0, 2)).toEqual([ActionIds.refreshHomeButton, ActionIds.openCreateButton]);
  });

  it('invites to create the first schedule when there is none', () => {
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'http://127.0.0.1:4010' },
      schedules: { counts: countSchedules([]), rows: [] },
      updatedAt,
    });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain('No schedules yet.');
  });

  it('stays under 100 blocks with a large organization, and says how much it shows', () => {
    const all = Array.from({ length: 1000 }, (_, i) =>
      i % 7 === 0 ? failed() : i % 5 === 0 ? paused() : scheduleView(),
    );
    const view = buildHomeView({
      connection: { connected: true, baseUrl: 'https://x.omniapp.co' },
      schedules: {
        counts: countSchedules(all),
        rows: failingFirst([...all, ...everyDestination()]),
        countedUpTo: 1000,
      },
      notice: '<@U1> paused *Weekly*',
      updatedAt,
    });
    expectValidBlocks('home', view);
    expect(visibleText(view)).toContain('Showing 20 of 1000');
    expect(visibleText(view)).toContain('(counted the first 1000)');
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
