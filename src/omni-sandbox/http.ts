import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error Omni would answer with `{ detail, status }`. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'SandboxError';
  }
}

export const badRequest = (detail: string): SandboxError => new SandboxError(400, detail);
export const notFound = (detail: string): SandboxError => new SandboxError(404, detail);

export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

const MAX_BODY_BYTES = 1_000_000;

/** Reads the raw body; `undefined` when it is empty. */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new SandboxError(413, 'Request body too large');
    chunks.push(buf);
  }
  if (size === 0) return undefined;
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON the way Omni reports it: "Invalid JSON" (documented for the email-only endpoints). */
export function parseJson(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('Invalid JSON');
  }
}

export function sendJson(res: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

export function errorReply(err: SandboxError): Reply {
  return { status: err.status, body: { detail: err.detail, status: err.status }, headers: err.headers };
}
