// Slack's Socket Mode, faked on the fake Slack's own port: `apps.connections.open` (app-level token) hands out
// a single-use ws://127.0.0.1:PORT/socket/<ticket> URL; on connect the fake sends `hello`, then delivers
// envelopes `{ envelope_id, type, payload, accepts_response_payload }` and waits for the app's ack
// `{ envelope_id, payload }`. It pings like Slack, answers the app's pings, can ask the app to reconnect with
// a `disconnect` message, and records every connection and envelope. Frames: fake-slack-websocket.ts.
//
//   const { payload, ack } = await fake.socket.sendSlashCommand({ user_id: 'U1', text: 'list' });
//   fake.responsesTo(String(payload.response_url));   // what the app sent after acking
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ApiBody, blockErrors, fail } from './fake-slack-api.js';
import { FAKE_DEFAULTS } from './fake-slack-model.js';
import type { FailSpec } from './fake-slack-state.js';
import { acceptWebSocket, refuseUpgrade, type WebSocketConnection } from './fake-slack-websocket.js';
import { type CommandFieldsInput, commandFields, type EnvelopeOptions, eventEnvelope } from './payloads.js';

/** The app-level token the fake accepts by default (add more to `fake.socket.appTokens`). */
export const FAKE_APP_TOKEN = 'xapp-1-A00000001-1-0fakeappleveltoken';

export const SOCKET_PATH = '/socket/';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** Why Slack sends `disconnect`: a refresh soon (`warning`), now (`refresh_requested`), or Socket Mode turned off. */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface SocketConnectionRecord {
  /** 1, 2, … in the order the app connected. */
  id: number;
  openedAt: number;
  /** When the fake sent `hello`; the app counts as connected from then. */
  helloAt?: number;
  closedAt?: number;
  /** Who ended it: the app (close frame), the fake (disconnect/close), or neither (the TCP connection dropped). */
  closedBy?: 'app' | 'slack' | 'network';
  /** The close code the app sent (1000 for a normal close), when it sent one. */
  closeCode?: number;
  /** Pongs the app sent back to the fake's pings. */
  pongs: number;
  /** Pings the app sent (the fake answers each with a pong; without them the client drops the connection). */
  pings: number;
}

export interface EnvelopeRecord {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  connectionId: number;
  sentAt: number;
  /** The ack's payload (`{}` for an empty ack), once the app acked. */
  ack?: Record<string, unknown>;
  ackedAt?: number;
}

export interface SocketDelivery {
  envelopeId: string;
  /** The envelope's payload as the fake sent it (a slash command's includes its response_url). */
  payload: Record<string, unknown>;
  /** The payload of the app's ack: `{}` for a bare ack, else the response (text, blocks, response_action…). */
  ack: Record<string, unknown>;
}

/** What the socket needs from the fake Slack it lives in. */
export interface SocketHost {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  now(): number;
  newResponseUrl(opts: { channel?: string; userId?: string }): string;
  newTriggerId(opts: { userId?: string }): string;
}

export type SlashCommandInput = Omit<CommandFieldsInput, 'response_url' | 'trigger_id'> &
  Partial<Pick<CommandFieldsInput, 'response_url' | 'trigger_id'>>;

/** Interactive payload types whose ack may carry a response (view_submission errors/update, options). */
const RESPONDING_INTERACTIONS = new Set(['view_submission', 'block_suggestion']);

interface Live {
  record: SocketConnectionRecord;
  ws: WebSocketConnection;
  pinger: NodeJS.Timeout;
}

interface Waiting {
  record: EnvelopeRecord;
  resolve(delivery: SocketDelivery): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class FakeSocketMode {
  /** App-level tokens apps.connections.open accepts. */
  readonly appTokens = new Set<string>([FAKE_APP_TOKEN]);
  readonly connections: SocketConnectionRecord[] = [];
  readonly envelopes: EnvelopeRecord[] = [];
  /** Messages from the app that were no ack of a delivered envelope (or not JSON). */
  readonly strayMessages: string[] = [];
  /** How long a delivery waits for its ack. Slack gives up after 3 s; the default leaves room for slow CI. */
  ackTimeoutMs = 10_000;
  /** How often the fake pings each connection (Slack does too; the client drops a connection gone quiet). */
  pingIntervalMs = 5_000;
  private readonly tickets = new Map<string, string>();
  private readonly live = new Map<number, Live>();
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly host: SocketHost) {}

