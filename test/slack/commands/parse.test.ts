import { describe, expect, it } from 'vitest';
import { parseCommandText, tokenize } from '../../../src/slack/commands/parse.js';

describe('parseCommandText', () => {
  it('treats a bare /schedule (or only spaces) as no subcommand', () => {
    expect(parseCommandText('')).toEqual({ name: '', args: [], rest: '' });
    expect(parseCommandText('   \n ')).toEqual({ name: '', args: [], rest: '' });
    expect(parseCommandText(undefined)).toEqual({ name: '', args: [], rest: '' });
  });

  it('lower-cases the subcommand and keeps the rest as typed', () => {
    expect(parseCommandText('  LIST  Weekly   Sales status:error ')).toEqual({
      name: 'list',
      args: ['Weekly', 'Sales', 'status:error'],
      rest: 'Weekly   Sales status:error',
    });
  });

  it('splits on any white space, newlines and tabs included', () => {
    expect(parseCommandText('add\tabc\n<@U1|ann>').args).toEqual(['abc', '<@U1|ann>']);
  });
});

describe('tokenize', () => {
  it('keeps Slack mentions whole, even when their label has spaces', () => {
    expect(tokenize('123 <@U012AB|Maria Lopez> <#C0ABC|general> <!subteam^S0G1|@data team>')).toEqual([
      '123',
      '<@U012AB|Maria Lopez>',
      '<#C0ABC|general>',
      '<!subteam^S0G1|@data team>',
    ]);
  });

  it('keeps escaped emails and links whole', () => {
    expect(tokenize('<mailto:ann@example.com|ann@example.com> <https://x.omniapp.co/a b|the link>')).toEqual([
      '<mailto:ann@example.com|ann@example.com>',
      '<https://x.omniapp.co/a b|the link>',
    ]);
  });

  it('keeps a plain URL whole', () => {
    expect(tokenize('show https://blobsrus.omniapp.co/dashboards/e23ebaa0/schedules/abc?x=1')).toEqual([
      'show',
      'https://blobsrus.omniapp.co/dashboards/e23ebaa0/schedules/abc?x=1',
    ]);
  });

  it('groups straight and curly quoted phrases and drops the quotes', () => {
    expect(tokenize('"weekly sales" \u201cnorth region\u201d done')).toEqual(['weekly sales', 'north region', 'done']);
  });

  it('leaves an unclosed quote or bracket as ordinary text', () => {
    expect(tokenize('"open quote')).toEqual(['"open', 'quote']);
    expect(tokenize('<@U1 broken')).toEqual(['<@U1', 'broken']);
  });

  it('glues text written against a mention into one token', () => {
    expect(tokenize('to:<@U1|a b>,x y')).toEqual(['to:<@U1|a b>,x', 'y']);
  });
});
