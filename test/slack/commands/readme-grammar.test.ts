// The README's `/schedule` grammar and `/schedule help all` say the same: every usage line of one is a
// usage line of the other. README lines may join subcommands that share their arguments
// (`pause|resume|delete <name or id>`) and add a few words after two or more spaces; help lists one
// line per subcommand, escaped for Slack.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subcommands } from '../../../src/slack/commands/subcommands.js';
import { buildHelpMessage } from '../../../src/slack/ui/help.js';
import { visibleText } from '../../support/block-text.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The code block under "## The `/schedule` command". */
function readmeGrammarBlock(): string[] {
  const section = README.split('\n## The `/schedule` command\n')[1];
  const block = section?.split('```')[1];
  if (!block) throw new Error('the README has no grammar block under "## The `/schedule` command"');
  return block.split('\n').slice(1); // the opening fence's own line
}

/** Usage lines of the README block: continuations joined, notes after two spaces dropped, `a|b` names split. */
function readmeUsages(lines: readonly string[]): string[] {
  const entries: { usage: string; noted: boolean }[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [usage = '', ...note] = line.trim().split(/\s{2,}/);
    const last = entries.at(-1);
    if (!line.startsWith('/schedule')) {
      // A continuation: of the usage itself, unless the line above already went on to its note.
      if (last && !last.noted) {
        last.usage = `${last.usage} ${usage}`;
        last.noted = note.length > 0;
      }
      continue;
    }
    entries.push({ usage, noted: note.length > 0 });
  }
  return entries.flatMap(({ usage }) => {
    const [command, names = '', ...args] = usage.split(' ');
    return names.split('|').map((name) => [command, name, ...args].filter((w) => w !== '').join(' '));
  });
}

/** Usage lines as `help all` shows them: each starts a line in code style; Slack's escapes undone. */
function helpAllUsages(): string[] {
  const help = buildHelpMessage({
    subcommands,
    connection: 'https://myorg.omniapp.co',
    isAdmin: true,
    canList: true,
    all: true,
  });
  return visibleText(help.blocks)
    .split('\n')
    .map((line) => /^`(\/schedule[^`]*)`/.exec(line)?.[1])
    .filter((usage): usage is string => usage !== undefined)
    .map((usage) => usage.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
}

describe("the README's /schedule grammar", () => {
  it('reads its block: continuations, notes and joined names', () => {
    expect(
      readmeUsages([
        '/schedule list [words] [mine]',
        '               [sort:name] [asc|desc]',
        '/schedule pause|resume <name or id>   a note',
        '                                      that goes on',
      ]),
    ).toEqual([
      '/schedule list [words] [mine] [sort:name] [asc|desc]',
      '/schedule pause <name or id>',
      '/schedule resume <name or id>',
    ]);
  });

  it('lists exactly what `help all` lists (bare `/schedule` is help)', () => {
    const readme = readmeUsages(readmeGrammarBlock()).filter((usage) => usage !== '/schedule');
    const help = helpAllUsages();
    expect(help).toHaveLength(subcommands.length);
    expect(new Set(readme)).toEqual(new Set(help));
    expect(readme).toHaveLength(help.length);
  });
});