  /** apps.connections.open: an app-level token with connections:write gets a single-use WebSocket URL. */
  open(
    token: string | undefined,
    failure?: FailSpec,
  ): { status: number; body: ApiBody; headers: Record<string, string> } {
    if (failure) {
      const status = failure.status ?? 200;
      const headers: Record<string, string> = status === 429 ? { 'retry-after': String(failure.retryAfter ?? 1) } : {};
      return { status, body: fail(failure.error ?? (status === 429 ? 'ratelimited' : 'fatal_error')), headers };
    }
    let body: ApiBody;
    if (token === undefined) body = fail('not_authed');
    else if (!token.startsWith('xapp-')) body = fail('not_allowed_token_type');
    else if (!this.appTokens.has(token)) body = fail('invalid_auth');
    else {
      const ticket = randomBytes(12).toString('hex');
      this.tickets.set(ticket, token);
      body = { ok: true, url: `${this.host.url.replace(/^http/, 'ws')}${SOCKET_PATH}${ticket}` };
    }
    return { status: 200, body, headers: {} };
  }

  /** The fake's HTTP server hands every upgrade request here. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const ticket = path.startsWith(SOCKET_PATH) ? path.slice(SOCKET_PATH.length) : undefined;
    if (ticket === undefined) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    // Each URL from apps.connections.open is good for one connection.
    if (!this.tickets.delete(ticket)) {
      refuseUpgrade(socket, 401, 'Unauthorized', 'invalid or used ticket');
      return;
    }
    const record: SocketConnectionRecord = {
      id: this.connections.length + 1,
      openedAt: this.host.now(),
      pongs: 0,
      pings: 0,
    };
    const ws = acceptWebSocket(req, socket, head, {
      onText: (text) => this.receive(record, text),
      onPong: () => {
        record.pongs += 1;
      },
      onPing: () => {
        record.pings += 1;
      },
      onClosed: ({ code, by }) =>
        this.closed(record, by === 'peer' ? 'app' : by === 'server' ? 'slack' : 'network', code),
    });
    if (!ws) return;
    this.connections.push(record);
    const pinger = setInterval(() => ws.ping(Buffer.from(`ping ${this.host.now()}`)), this.pingIntervalMs);
    pinger.unref();
    this.live.set(record.id, { record, ws, pinger });
    ws.sendText(
      JSON.stringify({
        type: 'hello',
        num_connections: this.live.size,
        debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: FAKE_DEFAULTS.appId },
      }),
    );
    record.helloAt = this.host.now();
  }

  /** Connections open now (hello sent, not closed), oldest first. */
  get openConnections(): SocketConnectionRecord[] {
    return [...this.live.values()].map((l) => l.record);
  }

  /** Resolves with the newest open connection once the app is connected; rejects after timeoutMs. */
  connected(timeoutMs = 5000): Promise<SocketConnectionRecord> {
    return this.until(() => this.openConnections.at(-1), timeoutMs, 'the app did not connect over Socket Mode');
  }

  /** Resolves once no connection is open (the app closed it, or it dropped); rejects after timeoutMs. */
  disconnected(timeoutMs = 5000): Promise<void> {
    return this.until(() => this.live.size === 0, timeoutMs, 'the app kept its Socket Mode connection open').then(
      () => undefined,
    );
  }

  /** A slash command, as Slack sends it over the socket; response_url and trigger_id are issued when not given. */
  sendSlashCommand(input: SlashCommandInput): Promise<SocketDelivery> {
    const channel = input.channel_id ?? 'C0000GEN1';
    const payload = commandFields({
      ...input,
      response_url: input.response_url ?? this.host.newResponseUrl({ channel, userId: input.user_id }),
      trigger_id: input.trigger_id ?? this.host.newTriggerId({ userId: input.user_id }),
    });
    return this.deliver('slash_commands', payload, true);
  }

  /** An interactivity payload (block_actions, view_submission, block_suggestion, shortcuts…), e.g. from payloads.ts. */
  sendInteractive(payload: Record<string, unknown>): Promise<SocketDelivery> {
    return this.deliver('interactive', payload, RESPONDING_INTERACTIONS.has(String(payload.type)));
  }

  /** An Events API event, wrapped in its event_callback envelope (see eventEnvelope). */
  sendEvent(event: Record<string, unknown> & { type: string }, opts: EnvelopeOptions = {}): Promise<SocketDelivery> {
    return this.deliver('events_api', eventEnvelope(event, opts), false, { retry_attempt: 0, retry_reason: '' });
  }

