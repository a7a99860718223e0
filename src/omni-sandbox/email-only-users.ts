// Email-only users: recipients without an Omni account. Create-or-update by email (one, or up to 20
// in bulk), list, and the user-attribute checks with Omni's documented messages.
import { randomUUID } from 'node:crypto';
import type { HandlerContext } from './context.js';
import { badRequest, ok, type Reply } from './http.js';
import { paginate } from './schedule-list.js';
import type { AttributeValue, EmailOnlyUser, EmailRecipient, SandboxState } from './state.js';
import { bodyObject, isEmail, isIanaTimezone, isObject, typeName } from './validation.js';

const TIMEZONE_ATTRIBUTE = 'omni_user_timezone';
const MAX_BULK = 20;

type UserInput = { email: string; userAttributes: Record<string, AttributeValue> };

const isUnset = (value: unknown): boolean =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));

function checkAttributes(state: SandboxState, raw: unknown): Record<string, AttributeValue> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw badRequest(`userAttributes: Expected object, received ${typeName(raw)}`);
  // omni_user_timezone is the only system attribute that may be set.
  const known = new Map(
    state.userAttributes.filter((a) => !a.system || a.name === TIMEZONE_ATTRIBUTE).map((a) => [a.name, a]),
  );
  const unknown = Object.keys(raw).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const names = unknown.map((n) => `"${n}"`).join(', ');
    throw badRequest(`The provided user attributes: ${names} do not match the names of existing user attributes.`);
  }
  for (const [name, value] of Object.entries(raw)) {
    const attribute = known.get(name);
    if (!attribute || isUnset(value)) continue;
    if (attribute.multipleValues && !Array.isArray(value)) {
      throw badRequest(
        `User Attribute ${name} has multiple values enabled, but the passed-in value is not an array. ` +
          'If passing a single value for a user attribute with multiple values enabled, please wrap the value in an array [x].',
      );
    }
    if (!attribute.multipleValues && Array.isArray(value)) {
      throw badRequest(
        `User Attribute ${name} does not have multiple values enabled, but the passed-in value is an array.`,
      );
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (isObject(item) || Array.isArray(item)) {
        throw badRequest(`User Attribute ${name} has an invalid value ${JSON.stringify(item)}.`);
      }
      if (attribute.type === 'Number' && !isNumeric(item)) {
        throw badRequest(`User Attribute ${name} is type number, but passed-in value ${String(item)} is not a number.`);
      }
      if (name === TIMEZONE_ATTRIBUTE && (typeof item !== 'string' || !isIanaTimezone(item))) {
        throw badRequest(
          `The timezone ${String(item)} is not supported. Please see the connection page or user profile page for the ` +
            'list of valid timezones. Use e.g. "America/New_York" instead of "EST"',
        );
      }
    }
  }
  return raw as Record<string, AttributeValue>;
}

function readUser(state: SandboxState, raw: unknown): UserInput {
  const input = isObject(raw) ? raw : {};
  const email = input.email;
  if (email === undefined || email === null || email === '') throw badRequest('email: email is required');
  if (!isEmail(email)) throw badRequest('email: Invalid email address');
  if (state.findMemberByEmail(email)) {
    throw badRequest(`email: ${email} belongs to a member of this organization, not an email-only user`);
  }
  return { email, userAttributes: checkAttributes(state, input.userAttributes) };
}

function upsert(state: SandboxState, input: UserInput, now: Date): EmailOnlyUser {
  const key = input.email.toLowerCase();
  const user = state.emailOnlyUsers.get(key) ?? {
    userId: randomUUID(),
    email: input.email,
    userAttributes: {},
    createdAt: now.toISOString(),
  };
  for (const [name, value] of Object.entries(input.userAttributes)) {
    if (isUnset(value)) delete user.userAttributes[name];
    else user.userAttributes[name] = value;
  }
  state.emailOnlyUsers.set(key, user);
  return user;
}

/** A delivery recipient for an address: the member with it, or an email-only user (created if new). */
export function recipientForEmail(state: SandboxState, email: string, now: Date): EmailRecipient {
  const member = state.findMemberByEmail(email);
  if (member) return { userId: member.id, emailOnly: false };
  return { userId: upsert(state, { email, userAttributes: {} }, now).userId, emailOnly: true };
}

/** POST /api/v1/users/email-only */
export function createEmailOnlyUser(ctx: HandlerContext): Reply {
  const input = readUser(ctx.state, bodyObject(ctx.body));
  const user = upsert(ctx.state, input, ctx.now());
  return ok({ email: input.email, userId: user.userId });
}

/** POST /api/v1/users/email-only/bulk: 1 to 20 users, all checked before any is written. */
export function createEmailOnlyUsersBulk(ctx: HandlerContext): Reply {
  const users = bodyObject(ctx.body).users;
  if (users === undefined || users === null) throw badRequest('users: users is required');
  if (!Array.isArray(users)) throw badRequest(`users: Expected array, received ${typeName(users)}`);
  if (users.length === 0) throw badRequest('users: Array must contain at least 1 element(s)');
  if (users.length > MAX_BULK) throw badRequest('users: Maximum of 20 users can be processed in a single request');
  const inputs = users.map((raw) => readUser(ctx.state, raw));
  const results = inputs.map((input) => ({ email: input.email, userId: upsert(ctx.state, input, ctx.now()).userId }));
  return ok({ results }, 201);
}

/** GET /api/v1/users/email-only */
export function listEmailOnlyUsers(ctx: HandlerContext): Reply {
  const direction = ctx.query.get('sortDirection') || 'desc';
  if (direction !== 'asc' && direction !== 'desc') throw badRequest('Invalid enum value');
  const email = ctx.query.get('email')?.toLowerCase() || null;
  const users = [...ctx.state.emailOnlyUsers.values()].filter((u) => email === null || u.email.toLowerCase() === email);
  const sign = direction === 'asc' ? 1 : -1;
  users.sort((a, b) => sign * (a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email)));
  const { page, pageInfo } = paginate(users, ctx.query, { defaultSize: 20, maxSize: 20 });
  return ok({
    pageInfo,
    records: page.map((u) => ({ email: u.email, user_attributes: u.userAttributes, user_id: u.userId })),
  });
}
