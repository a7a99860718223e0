// A fake Slack on 127.0.0.1 for end-to-end tests: the Web API under /api/<method> (point the app's
// SLACK_API_URL / clientOptions.slackApiUrl at `apiUrl`) and response_urls under /respond/<id>.
// It records every call, answers like Slack (errors included) and enforces Slack's one-shot rules.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiBody, blockErrors, fail, type MethodHandler } from './fake-slack-api.js';
import { chatMethods } from './fake-slack-chat.js';
import { directoryMethods } from './fake-slack-directory.js';
import {
  buildWorkspace,
  FAKE_DEFAULTS,
  type FakeWorkspace,
  type ResponseUrlRecord,
  type StoredView,
} from './fake-slack-model.js';
import { FakeSocketMode } from './fake-slack-socket.js';
import { FakeSlackState, type RecordedCall, type RecordedResponse } from './fake-slack-state.js';
import { applyViewResponse, publicView, viewMethods } from './fake-slack-views.js';
import { SlackRateTiers } from './rate-tiers.js';

export type * from './fake-slack-model.js';
export type { SocketConnectionRecord, SocketDelivery } from './fake-slack-socket.js';
export { FAKE_APP_TOKEN } from './fake-slack-socket.js';
export type { FailSpec, RecordedCall, RecordedResponse } from './fake-slack-state.js';
export type { ViewSubmissionAck } from './fake-slack-views.js';
export { FAKE_DEFAULTS, publicView };

/** What the fake just answered: a Web API call or a response_url post (see FakeSlack.onActivity). */
export type FakeSlackActivity = { kind: 'call'; call: RecordedCall } | { kind: 'response'; response: RecordedResponse };

const METHODS: Record<string, MethodHandler> = { ...directoryMethods, ...viewMethods, ...chatMethods };

/** Form fields that carry JSON, as @slack/web-api sends them. */
const JSON_FIELDS = new Set(['view', 'blocks', 'attachments', 'metadata', 'profile', 'unfurls']);

