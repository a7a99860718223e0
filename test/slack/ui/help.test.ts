import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds } from '../../../src/ids.js';
import { buildHelpMessage, type HelpInput } from '../../../src/slack/ui/help.js';

const subcommands = [
  { usage: '/schedule help', summary: 'what this app does' },
  { usage: '/schedule list [words]', summary: 'find schedules' },
];

function actionIds(input: HelpInput): string[] {
  const actions = buildHelpMessage(input).blocks.find((b) => b.type === 'actions');
  return actions && 'elements' in actions
    ? actions.elements.map((e) => String((e as { action_id?: string }).action_id))
    : [];
}

describe('buildHelpMessage', () => {
  it('is short by default: the five things people do most, escaped, and a button for every command', () => {
    const message = buildHelpMessage({ subcommands, connection: 'https://x', isAdmin: false, canList: true });
    expectValidBlocks('message', message);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*What people do most*');
    expect(text).toContain('*See one, with its buttons*: `/schedule show &lt;name or id&gt;`');
    expect(text).not.toContain('find schedules');
    expect(text).toContain('"value":"help all"');
  });

  it('`help all` lists every subcommand with its usage and summary', () => {
    const message = buildHelpMessage({
      subcommands,
      connection: 'https://x.omniapp.co',
      isAdmin: false,
      canList: true,
      all: true,
    });
    expectValidBlocks('message', message);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('`/schedule help` what this app does');
    expect(text).toContain('`/schedule list [words]` find schedules');
    expect(text).toContain('Connected to Omni at https://x.omniapp.co.');
  });

  it('offers Connect to an admin when not connected, and nothing that would fail', () => {
    expect(actionIds({ subcommands, connection: undefined, isAdmin: true, canList: true })).toEqual([
      ActionIds.openConnectButton,
      `${ActionIds.runSubcommandButton}:all`,
    ]);
  });

  it('tells a member who is not connected to ask an admin, with no button but All commands', () => {
    const input: HelpInput = { subcommands, connection: undefined, isAdmin: false, canList: true };
    expect(actionIds(input)).toEqual([`${ActionIds.runSubcommandButton}:all`]);
    expect(JSON.stringify(buildHelpMessage(input).blocks)).toContain(
      'Ask a workspace admin to run `/schedule connect`',
    );
  });

  it('offers Create and List once connected (List only when a list subcommand exists)', () => {
    // Create, List schedules, My schedules, All commands.
    expect(actionIds({ subcommands, connection: 'https://x', isAdmin: true, canList: true })).toEqual([
      ActionIds.openCreateButton,
      ActionIds.runSubcommandButton,
      `${ActionIds.runSubcommandButton}:mine`,
      `${ActionIds.runSubcommandButton}:all`,
    ]);
    expect(actionIds({ subcommands, connection: 'https://x', isAdmin: false, canList: false, all: true })).toEqual([
      ActionIds.openCreateButton,
    ]);
  });

  it('says when the connection could not be checked', () => {
    const message = buildHelpMessage({ subcommands, connection: 'unknown', isAdmin: true, canList: true });
    expect(JSON.stringify(message.blocks)).toContain('could not be checked');
  });

  it('splits a long command list over sections within Slack limits', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      usage: `/schedule cmd${i} ${'<arg> '.repeat(10)}`,
      summary: 'x'.repeat(120),
    }));
    const message = buildHelpMessage({
      subcommands: many,
      connection: 'https://x',
      isAdmin: true,
      canList: true,
      all: true,
    });
    expectValidBlocks('message', message);
    expect(message.blocks.filter((b) => b.type === 'section').length).toBeGreaterThan(2);
  });

  it('escapes the Omni URL', () => {
    const message = buildHelpMessage({
      subcommands,
      connection: 'https://x/<!channel>',
      isAdmin: false,
      canList: false,
    });
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
  });
});
