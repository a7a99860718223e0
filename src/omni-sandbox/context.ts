import type { Reply } from './http.js';
import type { SandboxState } from './state.js';

export type HandlerContext = {
  state: SandboxState;
  /** Path parameters, e.g. `scheduleId`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** The org base URL, e.g. http://127.0.0.1:4010 (dashboard links are built from it). */
  baseUrl: string;
  /** Webhooks to hosts other than loopback are only sent when true. */
  externalWebhooks: boolean;
  webhookTimeoutMs: number;
  now: () => Date;
};

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
