// Schedule recipients: list, add, remove (email destinations only). An address that is neither a
// member nor an email-only user becomes an email-only user, as Omni does.
import type { HandlerContext } from './context.js';
import { recipientForEmail } from './email-only-users.js';
import { badRequest, ok, type Reply } from './http.js';
import { recipientsView } from './schedule-views.js';
import { findSchedule } from './schedules.js';
import type { EmailRecipient, SandboxState } from './state.js';
import { isEmail, isObject, isUuid } from './validation.js';

/** GET /api/v1/schedules/{scheduleId}/recipients */
export function listRecipients(ctx: HandlerContext): Reply {
  return ok(recipientsView(ctx.state, findSchedule(ctx.state, ctx.params.scheduleId)));
}

type RecipientChange = { emails: string[]; userIds: string[]; userGroupIds: string[] };

const KEYS = ['emails', 'userIds', 'userGroupIds'] as const;

/** Body checks shared by add and remove; remove prefixes the two format errors with "Bad Request: ". */
function readChange(body: unknown, prefix: string): RecipientChange {
  const input = isObject(body) ? body : {};
  const given = KEYS.filter((key) => input[key] !== undefined && input[key] !== null);
  if (given.length === 0) throw badRequest('Please provide either valid email addresses, valid user IDs, or both');
  const change: RecipientChange = { emails: [], userIds: [], userGroupIds: [] };
  for (const key of given) {
    const value = input[key];
    const valid = key === 'emails' ? isEmail : isUuid;
    if (!Array.isArray(value) || !value.every(valid)) {
      throw badRequest(`${prefix}${key}: ${key === 'emails' ? 'Invalid email address' : 'Invalid uuid'}`);
    }
    change[key] = value;
  }
  const nonEmpty = given.filter((key) => change[key].length > 0);
  if (nonEmpty.length === 0) {
    if (given.length === 1) throw badRequest(`${given[0]}: Array must contain at least 1 element(s)`);
    throw badRequest('At least one recipient must be provided');
  }
  return change;
}

/** Recipients named by user ID must be members or email-only users of this organization. */
function resolveUserIds(state: SandboxState, userIds: string[]): EmailRecipient[] {
  const missing: string[] = [];
  const found: EmailRecipient[] = [];
  for (const id of userIds) {
    const member = state.findMember(id);
    const emailOnly = member ? undefined : state.findEmailOnlyUserById(id);
    if (member) found.push({ userId: member.id, emailOnly: false });
    else if (emailOnly) found.push({ userId: emailOnly.userId, emailOnly: true });
    else missing.push(id);
  }
  if (missing.length > 0) {
    throw badRequest(
      `Invalid recipient(s): The following members do not exist or do not have access to this organization: ${missing.join(', ')}`,
    );
  }
  return found;
}

function checkGroups(userGroupIds: string[]): void {
  // The sandbox organization has no user groups.
  if (userGroupIds.length > 0) {
    throw badRequest(`Invalid user group(s): The following user groups do not exist: ${userGroupIds.join(', ')}`);
  }
}

/** PUT /api/v1/schedules/{scheduleId}/add-recipients */
export function addRecipients(ctx: HandlerContext): Reply {
  const change = readChange(ctx.body, '');
  const schedule = findSchedule(ctx.state, ctx.params.scheduleId);
  const { destination } = schedule;
  if (destination.type !== 'email') throw badRequest(`Cannot add recipients to destination type ${destination.type}`);
  const byId = resolveUserIds(ctx.state, change.userIds);
  checkGroups(change.userGroupIds);
  const incoming = [...byId, ...change.emails.map((email) => recipientForEmail(ctx.state, email, ctx.now()))];
  let added = 0;
  for (const recipient of incoming) {
    if (destination.recipients.some((r) => r.userId === recipient.userId)) continue;
    destination.recipients.push(recipient);
    added += 1;
  }
  if (added > 0) schedule.updatedAt = ctx.now().toISOString();
  return ok({ addedRecipientsCount: added, addedGroupRecipientsCount: 0, success: true });
}

/** PUT /api/v1/schedules/{scheduleId}/remove-recipients */
export function removeRecipients(ctx: HandlerContext): Reply {
  const change = readChange(ctx.body, 'Bad Request: ');
  const schedule = findSchedule(ctx.state, ctx.params.scheduleId);
  const { destination } = schedule;
  if (destination.type !== 'email') {
    throw badRequest(`Cannot change recipients on a scheduled task destination of type ${destination.type}`);
  }
  const byId = resolveUserIds(ctx.state, change.userIds);
  checkGroups(change.userGroupIds);
  const emails = new Set(change.emails.map((e) => e.toLowerCase()));
  const ids = new Set(byId.map((r) => r.userId));
  for (const recipient of destination.recipients) {
    const email = (
      ctx.state.members.get(recipient.userId)?.email ??
      ctx.state.findEmailOnlyUserById(recipient.userId)?.email ??
      ''
    ).toLowerCase();
    if (emails.has(email)) ids.add(recipient.userId);
  }
  const before = destination.recipients.length;
  destination.recipients = destination.recipients.filter((r) => !ids.has(r.userId));
  const removed = before - destination.recipients.length;
  if (removed > 0) schedule.updatedAt = ctx.now().toISOString();
  return ok({ removedRecipientsCount: removed, removedGroupRecipientsCount: 0, success: true });
}
