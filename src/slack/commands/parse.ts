// Pure parsing of `/schedule` text (the grammar: README, "The `/schedule` command"). Slack sends mentions
// escaped, e.g. `<@U123|maria>`, `<#C123|general>`, `<!subteam^S123|@ops>`, `<mailto:a@b.co|a@b.co>` and
// `<https://…|label>`; labels may contain spaces, so a token never ends inside `<…>`. Double quotes (straight or curly) group words.

export interface ParsedCommand {
  /** The subcommand, lower-cased; '' for a bare `/schedule`. */
  name: string;
  /** The arguments after the subcommand. */
  args: string[];
  /** The text after the subcommand, as typed (trimmed). */
  rest: string;
}

const OPEN_QUOTES = new Set(['"', '\u201c', '\u201e']);
const CLOSE_QUOTES = new Set(['"', '\u201d', '\u201c']);

/** Splits on white space, keeping `<…>` escapes and quoted phrases whole (quotes removed). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '<') {
      const end = text.indexOf('>', i + 1);
      if (end !== -1) {
        current += text.slice(i, end + 1);
        inToken = true;
        i = end + 1;
        continue;
      }
    }
    if (OPEN_QUOTES.has(ch) && !inToken) {
      const end = findClosingQuote(text, i + 1);
      if (end !== -1) {
        tokens.push(text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
    i += 1;
  }
  if (inToken) tokens.push(current);
  return tokens;
}

function findClosingQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j += 1) {
    if (CLOSE_QUOTES.has(text[j] as string)) return j;
  }
  return -1;
}

/** `/schedule` text → subcommand name, arguments and the rest as typed. */
export function parseCommandText(text: string | undefined): ParsedCommand {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { name: '', args: [], rest: '' };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed) as RegExpExecArray;
  const first = match[1] as string;
  const rest = (match[2] as string).trim();
  return { name: first.toLowerCase(), args: tokenize(rest), rest };
}
