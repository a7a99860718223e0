// What a non-admin member's key may do. Omni's OpenAPI spec declares 403s on these paths with the
// descriptions quoted here; the sandbox answers them to the member key so clients can be tested
// against a key that is not an organization admin's.
import type { HandlerContext } from './context.js';
import { SandboxError } from './http.js';
import { isUuid } from './validation.js';

const denied = (detail: string) => new SandboxError(403, detail);

const OWNER_OR_MANAGER = 'Permission denied - must be schedule owner or have manage permission';

/** Throws Omni's 403 when the member key may not call `method pattern`; `ctx.memberId` is the caller. */
export function checkMemberAccess(method: string, pattern: string, ctx: HandlerContext): void {
  const memberId = ctx.memberId;
  if (memberId === undefined) return;
  if (pattern.startsWith('/api/v1/users/email-only')) throw denied('Permission denied - admin role required');
  if (pattern === '/api/v1/user-attributes') throw denied('Insufficient permissions');
  // Only an organization key may act for someone else (Omni's docs on `userId`).
  if (pattern === '/api/v1/schedules' && method === 'POST' && ctx.query.get('userId')) {
    throw denied('Permission denied - cannot schedule this dashboard');
  }
  if (!pattern.startsWith('/api/v1/schedules/:scheduleId')) return;
  const id = ctx.params.scheduleId;
  // Malformed or unknown ids fall through to the handler's own 400/404.
  const schedule = isUuid(id) ? ctx.state.schedules.get(id.toLowerCase()) : undefined;
  if (!schedule || schedule.ownerId === memberId) return;
  const ownerOnly = pattern === '/api/v1/schedules/:scheduleId' || pattern.endsWith('/transfer-ownership');
  throw denied(ownerOnly ? OWNER_OR_MANAGER : 'Permission denied');
}
