// The people features' pure pieces in the Slack layer: argument parsing, button values, workspace keys,
// and the prompts (remove-everywhere, transfer, follow picker) as Slack would accept them.
import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { PeopleActionIds } from '../../src/ids.js';
import { followSourceArg } from '../../src/slack/commands/follow.js';
import { UsageError } from '../../src/slack/commands/types.js';
import { parsePersonValue } from '../../src/slack/people/buttons.js';
import { personFromArg } from '../../src/slack/people/person-arg.js';
import { scopeOfWorkspaceKey } from '../../src/slack/people/services.js';
import { buildFollowPicker, followScheduleOf } from '../../src/slack/ui/follow-label.js';
import { buildRemoveEverywherePrompt } from '../../src/slack/ui/remove-everywhere.js';
import { buildTransferOwnerPrompt, transferEmailOf } from '../../src/slack/ui/transfer-owner.js';
import { workspaceKey } from '../../src/store/index.js';
import { actionIds, visibleText } from '../support/block-text.js';

describe('naming people and sources', () => {
  // Emails and mailto links need no Slack call; mentions are covered end to end.
  const noSlack = {} as Parameters<typeof personFromArg>[0];

  it('takes an email as typed, or from a mailto link, and refuses anything else', async () => {
    await expect(personFromArg(noSlack, 'Ann@Example.com')).resolves.toEqual({ email: 'Ann@Example.com' });
    await expect(personFromArg(noSlack, '<mailto:ann@example.com|ann@example.com>')).resolves.toEqual({
      email: 'ann@example.com',
    });
    await expect(personFromArg(noSlack, 'ann')).rejects.toThrow(UsageError);
    await expect(personFromArg(noSlack, undefined)).rejects.toThrow('Name someone: a @person or an email.');
  });

  it('reads a #channel or @group to follow', () => {
    expect(followSourceArg('<#C0SALES01|sales>')).toEqual({ kind: 'channel', id: 'C0SALES01' });
    expect(followSourceArg('<!subteam^S0TEAM001|@team>')).toEqual({ kind: 'usergroup', id: 'S0TEAM001' });
    expect(() => followSourceArg('<@U0ANN0001>')).toThrow('Name what to follow: a #channel or a @group.');
  });

  it('reads button values the departure message wrote, and refuses others', () => {
    expect(parsePersonValue('{"e":"ann@example.com"}')).toEqual({ e: 'ann@example.com' });
    expect(parsePersonValue('{"s":"id-1","e":"ann@example.com"}')).toEqual({ e: 'ann@example.com', s: 'id-1' });
    expect(() => parsePersonValue('{"e":"nobody"}')).toThrow(UsageError);
    expect(() => parsePersonValue('not json')).toThrow(UsageError);
  });

  it('turns a workspace key back into its scope', () => {
    for (const scope of [
      { teamId: 'T0001', isEnterpriseInstall: false },
      { enterpriseId: 'E0001', isEnterpriseInstall: true },
    ]) {
      expect(scopeOfWorkspaceKey(workspaceKey(scope))).toEqual(scope);
    }
    expect(() => scopeOfWorkspaceKey('nonsense')).toThrow('Not a workspace key');
  });
});

describe('prompts', () => {
  const report = (n: number) => ({
    email: 'ann@example.com',
    omniUserId: null,
    receives: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Report <${i}>` })),
    owns: [{ id: 'o1', name: 'Owned' }],
    asOf: '2026-01-05T09:00:00.000Z',
    complete: true,
  });

  it('remove-everywhere names the count on the button and in its confirmation', () => {
    const prompt = buildRemoveEverywherePrompt({ email: 'ann@example.com' }, report(25));
    expectValidBlocks('message', prompt.blocks);
    expect(prompt.text).toBe('ann@example.com receives 25 schedules.');
    const text = visibleText(prompt.blocks);
    expect(text).toContain('Report &lt;0&gt;');
    expect(text).toContain('…and 5 more.');
    expect(text).toContain('They also own 1 schedule, which stay theirs.');
    expect(actionIds(prompt.blocks)).toEqual([PeopleActionIds.removeFromAll]);
    expect(JSON.stringify(prompt.blocks)).toContain('Remove from all 25');
  });

  it('remove-everywhere with nothing to remove offers no button', () => {
    const prompt = buildRemoveEverywherePrompt({ email: 'ann@example.com' }, report(0));
    expect(prompt.text).toBe('ann@example.com receives no schedule the app knows of: nothing to remove.');
    expect(actionIds(prompt.blocks)).toEqual([]);
  });

  it('transfer asks for the new owner in a block that says whose schedules move', () => {
    const prompt = buildTransferOwnerPrompt('ann@example.com', 3);
    expectValidBlocks('message', prompt.blocks);
    expect(prompt.text).toContain('Who takes over the 3 schedules ann@example.com owns?');
    const blockId = (prompt.blocks[0] as { block_id: string }).block_id;
    expect(transferEmailOf(blockId)).toBe('ann@example.com');
    expect(transferEmailOf('schedule_card_actions')).toBeUndefined();
  });

  it('the follow picker carries its schedule id', () => {
    const picker = buildFollowPicker('0f0e0d0c-0b0a-4909-8807-060504030201');
    expectValidBlocks('message', [picker]);
    expect(followScheduleOf((picker as { block_id: string }).block_id)).toBe('0f0e0d0c-0b0a-4909-8807-060504030201');
    expect(followScheduleOf(undefined)).toBeUndefined();
  });
});
