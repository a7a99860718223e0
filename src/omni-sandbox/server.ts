// The sandbox HTTP server: latency, auth, rate limit, body, route, `{ detail, status }` errors,
// and a request log. In memory; one organization per server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, SlidingWindowLimiter } from './auth.js';
import type { HandlerContext } from './context.js';
import { DIALECTS, type Dialect } from './dialect.js';
import { errorReply, parseJson, type Reply, readBody, SandboxError, sendJson } from './http.js';
import { checkMemberAccess } from './member-access.js';
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
  /**
   * Which reading of the create/update body to enforce where Omni's docs and spec disagree:
   * `lenient` (default) accepts both; `docs`/`spec` refuse the other's fields with a 400.
   */
  dialect?: Dialect;
  /**
   * How long a triggered run takes; the trigger answers at once and the outcome is recorded
   * after this long. 0 (default here; the CLI defaults to 3000) records it before answering.
   */
  runMs?: number;
  /** false: 429s carry no `Retry-After` header, as Omni documents none (default true). */
  retryAfter?: boolean;
  /** A second key, belonging to a non-admin member, that gets the 403s Omni's spec declares. */
  memberKey?: string;
  /** The member `memberKey` belongs to (default: the seed's first member other than the key owner). */
  memberKeyOwnerId?: string;
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
  /** Resolves when every run in flight has recorded its outcome. */
  runsSettled(): Promise<void>;
  /** Finishes every run in flight now instead of after `runMs` (tests), and waits for them. */
  finishRunsNow(): Promise<void>;
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
  const dialect = options.dialect ?? 'lenient';
  if (!DIALECTS.includes(dialect)) throw new Error(`startOmniSandbox: dialect must be one of ${DIALECTS.join(', ')}`);
  const runMs = options.runMs ?? 0;
  if (!Number.isFinite(runMs) || runMs < 0) throw new Error('startOmniSandbox: runMs must be 0 or more');
  if (options.memberKey !== undefined && (options.memberKey === '' || options.memberKey === options.apiKey)) {
    throw new Error('startOmniSandbox: memberKey must be non-empty and differ from apiKey');
  }
  const keys = options.memberKey ? [options.apiKey, options.memberKey] : [options.apiKey];
  const memberOf = (): string => {
    const owner = options.memberKeyOwnerId ?? [...state.members.keys()].find((id) => id !== state.keyOwnerId);
    if (!owner) throw new Error('startOmniSandbox: memberKey needs a seed member other than the key owner');
    return owner;
  };
  /** Runs in flight; a run still waiting for its time has its timer and its start function. */
  const runs = new Map<Promise<void>, { timer: NodeJS.Timeout; start: () => void } | undefined>();
  const startRun = (ms: number, run: () => Promise<void>) => {
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      resolveDone = resolve;
    }).finally(() => runs.delete(done));
    const start = () => {
      const pending = runs.get(done);
      if (pending) clearTimeout(pending.timer);
      runs.set(done, undefined);
      // runDelivery records failures as deliveries; anything else is a sandbox bug, kept visible.
      run().then(resolveDone, (err: unknown) => {
        process.stderr.write(`omni-sandbox: run failed: ${err instanceof Error ? err.message : String(err)}\n`);
        resolveDone();
      });
    };
    runs.set(done, { timer: setTimeout(start, ms), start });
  };
  const seedOf = (): OrgSeed =>
    typeof options.seed === 'object' ? options.seed : options.seed === false ? emptySeed() : defaultSeed();
  const state = new SandboxState(seedOf());
  const clock = options.now ?? Date.now;
  const limiter = new SlidingWindowLimiter(options.rateLimitPerMinute ?? 60, clock, options.retryAfter ?? true);
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
      const key = authenticate(req, keys);
      limiter.take(key);
      const { handler, params, pattern } = route(method, url.pathname);
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
        dialect,
        runMs,
        startRun,
        memberId: key === options.memberKey ? memberOf() : undefined,
      };
      checkMemberAccess(method, pattern, ctx);
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

  // Runs not yet started are dropped; a run already delivering finishes on its own.
  function cancelPendingRuns(): void {
    for (const [done, pending] of runs) {
      if (pending === undefined) continue;
      clearTimeout(pending.timer);
      runs.delete(done);
    }
  }

  return {
    url: baseUrl,
    apiKey: options.apiKey,
    port,
    state,
    reset() {
      cancelPendingRuns();
      state.load(seedOf());
      limiter.reset();
    },
    runsSettled: async () => {
      while (runs.size > 0) await Promise.all(runs.keys());
    },
    finishRunsNow: async () => {
      for (const pending of [...runs.values()]) pending?.start();
      while (runs.size > 0) await Promise.all(runs.keys());
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        cancelPendingRuns();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
