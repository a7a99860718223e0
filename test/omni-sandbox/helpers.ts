// Plain-fetch access to a sandbox, so these tests share no code with the app's Omni client.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OmniSandbox, type OmniSandboxOptions, startOmniSandbox } from '../../src/omni-sandbox/index.js';

export const API_KEY = 'sandbox-test-key';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by assertions, not types.
export type ApiResponse = { status: number; headers: Headers; body: any };
export type Json = ApiResponse['body'];

export type Api = (
  method: string,
  path: string,
  body?: unknown,
  opts?: { key?: string | null; rawBody?: string },
) => Promise<ApiResponse>;

export function apiFor(sandbox: OmniSandbox): Api {
  return async (method, path, body, opts = {}) => {
    const headers: Record<string, string> = {};
    const key = opts.key === undefined ? sandbox.apiKey : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined = opts.rawBody;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${sandbox.url}/api${path}`, { method, headers, body: payload });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}

export async function startSandbox(
  opts: Partial<OmniSandboxOptions> = {},
): Promise<{ sandbox: OmniSandbox; api: Api }> {
  const sandbox = await startOmniSandbox({ apiKey: API_KEY, rateLimitPerMinute: 0, ...opts });
  return { sandbox, api: apiFor(sandbox) };
}

/** Expects Omni's error envelope with exactly this status and `detail`. */
export function expectError(res: ApiResponse, status: number, detail: string): void {
  if (res.status !== status || res.body?.detail !== detail || res.body?.status !== status) {
    throw new Error(
      `expected ${status} "${detail}", got ${res.status} ${JSON.stringify(res.body)}`.replace(/\s+/g, ' '),
    );
  }
}

export const validEmailBody = (patch: Record<string, unknown> = {}) => ({
  identifier: '12db1a0a',
  name: 'Daily orders',
  schedule: '0 9 ? * * *',
  timezone: 'UTC',
  format: 'pdf',
  destinationType: 'email',
  recipients: ['iamagoodblob@myorg.co'],
  subject: 'Daily orders',
  ...patch,
});

export type ReceivedRequest = { method: string; path: string; contentType: string; body: string };

/** A local webhook receiver that records what it gets; `respond` sets the status it answers. */
export async function startWebhookReceiver(respond: (req: IncomingMessage) => number | Promise<number> = () => 200) {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({
      method: req.method ?? '',
      path: req.url ?? '',
      contentType: req.headers['content-type'] ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(await respond(req)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
