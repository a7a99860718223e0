import { describe, expect, it } from 'vitest';
import {
  parseRecipientText,
  parseRecipientToken,
  parseRecipientTokens,
  pickedInputs,
} from '../../src/recipients/index.js';

describe('parsing recipients', () => {
  it('reads Slack’s escaped mentions of people, channels and user groups, with or without labels', () => {
    expect(
      parseRecipientTokens(['<@U123ABC|maria>', '<@W0ENT1>', '<#C42SALES|sales-leads>', '<#C42OPS>']).inputs,
    ).toEqual([
      { kind: 'user', id: 'U123ABC' },
      { kind: 'user', id: 'W0ENT1' },
      { kind: 'channel', id: 'C42SALES' },
      { kind: 'channel', id: 'C42OPS' },
    ]);
    expect(parseRecipientToken('<!subteam^S0FIN1|@finance-team>')).toEqual({
      ok: true,
      input: { kind: 'usergroup', id: 'S0FIN1' },
    });
    expect(parseRecipientToken('<!subteam^S0FIN1>')).toEqual({ ok: true, input: { kind: 'usergroup', id: 'S0FIN1' } });
  });

  it('reads plain emails, Slack’s mailto links and bare ids', () => {
    const { inputs, invalid } = parseRecipientTokens([
      'ann@example.com',
      '<mailto:bob@example.com|bob@example.com>',
      'U0BARE123',
      'C0BARE123',
      'S0BARE123',
    ]);
    expect(invalid).toEqual([]);
    expect(inputs).toEqual([
      { kind: 'email', email: 'ann@example.com' },
      { kind: 'email', email: 'bob@example.com' },
      { kind: 'user', id: 'U0BARE123' },
      { kind: 'channel', id: 'C0BARE123' },
      { kind: 'usergroup', id: 'S0BARE123' },
    ]);
  });

  it('splits on commas and semicolons outside mentions, and drops trailing punctuation', () => {
    expect(parseRecipientTokens(['a@x.co,b@y.co;', '<@U1ABCDEF|Doe, Jane>,']).inputs).toEqual([
      { kind: 'email', email: 'a@x.co' },
      { kind: 'email', email: 'b@y.co' },
      { kind: 'user', id: 'U1ABCDEF' },
    ]);
    expect(parseRecipientText('a@x.co, <@U1ABCDEF|Doe, Jane>  c@z.co').inputs).toHaveLength(3);
  });

  it('says why something is not a recipient', () => {
    const { invalid } = parseRecipientTokens(['@maria', 'bob', 'bob@', '<!here>', '<!channel>']);
    expect(invalid.map((s) => [s.who, s.code])).toEqual([
      [{ kind: 'text', text: '@maria' }, 'invalid'],
      [{ kind: 'text', text: 'bob' }, 'invalid'],
      [{ kind: 'text', text: 'bob@' }, 'invalid'],
      [{ kind: 'text', text: '!here' }, 'invalid'],
      [{ kind: 'text', text: '!channel' }, 'invalid'],
    ]);
    expect(invalid[0]?.reason).toMatch(/plain text, not as a Slack mention/);
    expect(invalid[1]?.reason).toMatch(/not a Slack mention .* or an email address/);
    expect(invalid[2]?.reason).toBe('is not a valid email address');
    expect(invalid[3]?.reason).toMatch(/name the channel itself/);
  });

  it('turns a form’s picks and pasted text into the same inputs', () => {
    const { inputs, invalid } = pickedInputs({
      userIds: ['U1'],
      conversationIds: ['C1'],
      usergroupIds: ['S1'],
      text: 'x@y.co; nope',
    });
    expect(inputs).toEqual([
      { kind: 'user', id: 'U1' },
      { kind: 'channel', id: 'C1' },
      { kind: 'usergroup', id: 'S1' },
      { kind: 'email', email: 'x@y.co' },
    ]);
    expect(invalid.map((s) => s.who)).toEqual([{ kind: 'text', text: 'nope' }]);
  });
});
