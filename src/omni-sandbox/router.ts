// The sandbox's routes: every Omni endpoint the app's client calls.
import type { Handler } from './context.js';
import { triggerSchedule } from './deliveries.js';
import { getDashboardFilters, listDocumentQueries, listDocuments } from './documents.js';
import { createEmailOnlyUser, createEmailOnlyUsersBulk, listEmailOnlyUsers } from './email-only-users.js';
import { badRequest, SandboxError } from './http.js';
import { listScimUsers, listUserAttributes } from './org.js';
import { addRecipients, listRecipients, removeRecipients } from './recipients.js';
import { listSchedules } from './schedule-list.js';
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  pauseSchedule,
  resumeSchedule,
  transferOwnership,
  updateSchedule,
} from './schedules.js';

type Route = {
  pattern: string;
  methods: Partial<Record<string, Handler>>;
  /** What Omni answers to a method the path does not take (documented for trigger and delete). */
  wrongMethod?: string;
};

export const ROUTES: Route[] = [
  {
    pattern: '/api/v1/schedules',
    methods: { GET: (ctx) => listSchedules(ctx.state, ctx.query), POST: createSchedule },
  },
  {
    pattern: '/api/v1/schedules/:scheduleId',
    methods: { GET: getSchedule, PUT: updateSchedule, DELETE: deleteSchedule },
    wrongMethod: 'Invalid request method',
  },
  { pattern: '/api/v1/schedules/:scheduleId/recipients', methods: { GET: listRecipients } },
  { pattern: '/api/v1/schedules/:scheduleId/add-recipients', methods: { PUT: addRecipients } },
  { pattern: '/api/v1/schedules/:scheduleId/remove-recipients', methods: { PUT: removeRecipients } },
  { pattern: '/api/v1/schedules/:scheduleId/pause', methods: { PUT: pauseSchedule } },
  { pattern: '/api/v1/schedules/:scheduleId/resume', methods: { PUT: resumeSchedule } },
  {
    pattern: '/api/v1/schedules/:scheduleId/trigger',
    methods: { POST: triggerSchedule },
    wrongMethod: 'Invalid method',
  },
  { pattern: '/api/v1/schedules/:scheduleId/transfer-ownership', methods: { PUT: transferOwnership } },
  { pattern: '/api/v1/users/email-only', methods: { GET: listEmailOnlyUsers, POST: createEmailOnlyUser } },
  { pattern: '/api/v1/users/email-only/bulk', methods: { POST: createEmailOnlyUsersBulk } },
  { pattern: '/api/v1/documents', methods: { GET: listDocuments } },
  { pattern: '/api/v1/documents/:identifier/queries', methods: { GET: listDocumentQueries } },
  { pattern: '/api/v1/dashboards/:identifier/filters', methods: { GET: getDashboardFilters } },
  { pattern: '/api/v1/user-attributes', methods: { GET: listUserAttributes } },
  { pattern: '/api/scim/v2/Users', methods: { GET: listScimUsers } },
];

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (got[i] === '') return undefined;
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } else if (want[i] !== got[i]) {
      return undefined;
    }
  }
  return params;
}

/** The handler for a request, or the error Omni would answer with. */
export function route(
  method: string,
  rawPath: string,
): { handler: Handler; params: Record<string, string>; pattern: string } {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  for (const r of ROUTES) {
    const params = match(r.pattern, path);
    if (!params) continue;
    const handler = r.methods[method];
    if (handler) return { handler, params, pattern: r.pattern };
    if (r.wrongMethod) throw badRequest(r.wrongMethod);
    throw new SandboxError(405, `Method ${method} not allowed`, { allow: Object.keys(r.methods).join(', ') });
  }
  throw new SandboxError(404, `No route for ${method} ${path}`);
}
