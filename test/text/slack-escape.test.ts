import { describe, expect, it } from 'vitest';
import { escapeSlackText, slackText } from '../../src/text/slack-escape.js';

describe('escapeSlackText', () => {
  it('turns &, < and > into the entities Slack asks for, and nothing else', () => {
    expect(escapeSlackText('Sales & Ops <weekly> -> *bold* _it_')).toBe(
      'Sales &amp; Ops &lt;weekly&gt; -&gt; *bold* _it_',
    );
    expect(escapeSlackText('⚡️🍣 Query')).toBe('⚡️🍣 Query');
    expect(escapeSlackText('')).toBe('');
  });

  it('shows usage placeholders as typed instead of as a broken link', () => {
    expect(escapeSlackText('/schedule show <name or id>')).toBe('/schedule show &lt;name or id&gt;');
  });

  it.each([
    ['<!channel> report', '&lt;!channel&gt; report'],
    ['<!here>', '&lt;!here&gt;'],
    ['<!everyone>', '&lt;!everyone&gt;'],
    ['for <@U0123ABCD>', 'for &lt;@U0123ABCD&gt;'],
    ['<!subteam^S123|@ops>', '&lt;!subteam^S123|@ops&gt;'],
    ['<https://evil.example|Click>', '&lt;https://evil.example|Click&gt;'],
    ['<!date^1700000000^{date}|x>', '&lt;!date^1700000000^{date}|x&gt;'],
  ])('neutralises the Slack command in %s', (omniName, shown) => {
    const escaped = escapeSlackText(omniName);
    expect(escaped).toBe(shown);
    expect(escaped).not.toMatch(/[<>]/);
  });

  it('escapes text that already holds entities again, so it shows as typed', () => {
    expect(escapeSlackText('&lt;b&gt; &amp;')).toBe('&amp;lt;b&amp;gt; &amp;amp;');
  });
});

describe('slackText', () => {
  it('escapes the values and keeps the template markup', () => {
    const name = 'Q&A <!here>';
    expect(slackText`*${name}* runs ${3} times`).toBe('*Q&amp;A &lt;!here&gt;* runs 3 times');
  });
});
