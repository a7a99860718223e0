// The `/schedule users …` sub-parser (pure): add, set, sync, map and policy, with `attr=value` pairs
// (quoted values may hold spaces: `title="Head of Sales"`; an empty value unsets).
import type { AttributeAssignment } from '../../recipients/index.js';
import type { WorkspaceSettingsPatch } from '../../store/index.js';

export type UsersCommand =
  | { action: 'help' }
  | { action: 'add' | 'set' | 'sync'; recipients: string[]; assignments: AttributeAssignment[] }
  | { action: 'map'; changes: { attribute: string; field: string }[] }
  | { action: 'policy'; patch: WorkspaceSettingsPatch };

export type UsersParse = { ok: true; command: UsersCommand } | { ok: false; error: string };

export const USERS_USAGE = [
  '/schedule users add <@person|#channel|@group|email>… [attribute=value …]',
  '/schedule users set <@person|email>… attribute=value … (an empty value unsets it)',
  '/schedule users sync <#channel|@group>…',
  '/schedule users map [<omni attribute>=<Slack profile field> …] (an empty field removes the mapping)',
  '/schedule users policy [plain_email|email_only_user] [guests:on|off] [external:on|off]',
] as const;

const ASSIGNMENT = /^([A-Za-z_][\w.-]*)=([\s\S]*)$/;

/** Splits on white space, keeping `<…>` mentions and quoted values (`a="b c"`, `"b c"`) whole. */
export function tokenizeUsersArgs(text: string): string[] {
  const pattern = /<[^>]*>|[^\s"“”<]*=(?:"[^"]*"|“[^”]*”)|"[^"]*"|“[^”]*”|\S+/g;
  return (text.match(pattern) ?? []).map((token) =>
    token.replace(/=(["“])([\s\S]*)["”]$/, '=$2').replace(/^["“]([\s\S]*)["”]$/, '$1'),
  );
}

export function parseUsersCommand(rest: string): UsersParse {
  const [first, ...tokens] = tokenizeUsersArgs(rest.trim());
  const action = (first ?? 'help').toLowerCase();
  switch (action) {
    case 'help':
      return { ok: true, command: { action: 'help' } };
    case 'add':
    case 'set':
    case 'sync':
      return parsePeople(action, tokens);
    case 'map':
      return parseMap(tokens);
    case 'policy':
      return parsePolicy(tokens);
    default:
      return { ok: false, error: `\`${action.replace(/[`<>]/g, '')}\` is not a \`/schedule users\` command.` };
  }
}

function parsePeople(action: 'add' | 'set' | 'sync', tokens: string[]): UsersParse {
  const recipients: string[] = [];
  const assignments: AttributeAssignment[] = [];
  for (const token of tokens) {
    const match = token.startsWith('<') ? null : ASSIGNMENT.exec(token);
    if (match) assignments.push({ name: match[1] as string, text: match[2] as string });
    else recipients.push(token);
  }
  if (recipients.length === 0) {
    const who = action === 'sync' ? 'a #channel or @group' : 'who (a @person or an email)';
    return { ok: false, error: `Name ${who} for \`users ${action}\`.` };
  }
  if (action === 'set' && assignments.length === 0) {
    return { ok: false, error: '`users set` needs at least one `attribute=value` (an empty value unsets it).' };
  }
  if (action === 'sync' && assignments.length > 0) {
    return {
      ok: false,
      error: '`users sync` takes attributes from Slack profiles only; use `users set` to type values.',
    };
  }
  return { ok: true, command: { action, recipients, assignments } };
}

function parseMap(tokens: string[]): UsersParse {
  const changes: { attribute: string; field: string }[] = [];
  for (const token of tokens) {
    const match = ASSIGNMENT.exec(token);
    if (!match) {
      return {
        ok: false,
        error: `\`${token.replace(/[`<>]/g, '')}\` is not \`<omni attribute>=<Slack profile field>\`.`,
      };
    }
    changes.push({ attribute: match[1] as string, field: (match[2] as string).trim() });
  }
  return { ok: true, command: { action: 'map', changes } };
}

const POLICIES: Record<string, 'plain_email' | 'email_only_user'> = {
  plain_email: 'plain_email',
  'plain-email': 'plain_email',
  plain: 'plain_email',
  email_only_user: 'email_only_user',
  'email-only-user': 'email_only_user',
  email_only: 'email_only_user',
  'email-only': 'email_only_user',
};
const ON = new Set(['on', 'yes', 'true', 'include', 'allow']);
const OFF = new Set(['off', 'no', 'false', 'exclude', 'deny']);

function parsePolicy(tokens: string[]): UsersParse {
  const patch: WorkspaceSettingsPatch = {};
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const policy = POLICIES[lower];
    if (policy) {
      patch.nonMemberPolicy = policy;
      continue;
    }
    const flag = /^(guests|external)[:=](\w+)$/.exec(lower);
    const value = flag
      ? ON.has(flag[2] as string)
        ? true
        : OFF.has(flag[2] as string)
          ? false
          : undefined
      : undefined;
    if (!flag || value === undefined) {
      return {
        ok: false,
        error: `\`${token.replace(/[`<>]/g, '')}\` is not a policy: use \`plain_email\`, \`email_only_user\`, \`guests:on|off\` or \`external:on|off\`.`,
      };
    }
    if (flag[1] === 'guests') patch.includeGuests = value;
    else patch.includeExternal = value;
  }
  return { ok: true, command: { action: 'policy', patch } };
}