export interface FakeSlackOptions {
  /** Bot token of the default workspace (default 'xoxb-test-token'). */
  token?: string;
  /** More tokens accepted for the default workspace. */
  extraTokens?: string[];
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall?: boolean;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** Further workspaces, each with its own bot token. */
  workspaces?: (Partial<FakeWorkspace> & { token: string; teamId: string })[];
  /** Slack's values by default: 3 s, 30 min, 5 uses. */
  triggerTtlMs?: number;
  responseUrlTtlMs?: number;
  responseUrlMaxUses?: number;
  /** Enforce Slack's rate tiers (rate-tiers.ts): 429 with Retry-After when over. Off by default. */
  rateTiers?: boolean;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(req: IncomingMessage, raw: string, query: URLSearchParams): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = Object.fromEntries(query);
  if (raw === '') return params;
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return { ...params, ...(JSON.parse(raw) as Record<string, unknown>) };
    } catch {
      return undefined;
    }
  }
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = value;
    if (JSON_FIELDS.has(key) && /^\s*[[{]/.test(value)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // Left as a string: the method answers invalid JSON like Slack does.
      }
    }
  }
  return params;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export class FakeSlack extends FakeSlackState {
  /** http://127.0.0.1:PORT */
  url = '';
  /** http://127.0.0.1:PORT/api/ — give this to WebClient / Bolt as slackApiUrl. */
  apiUrl = '';
  /** Socket Mode: apps.connections.open and the WebSocket endpoint (see fake-slack-socket.ts). */
  readonly socket: FakeSocketMode = new FakeSocketMode(this);
  /** Slack's rate tiers, when started with `rateTiers: true`; `limited` counts the 429s by method. */
  rateTiers: SlackRateTiers | undefined;
  private readonly activityListeners = new Set<(activity: FakeSlackActivity) => void>();
  private readonly server: Server = createServer((req, res) => {
    this.route(req, res).catch((err: unknown) => send(res, 500, fail('fatal_error', { detail: String(err) })));
  });

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.on('upgrade', (req, socket, head) => this.socket.upgrade(req, socket, head));
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.url}/api/`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.socket.closeAll();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** A response_url like the one in a command or interaction payload: 5 uses within 30 min. */
  newResponseUrl(opts: { channel?: string; userId?: string } = {}): string {
    const id = `${Math.floor(this.now() / 1000)}-${randomBytes(6).toString('hex')}`;
    const url = `${this.url}/respond/${id}`;
    this.responseUrlRecords.set(id, { id, url, createdAt: this.now(), uses: 0, ...opts });
    return url;
  }

  /** JSON bodies the app posted to a response_url and the fake accepted, oldest first. */
  responsesTo(url: string): Record<string, unknown>[] {
    return this.responses
      .filter((r) => r.url === url && r.status === 200)
      .map((r) => r.body as Record<string, unknown>);
  }

  lastResponse(url: string): Record<string, unknown> | undefined {
    return this.responsesTo(url).at(-1);
  }

  /**
   * Resolves with the first truthy value of `predicate` (checked as calls and responses arrive), for
   * listeners that keep working after ack. Rejects after timeoutMs, listing what was recorded.
   */
  async waitFor<T>(predicate: (fake: this) => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate(this);
      if (value) return value;
      if (Date.now() >= deadline) {
        const seen = this.calls.map((c) => `${c.method}${c.response.ok ? '' : `(${String(c.response.error)})`}`);
        throw new Error(
          `fake Slack: condition not met within ${timeoutMs} ms; calls: ${seen.join(', ') || 'none'}; ` +
            `response_url posts: ${this.responses.length}`,
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Waits for a call of `method` (optionally one matching `match`) and returns it. */
  waitForCall(method: string, match: (c: RecordedCall) => boolean = () => true, timeoutMs = 3000) {
    return this.waitFor(() => this.calls.find((c) => c.method === method && match(c)), timeoutMs);
  }

  /**
   * Calls `listener` after each Web API call and response_url post has been answered, so that a live view of
   * the fake (the playground's page) can follow what the app does. Returns a function that removes it.
   */
  onActivity(listener: (activity: FakeSlackActivity) => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  private emitActivity(activity: FakeSlackActivity): void {
    for (const listener of this.activityListeners) listener(activity);
  }

  /** Applies a view_submission ack to the fake's modal, as Slack would; see fake-slack-views.ts. */
  applyViewResponse(viewId: string, ack: unknown): StoredView | undefined {
    return applyViewResponse(this, viewId, ack);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url || 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/api/')) {
      this.answerApi(decodeURIComponent(url.pathname.slice(5)), req, raw, url, res);
    } else if (req.method === 'POST' && url.pathname.startsWith('/respond/')) {
      this.answerResponseUrl(url, raw, res);
    } else {
      send(res, 404, { ok: false, error: 'not_found' });
    }
  }

  private answerApi(method: string, req: IncomingMessage, raw: string, url: URL, res: ServerResponse): void {
    const parsed = parseParams(req, raw, url.searchParams);
    const params = parsed ?? {};
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = auth?.[1] ?? (typeof params.token === 'string' ? params.token : undefined);
    delete params.token;
    if (method === 'apps.connections.open') {
      // Socket Mode's own method: it takes the app-level token (xapp-…), not a workspace's.
      const opened = this.socket.open(token, this.takeFailure(method));
      this.calls.push({ method, params, token, at: this.now(), status: opened.status, response: opened.body });
      send(res, opened.status, opened.body, opened.headers);
      this.emitActivity({ kind: 'call', call: this.calls[this.calls.length - 1] as RecordedCall });
      return;
    }
    const ws = token === undefined ? undefined : this.workspaces.get(token);
    const handler: MethodHandler | undefined = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
    const failure = handler ? this.takeFailure(method) : undefined;
    let status = 200;
    let headers: Record<string, string> = {};
    let body: ApiBody;
    if (!handler) body = fail('unknown_method');
    else if (failure) {
      status = failure.status ?? 200;
      body = fail(failure.error ?? (status === 429 ? 'ratelimited' : 'fatal_error'));
      if (status === 429) headers = { 'retry-after': String(failure.retryAfter ?? 1) };
    } else if (parsed === undefined) body = fail('invalid_json');
    else if (token === undefined) body = fail('not_authed');
    else if (!ws) body = fail('invalid_auth');
    else {
      const retryAfter = this.rateTiers?.check(ws.teamId, method, params, this.now());
      if (retryAfter === undefined) body = handler({ state: this, ws, params });
      else {
        status = 429;
        body = fail('ratelimited');
        headers = { 'retry-after': String(retryAfter) };
      }
    }
    this.calls.push({ method, params, token, teamId: ws?.teamId, at: this.now(), status, response: body });
    send(res, status, body, headers);
    this.emitActivity({ kind: 'call', call: this.calls[this.calls.length - 1] as RecordedCall });
  }

  private answerResponseUrl(url: URL, raw: string, res: ServerResponse): void {
    const record = this.responseUrlRecords.get(url.pathname.slice('/respond/'.length));
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const refusal = this.responseUrlRefusal(record, body);
    if (refusal || !record) {
      const { status, error, extra } = refusal ?? { status: 404, error: 'no_service' };
      this.responses.push({ url: url.href, body, at: this.now(), status, error });
      send(res, status, { ok: false, error, ...extra });
      this.emitActivity({ kind: 'response', response: this.responses[this.responses.length - 1] as RecordedResponse });
      return;
    }
    record.uses += 1;
    this.responses.push({ url: record.url, body, at: this.now(), status: 200 });
    send(res, 200, { ok: true });
    this.emitActivity({ kind: 'response', response: this.responses[this.responses.length - 1] as RecordedResponse });
  }

  /** Why Slack would refuse this response_url post, or undefined when it accepts it. */
  private responseUrlRefusal(
    record: ResponseUrlRecord | undefined,
    body: unknown,
  ): { status: number; error: string; extra?: Record<string, unknown> } | undefined {
    const failure = this.takeFailure('response_url');
    if (failure) return { status: failure.status ?? 500, error: failure.error ?? 'internal_error' };
    if (!record) return { status: 404, error: 'no_service' };
    if (this.now() - record.createdAt > this.timings.responseUrlTtlMs) return { status: 404, error: 'expired_url' };
    if (record.uses >= this.timings.responseUrlMaxUses) return { status: 404, error: 'used_url' };
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { status: 400, error: 'invalid_payload' };
    }
    const msg = body as Record<string, unknown>;
    if (msg.text === undefined && msg.blocks === undefined && msg.attachments === undefined && !msg.delete_original) {
      return { status: 400, error: 'no_text' };
    }
    const errors = blockErrors('message', { blocks: msg.blocks, attachments: msg.attachments });
    if (errors.length > 0) return { status: 400, error: 'invalid_blocks', extra: { errors } };
    return undefined;
  }
}

/** Starts a fake Slack on 127.0.0.1 (random port). Close it in afterAll/afterEach. */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const main = buildWorkspace({
    token: opts.token ?? FAKE_DEFAULTS.token,
    teamId: opts.teamId ?? FAKE_DEFAULTS.teamId,
    teamName: opts.teamName ?? FAKE_DEFAULTS.teamName,
    teamDomain: opts.teamDomain ?? FAKE_DEFAULTS.teamDomain,
    enterpriseId: opts.enterpriseId,
    enterpriseName: opts.enterpriseName,
    isEnterpriseInstall: opts.isEnterpriseInstall ?? false,
    botUserId: opts.botUserId ?? FAKE_DEFAULTS.botUserId,
    botId: opts.botId ?? FAKE_DEFAULTS.botId,
    appId: opts.appId ?? FAKE_DEFAULTS.appId,
  });
  const fake = new FakeSlack(main, {
    triggerTtlMs: opts.triggerTtlMs ?? 3000,
    responseUrlTtlMs: opts.responseUrlTtlMs ?? 30 * 60 * 1000,
    responseUrlMaxUses: opts.responseUrlMaxUses ?? 5,
  });
  if (opts.rateTiers) fake.rateTiers = new SlackRateTiers();
  for (const token of opts.extraTokens ?? []) fake.workspaces.set(token, main);
  for (const ws of opts.workspaces ?? []) fake.addWorkspace(ws);
  await fake.listen();
  return fake;
}
