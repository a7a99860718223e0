// GET /healthz (the process answers), GET /readyz (start-up is done and the store answers) and GET /metrics
// (Prometheus text), for load balancers, orchestrators and monitoring. Served by Bolt's receiver as custom
// routes, in HTTP and in Socket Mode alike, and by serveHealth while start-up waits for Slack and the store.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppMetrics } from '../metrics.js';
import type { AppStore } from '../store/index.js';

export interface HealthOptions {
  /** Served at /metrics when given. */
  metrics?: Pick<AppMetrics, 'render'>;
  /** Why the process is not ready yet (e.g. Slack not reached at start-up), or undefined. */
  notReady?: () => string | undefined;
}

/** A ready check that takes longer than this counts as "not ready". */
export const READY_TIMEOUT_MS = 2_000;

export function healthRoutes(store: Pick<AppStore, 'ping'>, options: HealthOptions = {}): CustomRoute[] {
  const routes: CustomRoute[] = [
    {
      path: '/healthz',
      method: ['GET', 'HEAD'],
      handler: (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        const waiting = options.notReady?.();
        if (waiting !== undefined) return sendJson(res, 503, { status: 'unavailable', reason: waiting });
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
  const { metrics } = options;
  if (metrics) {
    routes.push({
      path: '/metrics',
      method: ['GET'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        metrics.render().then(
          ({ contentType, body }) => {
            res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
            res.end(body);
          },
          (error: unknown) => sendJson(res, 500, { status: 'error', reason: describe(error) }),
        );
      },
    });
  }
  return routes;
}

/**
 * A plain HTTP server on `port` answering only `routes` (404 otherwise), for the time before Bolt's receiver
 * listens. Resolves once listening; rejects when the port cannot be used.
 */
export function serveHealth(port: number, routes: CustomRoute[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find(
      (r) => r.path === path && (Array.isArray(r.method) ? r.method : [r.method]).includes(req.method ?? 'GET'),
    );
    if (!route) return sendJson(res, 404, { status: 'not found' });
    void route.handler(req as Parameters<CustomRoute['handler']>[0], res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
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
