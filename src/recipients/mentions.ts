// Turns what someone typed after `/schedule add <id>` (or pasted into a form) into recipient inputs.
// Slack escapes mentions in commands (manifest `should_escape: true`): `<@U123|maria>`, `<#C123|sales>`,
// `<!subteam^S123|@finance>`, `<mailto:a@b.co|a@b.co>`. Plain emails and bare ids are accepted too.
import { z } from 'zod';
import type { RecipientInput, Skipped } from './types.js';

const USER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
const USERGROUP = /^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$/;
const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;
const SPECIAL = /^<!(here|channel|everyone)(?:\|[^>]*)?>$|^@(here|channel|everyone)$/;
const BARE_USER = /^[UW][A-Z0-9]{6,}$/;
const BARE_CHANNEL = /^C[A-Z0-9]{6,}$/;
const BARE_USERGROUP = /^S[A-Z0-9]{6,}$/;

const Email = z.email();

export function isEmailAddress(text: string): boolean {
  return Email.safeParse(text).success;
}

export type ParsedToken = { ok: true; input: RecipientInput } | { ok: false; skipped: Skipped };

/** One token (a mention, an email, an id) → an input, or why it is not one. */
export function parseRecipientToken(raw: string): ParsedToken {
  const token = raw.trim().replace(/[,;]+$/, '');
  const user = USER.exec(token);
  if (user) return { ok: true, input: { kind: 'user', id: user[1] as string } };
  const channel = CHANNEL.exec(token);
  if (channel) return { ok: true, input: { kind: 'channel', id: channel[1] as string } };
  const group = USERGROUP.exec(token);
  if (group) return { ok: true, input: { kind: 'usergroup', id: group[1] as string } };
  const mailto = MAILTO.exec(token);
  const address = mailto ? (mailto[1] as string).trim() : token;
  if (isEmailAddress(address)) return { ok: true, input: { kind: 'email', email: address } };
  if (BARE_USER.test(token)) return { ok: true, input: { kind: 'user', id: token } };
  if (BARE_CHANNEL.test(token)) return { ok: true, input: { kind: 'channel', id: token } };
  if (BARE_USERGROUP.test(token)) return { ok: true, input: { kind: 'usergroup', id: token } };
  return { ok: false, skipped: { who: { kind: 'text', text: shown(token) }, code: 'invalid', reason: whyNot(token) } };
}

/** Many tokens (commas and semicolons also separate) → inputs in order, and those that are none. */
export function parseRecipientTokens(tokens: readonly string[]): { inputs: RecipientInput[]; invalid: Skipped[] } {
  const inputs: RecipientInput[] = [];
  const invalid: Skipped[] = [];
  for (const token of tokens.flatMap(splitSeparators)) {
    const parsed = parseRecipientToken(token);
    if (parsed.ok) inputs.push(parsed.input);
    else invalid.push(parsed.skipped);
  }
  return { inputs, invalid };
}

/** Free text, e.g. a form's "other addresses" field: split on white space, commas and semicolons. */
export function parseRecipientText(text: string): { inputs: RecipientInput[]; invalid: Skipped[] } {
  return parseRecipientTokens(splitMentionsAware(text));
}

/** `a@x.co,b@y.co` → two tokens; a mention's label may hold commas, so `<…>` is never split. */
function splitSeparators(token: string): string[] {
  if (token.startsWith('<')) return [token];
  return token.split(/[,;]+/).filter((part) => part.trim() !== '');
}

function splitMentionsAware(text: string): string[] {
  return text.match(/<[^>]*>|[^\s,;<]+/g) ?? [];
}

function whyNot(token: string): string {
  if (SPECIAL.test(token)) {
    return 'is not a list of people: name the channel itself (e.g. #sales) to add its members';
  }
  if (/^[@#]/.test(token)) {
    return 'reached the app as plain text, not as a Slack mention: pick the person, channel or group from Slack’s suggestions as you type';
  }
  if (token.includes('@')) return 'is not a valid email address';
  return 'is not a Slack mention (@person, #channel, @group) or an email address';
}

/** For echoing input back: short, without characters Slack would interpret. */
function shown(token: string): string {
  const plain = token.replace(/[<>&`*_~]/g, '');
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
