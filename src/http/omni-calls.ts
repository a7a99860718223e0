// One log line and the call/429 counters per HTTP attempt against Omni, from the Omni client's observer hook.
// The line names the organization by a hash, the method, the path without its query, the status and the time:
// never the key (it is only in a header) nor an email (a path segment that looks like one is masked).
import type { AppLogger } from '../logger.js';
import { type AppMetrics, orgLabel } from '../metrics.js';
import { type OmniCallObserver, setOmniCallObserver } from '../omni/observe.js';

export function omniCallObserver(
  logger: Pick<AppLogger, 'fields'>,
  metrics: Pick<AppMetrics, 'omniCall'>,
): OmniCallObserver {
  return (call) => {
    metrics.omniCall(call.baseUrl, call.status);
    const fields = {
      kind: 'omni',
      org: orgLabel(call.baseUrl),
      method: call.method,
      path: maskPath(call.path),
      status: call.status ?? null,
      ms: call.ms,
      attempt: call.attempt,
    };
    logger.fields(call.status === 429 || call.status === undefined ? 'warn' : 'info', fields, 'omni call');
  };
}

/** Installs the process's observer of Omni calls. */
export function observeOmniCalls(logger: Pick<AppLogger, 'fields'>, metrics: Pick<AppMetrics, 'omniCall'>): void {
  setOmniCallObserver(omniCallObserver(logger, metrics));
}

/** `/api/scim/v2/users/a%40b.com` → `/api/scim/v2/users/:email`; the query string is dropped. */
export function maskPath(path: string): string {
  const [bare = ''] = path.split('?');
  return bare
    .split('/')
    .map((segment) => (safeDecode(segment).includes('@') ? ':email' : segment))
    .join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
