import { describe, expect, it } from 'vitest';
import { parseUsersCommand, tokenizeUsersArgs } from '../../../src/slack/commands/users-args.js';

describe('/schedule users sub-parser', () => {
  it('keeps mentions and quoted values whole', () => {
    expect(tokenizeUsersArgs('add <@U1|Doe, Jane> title="Head of Sales" “x y” region=EU,US')).toEqual([
      'add',
      '<@U1|Doe, Jane>',
      'title=Head of Sales',
      'x y',
      'region=EU,US',
    ]);
  });

  it('splits people from attribute assignments; an empty value is kept (it unsets)', () => {
    expect(parseUsersCommand('set <@U1> ann@x.co region= is_admin=1')).toEqual({
      ok: true,
      command: {
        action: 'set',
        recipients: ['<@U1>', 'ann@x.co'],
        assignments: [
          { name: 'region', text: '' },
          { name: 'is_admin', text: '1' },
        ],
      },
    });
    expect(parseUsersCommand('sync <#C1|team>')).toEqual({
      ok: true,
      command: { action: 'sync', recipients: ['<#C1|team>'], assignments: [] },
    });
  });

  it('reads mappings and policies', () => {
    expect(parseUsersCommand('map region=title dept=')).toEqual({
      ok: true,
      command: {
        action: 'map',
        changes: [
          { attribute: 'region', field: 'title' },
          { attribute: 'dept', field: '' },
        ],
      },
    });
    expect(parseUsersCommand('map "cost center"=Department')).toMatchObject({ ok: false });
    expect(parseUsersCommand('policy email-only guests:on external=off')).toEqual({
      ok: true,
      command: {
        action: 'policy',
        patch: { nonMemberPolicy: 'email_only_user', includeGuests: true, includeExternal: false },
      },
    });
    expect(parseUsersCommand('')).toEqual({ ok: true, command: { action: 'help' } });
  });

  it('says what is wrong', () => {
    expect(parseUsersCommand('set <@U1>')).toEqual({
      ok: false,
      error: '`users set` needs at least one `attribute=value` (an empty value unsets it).',
    });
    expect(parseUsersCommand('add region=EU')).toEqual({
      ok: false,
      error: 'Name who (a @person or an email) for `users add`.',
    });
    expect(parseUsersCommand('sync <#C1> region=EU').ok).toBe(false);
    expect(parseUsersCommand('policy guests:maybe')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is not a policy/),
    });
    expect(parseUsersCommand('purge')).toEqual({ ok: false, error: '`purge` is not a `/schedule users` command.' });
  });
});
