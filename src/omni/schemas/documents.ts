import { z } from 'zod';
import { nullableString, OmniIdSchema, PageInfoSchema, SortDirectionSchema } from './common.js';

// GET /api/v1/documents

export const ListDocumentsQuerySchema = z.strictObject({
  creatorId: OmniIdSchema.optional(),
  cursor: z.string().min(1).optional(),
  folderId: OmniIdSchema.optional(),
  /** Comma-separated: `_count`, `labels`, `includeDeleted`, `onlyFavorites`, `onlySharedWithMe`. */
  include: z.string().min(1).optional(),
  /** Comma-separated label names. */
  labels: z.string().min(1).optional(),
  pageSize: z.int().positive().optional(),
  sortDirection: SortDirectionSchema.optional(),
  sortField: z.enum(['name', 'favorites', 'updatedAt', 'visits']).optional(),
  /** Only documents this membership can see. */
  userId: OmniIdSchema.optional(),
});
export type ListDocumentsQuery = z.input<typeof ListDocumentsQuerySchema>;

export const DocumentRecordSchema = z.looseObject({
  identifier: z.string(),
  name: z.string(),
  /** Only documents with a dashboard can be scheduled. */
  hasDashboard: z.boolean(),
  connectionId: nullableString,
  deleted: z.boolean().optional(),
  folder: z.looseObject({ id: z.string(), name: z.string(), path: nullableString }).nullish(),
  owner: z.looseObject({ id: z.string(), name: nullableString }).nullish(),
  scope: nullableString,
  type: nullableString,
  updatedAt: nullableString,
  url: nullableString,
  labels: z.array(z.string()).optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export const DocumentPageSchema = z.looseObject({
  pageInfo: PageInfoSchema,
  records: z.array(DocumentRecordSchema),
});
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

// GET /api/v1/dashboards/{identifier}/filters

/** A dashboard filter: `{ type, kind, values… }`; send modified copies back in `filterConfig`. */
export const DashboardFilterSchema = z.looseObject({
  type: z.string().optional(),
  kind: z.string().optional(),
  label: z.string().optional(),
});
export type DashboardFilter = z.infer<typeof DashboardFilterSchema>;

export const DashboardFiltersSchema = z.looseObject({
  identifier: z.string(),
  filterOrder: z.array(z.string()),
  filters: z
    .record(z.string(), DashboardFilterSchema)
    .nullish()
    .transform((value) => value ?? {}),
  controls: z.unknown().optional(),
});
export type DashboardFilters = z.infer<typeof DashboardFiltersSchema>;

// GET /api/v1/documents/{identifier}/queries

export const DocumentQuerySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** The key for `queryIdentifierMapKey` / `conditionQueryMapKey`. */
  queryIdentifierMapKey: z.string(),
  url: nullableString,
  query: z.unknown().optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuerySchema>;

export const DocumentQueryListSchema = z.looseObject({ queries: z.array(DocumentQuerySchema) });

export const IdentifierSchema = z.string().min(1, { error: 'must not be empty' });