  /** Sends Slack's `disconnect` message to every open connection: the app should reconnect with a new URL. */
  requestDisconnect(reason: DisconnectReason = 'refresh_requested'): void {
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } });
    for (const { ws } of this.live.values()) ws.sendText(message);
  }

  /** Drops every connection without a close frame, as a network failure would. */
  dropConnections(): void {
    for (const { ws } of this.live.values()) ws.terminate();
  }

  /** For FakeSlack.close(): ends every connection and fails the deliveries still waiting. */
  closeAll(): void {
    this.dropConnections();
    for (const w of this.waiting.values()) this.settle(w, new Error('fake Slack closed before the app acked'));
  }

  private deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    acceptsResponsePayload: boolean,
    extra: Record<string, unknown> = {},
  ): Promise<SocketDelivery> {
    const target = [...this.live.values()].at(-1);
    if (!target) {
      return Promise.reject(
        new Error(
          `fake Slack: no Socket Mode connection is open to deliver ${type} (connections so far: ${this.connections.length})`,
        ),
      );
    }
    const record: EnvelopeRecord = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: acceptsResponsePayload,
      connectionId: target.record.id,
      sentAt: this.host.now(),
    };
    this.envelopes.push(record);
    return new Promise<SocketDelivery>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.settle(
            waiting,
            new Error(
              `fake Slack: the app did not ack ${type} envelope within ${this.ackTimeoutMs} ms (Slack allows 3 s)`,
            ),
          ),
        this.ackTimeoutMs,
      );
      const waiting: Waiting = { record, resolve, reject, timer };
      this.waiting.set(record.envelope_id, waiting);
      const { envelope_id } = record;
      target.ws.sendText(
        JSON.stringify({ envelope_id, type, payload, accepts_response_payload: acceptsResponsePayload, ...extra }),
      );
    });
  }

  private receive(connection: SocketConnectionRecord, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.strayMessages.push(text);
      return;
    }
    const id = (message as { envelope_id?: unknown }).envelope_id;
    const waiting = typeof id === 'string' ? this.waiting.get(id) : undefined;
    if (!waiting || waiting.record.connectionId !== connection.id) {
      this.strayMessages.push(text);
      return;
    }
    const raw = (message as { payload?: unknown }).payload;
    const ack = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    waiting.record.ack = ack;
    waiting.record.ackedAt = this.host.now();
    const problem = this.ackProblem(waiting.record, ack);
    this.settle(waiting, problem ? new Error(problem) : undefined);
  }

  /** Slack refuses a response it cannot show: a slash command ack's blocks must pass Block Kit's limits. */
  private ackProblem(record: EnvelopeRecord, ack: Record<string, unknown>): string | undefined {
    if (record.type !== 'slash_commands' || (ack.blocks === undefined && ack.attachments === undefined))
      return undefined;
    const errors = blockErrors('message', { blocks: ack.blocks, attachments: ack.attachments });
    return errors.length > 0
      ? `fake Slack: invalid_blocks in the slash command's ack: ${errors.join('; ')}`
      : undefined;
  }

  private settle(waiting: Waiting, error?: Error): void {
    clearTimeout(waiting.timer);
    this.waiting.delete(waiting.record.envelope_id);
    if (error) waiting.reject(error);
    else
      waiting.resolve({
        envelopeId: waiting.record.envelope_id,
        payload: waiting.record.payload,
        ack: waiting.record.ack ?? {},
      });
  }

  private closed(record: SocketConnectionRecord, by: 'app' | 'slack' | 'network', code?: number): void {
    const live = this.live.get(record.id);
    if (live) clearInterval(live.pinger);
    this.live.delete(record.id);
    record.closedAt = this.host.now();
    record.closedBy = by;
    if (code !== undefined) record.closeCode = code;
    for (const w of this.waiting.values()) {
      if (w.record.connectionId === record.id) {
        this.settle(
          w,
          new Error(`fake Slack: the Socket Mode connection closed before the app acked ${w.record.type}`),
        );
      }
    }
  }

  private async until<T>(check: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() >= deadline) {
        const seen = this.connections.map((c) => `#${c.id} ${c.closedAt ? `closed by ${c.closedBy}` : 'open'}`);
        throw new Error(`fake Slack: ${what} within ${timeoutMs} ms; connections: ${seen.join(', ') || 'none'}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
