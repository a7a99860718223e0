// GET /healthz (the process answers) and GET /readyz (the store answers too), for load balancers and
// orchestrators. Served by Bolt's receiver as custom routes, in HTTP and in Socket Mode alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppStore } from '../store/index.js';

/** A ready check that takes longer than this counts as "not ready". */
export const READY_TIMEOUT_MS = 2_000;

export function healthRoutes(store: Pick<AppStore, 'ping'>): CustomRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET', 'HEAD'],
      handler: (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        storeReadiness(store).then(
          (problem) =>
            problem === undefined
              ? sendJson(res, 200, { status: 'ready' })
              : sendJson(res, 503, { status: 'unavailable', reason: problem }),
          (error: unknown) => sendJson(res, 503, { status: 'unavailable', reason: describe(error) }),
        );
      },
    },
  ];
}

/** undefined when the store answered a ping in time, else why not (no credentials). */
export async function storeReadiness(store: Pick<AppStore, 'ping'>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`store did not answer within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      store.ping().then(
        () => undefined,
        (error: unknown) => `store does not answer: ${describe(error)}`,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // A driver error may quote the store URL; never echo its credentials.
  return text.replace(/:\/\/[^@\s/]+@/g, '://***@').slice(0, 300);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
