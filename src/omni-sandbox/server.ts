// The sandbox HTTP server: latency, auth, rate limit, body, route, `{ detail, status }` errors,
// and a request log. In memory; one organization per server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, SlidingWindowLimiter } from './auth.js';
import type { HandlerContext } from './context.js';
import { errorReply, parseJson, type Reply, readBody, SandboxError, sendJson } from './http.js';
import { servePage } from './pages.js';
import { route } from './router.js';
import { defaultSeed, emptySeed } from './seed.js';
import { type OrgSeed, type RequestLogEntry, SandboxState } from './state.js';

export type OmniSandboxOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** The organization API key every request must carry as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Requests per minute per API key (Omni's default is 60); 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Delay before answering each request. */
  latencyMs?: number;
  /** true (default): the docs' example organization; false: no schedules or email-only users; or a seed. */
  seed?: boolean | OrgSeed;
  host?: string;
  /** Send webhook deliveries to hosts other than loopback (default false: recorded, not sent). */
  externalWebhooks?: boolean;
  webhookTimeoutMs?: number;
  /** Clock for the rate limiter and timestamps (tests). */
  now?: () => number;
  /** Called after each request is answered (the CLI prints these). */
  onRequest?: (entry: RequestLogEntry) => void;
};

export type OmniSandbox = {
  /** The org base URL, e.g. http://127.0.0.1:4010; the API is under `${url}/api`. */
  url: string;
  apiKey: string;
  port: number;
  /** Inspect (and, in tests, arrange) the organization: schedules, deliveries, email-only users, requests. */
  state: SandboxState;
  /** Back to the seed: schedules, users, deliveries, request log and rate-limit window. */
  reset(): void;
  close(): Promise<void>;
};

const MAX_LOGGED_REQUESTS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function redact(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('passwordUnencrypted' in body)) return body;
  return { ...body, passwordUnencrypted: '[redacted]' };
}

export async function startOmniSandbox(options: OmniSandboxOptions): Promise<OmniSandbox> {
  if (!options.apiKey) throw new Error('startOmniSandbox: apiKey is required');
  const seedOf = (): OrgSeed =>
    typeof options.seed === 'object' ? options.seed : options.seed === false ? emptySeed() : defaultSeed();
  const state = new SandboxState(seedOf());
  const clock = options.now ?? Date.now;
  const limiter = new SlidingWindowLimiter(options.rateLimitPerMinute ?? 60, clock);
  const host = options.host ?? '127.0.0.1';
  let baseUrl = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    if (method === 'GET' && !url.pathname.startsWith('/api/') && servePage(state, url.pathname, res)) return;
    const entry: RequestLogEntry = {
      at: new Date(clock()).toISOString(),
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    let reply: Reply;
    try {
      if (options.latencyMs) await sleep(options.latencyMs);
      const raw = await readBody(req);
      const key = authenticate(req, options.apiKey);
      limiter.take(key);
      const { handler, params } = route(method, url.pathname);
      const body = parseJson(raw);
      entry.body = redact(body);
      const ctx: HandlerContext = {
        state,
        params,
        query: url.searchParams,
        body,
        baseUrl,
        externalWebhooks: options.externalWebhooks ?? false,
        webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
        now: () => new Date(clock()),
      };
      reply = await handler(ctx);
    } catch (err) {
      if (err instanceof SandboxError) {
        reply = errorReply(err);
      } else {
        // A sandbox bug: answer like Omni's 500 and keep serving.
        const detail = err instanceof Error ? err.message : String(err);
        reply = errorReply(new SandboxError(500, `Internal server error: ${detail}`));
      }
    }
    entry.status = reply.status;
    state.requests.push(entry);
    // A long-running CLI sandbox keeps the recent log only.
    if (state.requests.length > MAX_LOGGED_REQUESTS)
      state.requests.splice(0, state.requests.length - MAX_LOGGED_REQUESTS);
    sendJson(res, reply);
    options.onRequest?.(entry);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Only reached when the response itself could not be written.
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    apiKey: options.apiKey,
    port,
    state,
    reset() {
      state.load(seedOf());
      limiter.reset();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
