// What the schedule form needs to know about a dashboard: its filters (with their current values)
// and its tiles (queries), read from Omni's dashboard filters and document queries endpoints.
import type { OmniClient } from '../omni/index.js';
import type { FilterValue } from './draft.js';

export interface DashboardFilterInfo {
  /** The key filterConfig uses (exact case). */
  key: string;
  /** The filter as Omni returned it: its current value is the default a schedule may override. */
  filter: FilterValue;
}

export interface DashboardTile {
  /** `queryIdentifierMapKey`. */
  key: string;
  name: string;
}

export interface DashboardDetails {
  identifier: string;
  filters: DashboardFilterInfo[];
  tiles: DashboardTile[];
}

export type DashboardReader = Pick<OmniClient, 'getDashboardFilters' | 'listDocumentQueries'>;

/** Reads both endpoints at once; throws Omni's error (e.g. 404 for an unknown dashboard). */
export async function loadDashboardDetails(omni: DashboardReader, identifier: string): Promise<DashboardDetails> {
  const [filters, queries] = await Promise.all([
    omni.getDashboardFilters(identifier),
    omni.listDocumentQueries(identifier),
  ]);
  const order = [
    ...filters.filterOrder,
    ...Object.keys(filters.filters).filter((key) => !filters.filterOrder.includes(key)),
  ];
  return {
    identifier,
    filters: order.flatMap((key) => {
      const filter = filters.filters[key];
      return filter ? [{ key, filter: filter as FilterValue }] : [];
    }),
    tiles: queries.map((query) => ({ key: query.queryIdentifierMapKey, name: query.name })),
  };
}
