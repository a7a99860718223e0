// The dispatcher's answers for each outcome of a subcommand, with stand-in subcommands.

import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it, vi } from 'vitest';
import { MemoryRateBudget } from '../../../src/coordination/rate-budget.js';
import { SlackBudget } from '../../../src/coordination/slack-budget.js';
import { OmniApiError } from '../../../src/omni/index.js';
import { AuditLog } from '../../../src/slack/audit.js';
import { dispatchScheduleCommand } from '../../../src/slack/commands/dispatch.js';
import { type Subcommand, UsageError } from '../../../src/slack/commands/types.js';
import type { AppDeps } from '../../../src/slack/deps.js';
import { createInteraction } from '../../../src/slack/interaction.js';

// Hoisted with vi.mock: the stand-in subcommands replace the real list.
const { ran, behaviour, stand } = vi.hoisted(() => {
  const ran = vi.fn();
  const behaviour: { fail?: unknown } = {};
  const stand = (name: string, o: Partial<Subcommand> = {}): Subcommand => ({
    name,
    usage: `/schedule ${name} <schedule-id>`,
    summary: name,
    access: 'member',
    needsConnection: true,
    async run(ctx) {
      ran(name, ctx.args, ctx.rest);
      if (behaviour.fail) throw behaviour.fail;
      await ctx.respond({ text: `${name} done` });
    },
    ...o,
  });
  return { ran, behaviour, stand };
});

vi.mock('../../../src/slack/commands/subcommands.js', () => {
  const list = [
    stand('run', { aliases: ['trigger'], audit: 'run' }),
    stand('connect', { access: 'admin', needsConnection: false, audit: 'connect' }),
    stand('show'),
  ];
  return {
    subcommands: list,
    findSubcommand: (name: string) => list.find((s) => s.name === name || s.aliases?.includes(name)),
  };
});

function setup(user: Record<string, unknown>, connected = true) {
  const texts: string[] = [];
  const audit: string[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() } as unknown as Logger;
  const deps = {
    config: { install: 'oauth' },
    store: {
      cache: () => ({ get: async () => undefined, set: async () => {} }),
      connections: { get: async () => (connected ? { baseUrl: 'https://x', apiKey: 'k' } : undefined) },
    },
    audit: new AuditLog((l) => audit.push(l)),
    slackBudget: new SlackBudget(new MemoryRateBudget()),
  } as unknown as AppDeps;
  const client = { users: { info: async () => ({ ok: true, user }) } } as unknown as WebClient;
  const dispatch = (text: string) =>
    dispatchScheduleCommand({
      text,
      interaction: createInteraction({ deps, scope: { teamId: 'T1' }, userId: 'U1', client, logger }),
      respond: async (m) => {
        texts.push(typeof m === 'string' ? m : String(m.text));
        return new Response('ok');
      },
    });
  return { texts, audit, logger, dispatch };
}

describe('dispatchScheduleCommand', () => {
  it('finds a subcommand by name or alias, case-insensitively, and hands it the arguments', async () => {
    behaviour.fail = undefined;
    const { texts, dispatch } = setup({ id: 'U1' });
    await dispatch('TRIGGER  abc  <@U2|x y>');
    expect(ran).toHaveBeenLastCalledWith('run', ['abc', '<@U2|x y>'], 'abc  <@U2|x y>');
    expect(texts).toEqual(['run done']);
  });

  it("answers a usage error with its message and that subcommand's usage", async () => {
    behaviour.fail = new UsageError('`abc` is not a schedule id.');
    const { texts, dispatch } = setup({ id: 'U1' });
    await dispatch('run abc');
    // The usage line is escaped per Slack's rules, so Slack shows `<schedule-id>` as typed.
    expect(texts).toEqual(['`abc` is not a schedule id.\nUsage: `/schedule run &lt;schedule-id&gt;`']);
  });

  it("quotes Omni's refusal", async () => {
    behaviour.fail = new OmniApiError({
      operation: 'triggerSchedule',
      status: 404,
      detail: 'Scheduled task with id abc does not exist',
      method: 'POST',
      path: '/api/v1/schedules/abc/trigger',
      attempts: 1,
    });
    const { texts, dispatch } = setup({ id: 'U1' });
    await dispatch('run abc');
    expect(texts[0]).toMatch(/^Omni refused to run the schedule: Scheduled task with id abc does not exist\./);
  });

  it('logs an unexpected failure and gives a generic message', async () => {
    const bug = new TypeError('x is undefined');
    behaviour.fail = bug;
    const { texts, logger, dispatch } = setup({ id: 'U1' });
    await dispatch('run abc');
    expect(texts[0]).toMatch(/^Something went wrong on our side/);
    expect(logger.error).toHaveBeenCalledWith('/schedule run failed:', bug);
  });

  it('says the workspace is not connected before running a subcommand that needs Omni', async () => {
    behaviour.fail = undefined;
    ran.mockClear();
    const { texts, dispatch } = setup({ id: 'U1' }, false);
    await dispatch('run abc');
    expect(ran).not.toHaveBeenCalled();
    expect(texts[0]).toMatch(/A workspace admin must run `\/schedule connect` first/);
  });

  it('refuses admin subcommands to members and audits it; lets admins through', async () => {
    behaviour.fail = undefined;
    const member = setup({ id: 'U1' });
    await member.dispatch('connect');
    expect(member.texts[0]).toMatch(/^Only workspace admins and owners/);
    expect(JSON.parse(member.audit[0] as string)).toMatchObject({
      action: 'connect',
      outcome: 'refused',
      user: 'U1',
      workspace: 'team:T1',
    });
    const admin = setup({ id: 'U1', is_admin: true });
    await admin.dispatch('connect');
    expect(admin.texts).toEqual(['connect done']);
  });

  it('refuses guests every subcommand and audits refused changes, with the schedule they named', async () => {
    behaviour.fail = undefined;
    ran.mockClear();
    const guest = setup({ id: 'U1', is_restricted: true });
    await guest.dispatch('trigger 61A8E93B-71F4-4CDA-B1F9-A91AA0AD05BC');
    await guest.dispatch('show 61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc');
    expect(ran).not.toHaveBeenCalled();
    expect(guest.texts).toEqual([
      expect.stringMatching(/^Guests cannot use Omni schedules/),
      expect.stringMatching(/^Guests cannot use Omni schedules/),
    ]);
    // Showing a card changes nothing: only the run is audited.
    expect(guest.audit.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        action: 'run',
        schedule: '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc',
        outcome: 'refused',
        user: 'U1',
        workspace: 'team:T1',
        detail: 'guest',
      }),
    ]);
  });

  it('answers an unknown subcommand with one line and every usage', async () => {
    const { texts, dispatch } = setup({ id: 'U1' });
    await dispatch('<!channel> hi');
    expect(texts[0]).toBe(
      '`!channel` is not a /schedule subcommand. Try one of these:\n• `/schedule run &lt;schedule-id&gt;`\n• `/schedule connect &lt;schedule-id&gt;`\n• `/schedule show &lt;schedule-id&gt;`',
    );
  });
});
