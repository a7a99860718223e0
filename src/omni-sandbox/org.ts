// Organization-level reads: user attribute definitions and SCIM user lookup.
import type { HandlerContext } from './context.js';
import { badRequest, ok, type Reply } from './http.js';

/** GET /api/v1/user-attributes */
export function listUserAttributes(ctx: HandlerContext): Reply {
  return ok({
    records: ctx.state.userAttributes.map((a) => ({
      id: a.id,
      name: a.name,
      label: a.label,
      type: a.type,
      multiple_values: a.multipleValues,
      system: a.system,
      default_value: a.defaultValue,
      description: a.description,
    })),
  });
}

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** An integer query parameter (Omni's spec types them as numeric strings); `fallback` when absent. */
function integerParam(ctx: HandlerContext, name: string, fallback: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`${name}: Invalid number`);
  return n;
}

/**
 * GET /api/scim/v2/Users[?filter=userName eq "a@b.c"][&startIndex=1][&count=100]: members in order of
 * creation, as Omni's docs say (the state keeps members in the order they were added). As SCIM (RFC 7644
 * §3.4.2.4) says, a `startIndex` below 1 reads as 1 and a negative `count` as 0.
 */
export function listScimUsers(ctx: HandlerContext): Reply {
  const filter = ctx.query.get('filter');
  let userName: string | null = null;
  if (filter) {
    const match = /^\s*userName\s+eq\s+"([^"]*)"\s*$/i.exec(filter);
    if (!match) throw badRequest(`Unsupported filter: ${filter}. Use userName eq "<email>"`);
    userName = match[1].toLowerCase();
  }
  const startIndex = Math.max(1, integerParam(ctx, 'startIndex', 1));
  const count = Math.max(0, integerParam(ctx, 'count', 100));
  const members = [...ctx.state.members.values()].filter(
    (m) => userName === null || m.email.toLowerCase() === userName,
  );
  const page = members.slice(startIndex - 1, startIndex - 1 + count);
  return ok({
    schemas: [LIST_SCHEMA],
    totalResults: members.length,
    startIndex,
    itemsPerPage: page.length,
    Resources: page.map((m) => ({
      schemas: [USER_SCHEMA],
      id: m.id,
      userName: m.email,
      displayName: m.name,
      active: true,
      name: { formatted: m.name },
      emails: [{ value: m.email, primary: true }],
    })),
  });
}
