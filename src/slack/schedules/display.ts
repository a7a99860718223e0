// How one viewer should see schedules: their time zone (for date fallbacks) and where the schedule
// lives in Omni (for links). Both are optional niceties: failing to read them never fails an action.
import type { WebClient } from '@slack/web-api';
import { normaliseBaseUrl } from '../../omni/base-url.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import type { WorkspaceScope } from '../../store/index.js';
import { activeConnection } from '../connection.js';
import type { AppDeps } from '../deps.js';
import { getActor } from '../permissions.js';
import type { ScheduleCardOptions } from '../ui/schedule-card.js';

export interface Display {
  zone?: string;
  /** The Omni organization's URL, when known. */
  omniBase?: string;
}

export async function displayFor(
  deps: Pick<AppDeps, 'store' | 'config'>,
  client: WebClient,
  scope: WorkspaceScope,
  userId: string,
): Promise<Display> {
  const [actor, connection] = await Promise.all([
    getActor(deps, client, scope, userId).catch(() => undefined),
    activeConnection(deps, scope).catch(() => undefined),
  ]);
  let omniBase: string | undefined;
  try {
    omniBase = connection ? normaliseBaseUrl(connection.baseUrl) : undefined;
  } catch {
    omniBase = undefined;
  }
  return { ...(actor?.tz ? { zone: actor.tz } : {}), ...(omniBase ? { omniBase } : {}) };
}

/** The schedule's page in Omni's UI: `<org>/dashboards/<dashboard>/schedules/<id>`. */
export function omniScheduleUrl(
  omniBase: string | undefined,
  s: Pick<ScheduleView, 'id' | 'identifier'>,
): string | undefined {
  if (!omniBase || !s.identifier) return undefined;
  return `${omniBase}/dashboards/${encodeURIComponent(s.identifier)}/schedules/${encodeURIComponent(s.id)}`;
}

export function cardOptions(display: Display, s: ScheduleView, extra: ScheduleCardOptions = {}): ScheduleCardOptions {
  const omniUrl = omniScheduleUrl(display.omniBase, s);
  return { ...(display.zone ? { zone: display.zone } : {}), ...(omniUrl ? { omniUrl } : {}), ...extra };
}
