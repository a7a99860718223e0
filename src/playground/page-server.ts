// The playground's web server on 127.0.0.1: the static page (public/, no build step), the person's view as JSON
// (GET /api/state), a server-sent event each time the fake Slack changes (GET /api/events), and the page's
// actions (POST /api/*), which the bridge turns into the requests Slack would send to the app.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionInput, ActionPlace, BridgeAnswer, SlackBridge, ViewValues } from './bridge.js';
import { type PageContext, pageState } from './page-state.js';
import { PERSONAS, personaOf } from './workspace.js';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'blocks.js': 'text/javascript; charset=utf-8',
  'mrkdwn.js': 'text/javascript; charset=utf-8',
  'widgets.js': 'text/javascript; charset=utf-8',
};
const MAX_BODY = 1_000_000;

class BadRequest extends Error {}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new BadRequest('the body must be a JSON object');
  }
}

function text(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v === '') throw new BadRequest(`"${key}" must be a non-empty string`);
  return v;
}

function persona(body: Record<string, unknown>): string {
  const user = text(body, 'user');
  if (!personaOf(user)) throw new BadRequest(`"${user}" is not one of the playground's people`);
  return user;
}

function values(body: Record<string, unknown>): ViewValues {
  const v = body.values ?? {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new BadRequest('"values" must be an object');
  return v as ViewValues;
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new BadRequest(`"${what}" must be an object`);
  return v as Record<string, unknown>;
}

/** The page's click, checked: where it happened, which element, and what was chosen. */
function actionInput(body: Record<string, unknown>): ActionInput {
  const place = obj(body.place, 'place');
  const where: ActionPlace =
    place.surface === 'view'
      ? { surface: 'view', viewId: text(place, 'viewId'), values: values(place) }
      : place.surface === 'message'
        ? {
            surface: 'message',
            channel: text(place, 'channel'),
            ts: text(place, 'ts'),
            ephemeral: place.ephemeral === true,
          }
        : (() => {
            throw new BadRequest('"place.surface" must be "message" or "view"');
          })();
  return {
    user: persona(body),
    place: where,
    actionId: text(body, 'actionId'),
    // Slack gives every block an id; a message posted without them has '' here, which still finds the element.
    blockId: typeof body.blockId === 'string' ? body.blockId : '',
    ...(typeof body.value === 'string' ? { value: body.value } : {}),
    ...(body.selection !== undefined ? { selection: obj(body.selection, 'selection') } : {}),
  };
}

export interface PageServerOptions {
  port: number;
  bridge: SlackBridge;
  context: () => PageContext;
}

export class PageServer {
  url = '';
  private readonly clients = new Set<ServerResponse>();
  private readonly server: Server;

  constructor(private readonly opts: PageServerOptions) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof BadRequest) send(res, 400, { ok: false, error: error.message });
        else send(res, 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Tells every open page that something changed; they fetch their view again. */
  notify(version: number): void {
    for (const res of this.clients) res.write(`data: ${version}\n\n`);
  }

  async close(): Promise<void> {
    for (const res of this.clients) res.end();
    this.clients.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /**
   * Only this machine's own page may use the playground: another site open in the same browser could otherwise
   * post commands to it (a JSON body needs a CORS preflight, which is never granted), or reach it through a
   * DNS name that points at 127.0.0.1 (the Host must be this server's).
   */
  private refusal(req: IncomingMessage): { status: number; error: string } | undefined {
    const port = new URL(this.url).port;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return { status: 421, error: `open the playground at ${this.url}` };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return { status: 403, error: 'cross-origin request' };
    if (req.method === 'POST' && !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return { status: 415, error: 'the body must be JSON (content-type: application/json)' };
    }
    return undefined;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = this.refusal(req);
    if (refused) {
      send(res, refused.status, { ok: false, error: refused.error });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/api/state') {
        const me = personaOf(url.searchParams.get('user') ?? '') ?? PERSONAS[0];
        if (!me) throw new Error('no personas');
        send(res, 200, pageState(this.opts.context(), me));
        return;
      }
      if (path === '/api/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(`data: ${this.opts.context().version}\n\n`);
        this.clients.add(res);
        req.on('close', () => this.clients.delete(res));
        return;
      }
      const name = path === '/' ? 'index.html' : path.slice(1);
      const type = Object.hasOwn(STATIC, name) ? STATIC[name] : undefined;
      if (!type) {
        send(res, 404, { ok: false, error: 'not_found' });
        return;
      }
      const body = await readFile(join(PUBLIC, name));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (req.method !== 'POST' || !path.startsWith('/api/')) {
      send(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const body = await readJson(req);
    const answer = await this.post(path.slice('/api/'.length), body);
    send(res, 200, answer);
  }

  private post(what: string, body: Record<string, unknown>): Promise<BridgeAnswer> | BridgeAnswer {
    const { bridge } = this.opts;
    switch (what) {
      case 'message': {
        const user = persona(body);
        const channel = text(body, 'channel');
        const typed = text(body, 'text').trim();
        const command = /^(\/\S+)\s*([\s\S]*)$/.exec(typed);
        if (!command) return bridge.say(user, channel, typed);
        const name = command[1] as string;
        if (name !== this.opts.context().command.name) {
          return {
            ok: false,
            error: `${name} is not a valid command. This workspace has ${this.opts.context().command.name}.`,
          };
        }
        return bridge.command(user, channel, name, command[2] ?? '');
      }
      case 'action':
        return bridge.action(actionInput(body));
      case 'submit':
        return bridge.submit(persona(body), text(body, 'viewId'), values(body));
      case 'close':
        return bridge.close(persona(body), text(body, 'viewId'), body.all === true);
      case 'options':
        return bridge.options(
          persona(body),
          text(body, 'viewId'),
          text(body, 'blockId'),
          text(body, 'actionId'),
          typeof body.value === 'string' ? body.value : '',
          values(body),
        );
      case 'home':
        return bridge.homeOpened(persona(body));
      case 'shortcut': {
        const callbackId = text(body, 'callbackId');
        if (!this.opts.context().shortcuts.some((s) => s.callbackId === callbackId)) {
          throw new BadRequest(`the app has no message shortcut "${callbackId}"`);
        }
        return bridge.messageShortcut(persona(body), text(body, 'channel'), text(body, 'ts'), callbackId);
      }
      default:
        throw new BadRequest(`unknown action ${what}`);
    }
  }
}
