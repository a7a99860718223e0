// GET /api/v1/schedules: search, filters, sorting and Omni's page-number cursors.
import { badRequest, notFound, ok, type Reply } from './http.js';
import { dashboardName, listRecord, ownerName, perDestination } from './schedule-views.js';
import type { SandboxState, Schedule } from './state.js';
import { isUuid } from './validation.js';

const ENUMS = {
  status: ['success', 'error', 'canceled', 'none'],
  destination: ['email', 'google_sheets', 's3', 'sftp', 'slack', 'webhook'],
  scheduleType: ['alert', 'schedule'],
  contentType: ['dashboard', 'single tile'],
  sortField: ['scheduleName', 'dashboardName', 'ownerName', 'lastRun', 'lastRunStatus'],
  sortDirection: ['asc', 'desc'],
} as const;

/** Which `lastStatus` values each `status` filter matches. */
const STATUS_MATCH: Record<string, (s: Schedule['lastStatus']) => boolean> = {
  success: (s) => s === 'COMPLETE' || s === 'CONDITION_UNMET',
  error: (s) => s === 'ERROR' || s === 'ERROR_DELIVERED',
  canceled: (s) => s === 'KILLED',
  none: (s) => s === null,
};

/** Parses `cursor` (a page number) and `pageSize`, and slices one page. */
export function paginate<T>(
  items: T[],
  query: URLSearchParams,
  limits: { defaultSize: number; maxSize: number },
): {
  page: T[];
  pageInfo: { hasNextPage: boolean; nextCursor: string | null; pageSize: number; totalRecords: number };
} {
  const rawSize = query.get('pageSize');
  const pageSize = rawSize === null || rawSize === '' ? limits.defaultSize : Number(rawSize);
  if (!Number.isInteger(pageSize)) throw badRequest('pageSize: Expected number, received nan');
  if (pageSize > limits.maxSize) throw badRequest(`Page size cannot exceed ${limits.maxSize}`);
  if (pageSize < 1) throw badRequest('pageSize: Number must be greater than or equal to 1');
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  const rawCursor = query.get('cursor');
  const page = rawCursor === null || rawCursor === '' ? 1 : Number(rawCursor);
  if (!Number.isInteger(page) || page < 1 || page > lastPage) {
    throw badRequest(`Invalid page number. The last valid page is ${lastPage}.`);
  }
  const hasNextPage = page < lastPage;
  return {
    page: items.slice((page - 1) * pageSize, page * pageSize),
    pageInfo: { hasNextPage, nextCursor: hasNextPage ? String(page + 1) : null, pageSize, totalRecords: items.length },
  };
}

function enumParam(query: URLSearchParams, name: keyof typeof ENUMS): string | null {
  const value = query.get(name);
  if (value === null || value === '') return null;
  if (!(ENUMS[name] as readonly string[]).includes(value)) throw badRequest('Invalid enum value');
  return value;
}

function sortKey(state: SandboxState, schedule: Schedule, field: string): string {
  switch (field) {
    case 'dashboardName':
      return dashboardName(state, schedule).toLowerCase();
    case 'ownerName':
      return (ownerName(state, schedule.ownerId) ?? '').toLowerCase();
    case 'lastRun':
      return schedule.lastCompletedAt ?? '';
    case 'lastRunStatus':
      return schedule.lastStatus ?? '';
    default:
      return schedule.name.toLowerCase();
  }
}

export function listSchedules(state: SandboxState, query: URLSearchParams): Reply {
  const status = enumParam(query, 'status');
  const destination = enumParam(query, 'destination');
  const scheduleType = enumParam(query, 'scheduleType');
  const contentType = enumParam(query, 'contentType');
  const sortField = enumParam(query, 'sortField') ?? 'scheduleName';
  const sortDirection = enumParam(query, 'sortDirection') ?? 'desc';
  const ownerId = query.get('ownerId') || null;
  if (ownerId !== null) {
    if (!isUuid(ownerId)) throw badRequest('ownerId: Invalid uuid');
    if (!state.findMember(ownerId)) throw notFound(`User with id ${ownerId} does not exist`);
  }
  const owner = ownerId === null ? undefined : state.findMember(ownerId);
  const q = query.get('q')?.trim().toLowerCase() || null;
  const identifier = query.get('identifier') || null;
  // No sandbox schedule belongs to an embed entity.
  const embedEntity = query.get('embedEntity') || null;

  const matches = [...state.schedules.values()].filter((s) => {
    if (embedEntity !== null) return false;
    if (status !== null && !STATUS_MATCH[status](s.lastStatus)) return false;
    if (scheduleType !== null && (s.conditionType ? 'alert' : 'schedule') !== scheduleType) return false;
    if (contentType !== null && (s.options.queryIdentifierMapKey ? 'single tile' : 'dashboard') !== contentType) {
      return false;
    }
    if (identifier !== null && s.identifier !== identifier) return false;
    if (owner && s.ownerId !== owner.id) return false;
    if (q !== null) {
      const haystack = [s.name, dashboardName(state, s), ownerName(state, s.ownerId)].join('\n').toLowerCase();
      if (!haystack.includes(q)) return false;
    }
    return true;
  });

  const sign = sortDirection === 'asc' ? 1 : -1;
  matches.sort((a, b) => {
    const byField = sortKey(state, a, sortField).localeCompare(sortKey(state, b, sortField));
    if (byField !== 0) return sign * byField;
    // Stable tie-break so pages never overlap.
    return sign * (a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  });

  // One row per schedule and destination, as Omni lists them (its CLI warns: "deduplicate by ID").
  const rows = matches
    .flatMap(perDestination)
    .filter((row) => destination === null || row.destination.type === destination);
  const { page, pageInfo } = paginate(rows, query, { defaultSize: 20, maxSize: 100 });
  return ok({ pageInfo, records: page.map((s) => listRecord(state, s)) });
}
