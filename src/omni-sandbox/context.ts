import type { Dialect } from './dialect.js';
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
  /** Which reading of the create/update body to enforce. */
  dialect: Dialect;
  /** How long a triggered run takes before its outcome is recorded; 0 runs it before answering. */
  runMs: number;
  /** Runs `run` after `ms` without holding up the answer; the server tracks it until it ends. */
  startRun: (ms: number, run: () => Promise<void>) => void;
  /** Set when the request carries the non-admin member key: the member it belongs to. */
  memberId?: string;
};

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
