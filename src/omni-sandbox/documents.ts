// Documents and dashboards: list documents, a dashboard's filters, a document's queries.
import type { HandlerContext } from './context.js';
import { badRequest, notFound, ok, type Reply } from './http.js';
import type { OmniDocument } from './state.js';
import { isUuid } from './validation.js';

const SORT_FIELDS = ['name', 'favorites', 'updatedAt', 'visits'] as const;
const INCLUDES = ['_count', 'labels', 'includeDeleted', 'onlyFavorites', 'onlySharedWithMe'];

function documentUrl(ctx: HandlerContext, doc: OmniDocument): string {
  const kind = doc.hasDashboard ? 'dashboards' : 'w';
  return `${ctx.baseUrl}/${kind}/${encodeURIComponent(doc.identifier)}`;
}

function compare(a: OmniDocument, b: OmniDocument, field: string): number {
  switch (field) {
    case 'favorites':
      return a.favorites - b.favorites;
    case 'visits':
      return a.views - b.views;
    case 'updatedAt':
      return a.updatedAt.localeCompare(b.updatedAt);
    default:
      return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  }
}

/** Opaque cursors, as Omni's document list uses ("relative positioning"): the offset, encoded. */
const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest('cursor: Invalid cursor');
  return Number(match[1]);
}

/** GET /api/v1/documents */
export function listDocuments(ctx: HandlerContext): Reply {
  const { query } = ctx;
  const sortField = query.get('sortField') || 'name';
  const sortDirection = query.get('sortDirection') || 'asc';
  if (!(SORT_FIELDS as readonly string[]).includes(sortField)) throw badRequest('Invalid enum value');
  if (sortDirection !== 'asc' && sortDirection !== 'desc') throw badRequest('Invalid enum value');
  const include = (query.get('include') || '').split(',').filter(Boolean);
  const unknownInclude = include.find((i) => !INCLUDES.includes(i));
  if (unknownInclude) throw badRequest(`include: Invalid include value ${unknownInclude}`);
  const rawSize = query.get('pageSize');
  const pageSize = rawSize ? Number(rawSize) : 50;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw badRequest('pageSize: Number must be greater than 0');
  for (const name of ['creatorId', 'folderId', 'userId']) {
    const value = query.get(name);
    if (value && !isUuid(value)) throw badRequest(`${name}: Invalid uuid`);
  }
  const creatorId = query.get('creatorId');
  const creator = creatorId ? ctx.state.findMember(creatorId) : undefined;
  const folderId = query.get('folderId');
  const labels = (query.get('labels') || '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

  // Analyses never saved as documents are not listed.
  const docs = [...ctx.state.documents.values()].filter(
    (d) =>
      d.saved &&
      (!creatorId || d.ownerId === creator?.id) &&
      (!folderId || d.folder?.id === folderId) &&
      labels.every((l) => d.labels.some((dl) => dl.toLowerCase() === l)),
  );
  const sign = sortDirection === 'asc' ? 1 : -1;
  docs.sort((a, b) => sign * (compare(a, b, sortField) || a.identifier.localeCompare(b.identifier)));

  const cursor = query.get('cursor');
  const offset = cursor ? decodeCursor(cursor) : 0;
  const page = docs.slice(offset, offset + pageSize);
  const hasNextPage = offset + pageSize < docs.length;
  return ok({
    pageInfo: {
      hasNextPage,
      nextCursor: hasNextPage ? encodeCursor(offset + pageSize) : null,
      pageSize,
      totalRecords: docs.length,
    },
    records: page.map((d) => {
      const owner = ctx.state.members.get(d.ownerId);
      const record: Record<string, unknown> = {
        identifier: d.identifier,
        name: d.name,
        type: 'document',
        scope: 'organization',
        connectionId: 'c0f12353-4817-4398-bcc0-d501e6dd2f64',
        deleted: false,
        description: null,
        folder: d.folder,
        hasDashboard: d.hasDashboard,
        owner: { id: owner?.membershipId ?? d.ownerId, name: owner?.name ?? 'Unknown user' },
        updatedAt: d.updatedAt,
        url: documentUrl(ctx, d),
      };
      if (include.includes('_count')) record._count = { favorites: d.favorites, views: d.views };
      if (include.includes('labels')) record.labels = d.labels;
      return record;
    }),
  });
}

function findDocument(ctx: HandlerContext): OmniDocument {
  const identifier = ctx.params.identifier;
  const doc = ctx.state.documents.get(identifier) ?? [...ctx.state.documents.values()].find((d) => d.id === identifier);
  if (!doc) throw notFound(`Document with identifier "${identifier}" not found`);
  return doc;
}

/** GET /api/v1/dashboards/{identifier}/filters */
export function getDashboardFilters(ctx: HandlerContext): Reply {
  const doc = findDocument(ctx);
  if (!doc.saved) throw badRequest('Analyses do not support dashboards.');
  if (!doc.hasDashboard) throw badRequest('Document does not have a dashboard');
  return ok({ identifier: doc.identifier, filters: doc.filters, controls: [], filterOrder: doc.filterOrder });
}

/** GET /api/v1/documents/{identifier}/queries */
export function listDocumentQueries(ctx: HandlerContext): Reply {
  const doc = findDocument(ctx);
  return ok({
    queries: doc.queries.map((q) => ({
      id: q.id,
      name: q.name,
      queryIdentifierMapKey: q.queryIdentifierMapKey,
      url: `${ctx.baseUrl}/w/${encodeURIComponent(doc.identifier)}?tab=${q.queryIdentifierMapKey}`,
      query: { table: 'order_items', fields: ['order_items.count'], limit: 1000 },
    })),
  });
}
