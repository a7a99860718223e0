import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server answers to one request. */
export type ScriptedReply = {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (takes precedence over `json`). */
  text?: string;
  /** Never answer (for time-outs); the connection is dropped on `close()`. */
  hang?: boolean;
  /** Destroy the socket without answering (a network failure). */
  drop?: boolean;
};

export type RecordedRequest = {
  method: string;
  /** Path without the query string, e.g. `/api/v1/schedules`. */
  path: string;
  /** Raw query string without `?` (`''` when none). */
  rawQuery: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body, `undefined` when there is none. */
  body: unknown;
};

export type ScriptedServer = {
  url: string;
  requests: RecordedRequest[];
  /** Queue replies, answered in order, one per request. */
  reply(...replies: ScriptedReply[]): void;
  /** Answer with this whenever the queue is empty (default: a 500 saying nothing was scripted). */
  otherwise(handler: (request: RecordedRequest) => ScriptedReply): void;
  close(): Promise<void>;
};

/** A node:http server on 127.0.0.1:0 that records every request and answers from a script. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: ((request: RecordedRequest) => ScriptedReply) | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        rawQuery: url.search.replace(/^\?/, ''),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        body: rawBody === '' ? undefined : JSON.parse(rawBody),
      };
      requests.push(recorded);
      const reply = queue.shift() ?? fallback?.(recorded) ?? unscripted(recorded);
      answer(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    otherwise: (handler) => {
      fallback = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, reply: ScriptedReply): void {
  if (reply.hang) return;
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let body = '';
  if (reply.text !== undefined) body = reply.text;
  else if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}

function unscripted(request: RecordedRequest): ScriptedReply {
  return {
    status: 500,
    json: { detail: `scripted server: no reply scripted for ${request.method} ${request.path}`, status: 500 },
  };
}

/** Omni's error envelope. */
export function omniError(status: number, detail: string, headers?: Record<string, string>): ScriptedReply {
  return { status, json: { detail, status }, headers };
}
