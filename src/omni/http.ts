import type { z } from 'zod';
import type { Clock } from './clock.js';
import { OmniApiError, OmniNetworkError, OmniResponseError, OmniTimeoutError } from './errors.js';
import { reportOmniCall } from './observe.js';
import type { CallPacer } from './pacing.js';
import { backoffDelay, mayRetryStatus, mayRetryTransportFailure, parseRetryAfter, type RetryPolicy } from './retry.js';
import type { QueryValue } from './schemas/common.js';
import { safeParse } from './validation.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type OmniCall<S extends z.ZodType> = {
  /** The client method, e.g. `triggerSchedule`; every error from this call carries it. */
  operation: string;
  method: HttpMethod;
  /** From the org root, e.g. `/api/v1/schedules/<id>/pause`; ids already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  retry: RetryPolicy;
  response: S;
};

export type TransportSettings = {
  /** Normalised org URL without a trailing slash, e.g. `https://myorg.omniapp.co`. */
  baseUrl: string;
  apiKey: string;
  rateLimitPerMinute: number;
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
  clock: Clock;
  random: () => number;
  pacer: CallPacer;
  /** A `Retry-After` longer than this is not waited for: the 429 is reported instead. */
  maxRetryAfterMs: number;
  /** Told before a wait for the rate limit, with how long it will be. */
  onRateLimitWait?: (wait: { operation: string; waitMs: number; resumesAt: Date; retryAfterHeader: boolean }) => void;
  /** Told before a call waits for the pacer (this app keeping within the limit), with how long. */
  onPacingWait?: (wait: { operation: string; waitMs: number }) => void;
};

/**
 * Omni documents its limit as N requests per minute per key and no `Retry-After`.
 * A 429 without one is waited out for a whole window, plus the same one second of margin the pacer
 * keeps, by when every request Omni counted has left it; a short backoff would only meet more 429s.
 */
export const RATE_LIMIT_WINDOW_WAIT_MS = 61_000;

type RawResponse = { status: number; statusText: string; headers: Headers; text: string };

/** Sends one Omni call: paced, timed out per attempt, retried per `retry.ts`, answer parsed by `call.response`. */
export class OmniTransport {
  readonly #settings: TransportSettings;

  constructor(settings: TransportSettings) {
    this.#settings = settings;
  }

  async send<S extends z.ZodType>(call: OmniCall<S>): Promise<z.output<S>> {
    const settings = this.#settings;
    for (let attempt = 1; ; attempt++) {
      const retriesLeft = attempt <= settings.maxRetries;
      await settings.pacer.acquire(settings.rateLimitPerMinute, (waitMs) =>
        settings.onPacingWait?.({ operation: call.operation, waitMs }),
      );

      let response: RawResponse;
      try {
        response = await this.#attempt(call, attempt);
      } catch (error) {
        if (retriesLeft && mayRetryTransportFailure(call.retry)) {
          await settings.clock.sleep(backoffDelay(attempt, settings.random));
          continue;
        }
        throw error;
      }

      if (response.status >= 200 && response.status < 300) return this.#parse(call, response);
      if (response.status >= 300 && response.status < 400) throw redirected(call, response, attempt);

      // Retry-After is honoured on 429 (and 503, where HTTP also defines it); Omni does not document it either way.
      const retryAfterMs =
        response.status === 429 || response.status === 503
          ? parseRetryAfter(response.headers.get('retry-after'), settings.clock.now())
          : undefined;
      const rateLimited = response.status === 429;
      const waitMs = retryAfterMs ?? (rateLimited ? RATE_LIMIT_WINDOW_WAIT_MS : backoffDelay(attempt, settings.random));
      const mayWait = retryAfterMs === undefined || retryAfterMs <= settings.maxRetryAfterMs;
      if (retriesLeft && mayRetryStatus(response.status, call.retry) && mayWait) {
        if (rateLimited) {
          const resumesAt = settings.clock.now() + waitMs;
          settings.onRateLimitWait?.({
            operation: call.operation,
            waitMs,
            resumesAt: new Date(resumesAt),
            retryAfterHeader: retryAfterMs !== undefined,
          });
          await settings.pacer.pauseUntil(resumesAt);
        } else {
          await settings.clock.sleep(waitMs);
        }
        continue;
      }
      throw new OmniApiError({
        operation: call.operation,
        status: response.status,
        detail: this.#redact(describeErrorBody(response)),
        method: call.method,
        path: call.path,
        attempts: attempt,
        retryAfterMs,
      });
    }
  }

  async #attempt(call: OmniCall<z.ZodType>, attempt: number): Promise<RawResponse> {
    const { baseUrl, apiKey, timeoutMs } = this.#settings;
    const started = performance.now();
    let status: number | undefined;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Real time on purpose: the injected clock only drives waits we choose, not how long Omni takes.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new OmniTimeoutError({
            operation: call.operation,
            method: call.method,
            path: call.path,
            timeoutMs,
            attempts: attempt,
          }),
        );
      }, timeoutMs);
    });
    const exchange = (async (): Promise<RawResponse> => {
      const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.#settings.fetch(baseUrl + call.path + queryString(call.query), {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
        // A redirect would carry the key to wherever the far side points, around the checks on the base URL.
        redirect: 'manual',
      });
      status = response.status;
      const text = await response.text();
      return { status: response.status, statusText: response.statusText, headers: response.headers, text };
    })();
    exchange.catch(() => undefined); // its failure is reported through the race below, or not at all after a time-out
    try {
      return await Promise.race([exchange, timedOut]);
    } catch (error) {
      if (error instanceof OmniTimeoutError) throw error;
      const { reason, code } = describeFailure(error);
      throw new OmniNetworkError({
        operation: call.operation,
        method: call.method,
        path: call.path,
        origin: new URL(baseUrl).origin,
        reason: this.#redact(reason),
        code,
        attempts: attempt,
      });
    } finally {
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      reportOmniCall({ baseUrl, method: call.method, path: call.path, status, ms, attempt });
    }
  }

  #parse<S extends z.ZodType>(call: OmniCall<S>, response: RawResponse): z.output<S> {
    const fail = (issues: { path: string; message: string }[]) =>
      new OmniResponseError({
        operation: call.operation,
        method: call.method,
        path: call.path,
        status: response.status,
        issues,
      });
    let body: unknown;
    if (response.text.trim() !== '') {
      try {
        body = JSON.parse(response.text);
      } catch {
        throw fail([{ path: '(body)', message: `is not JSON: ${this.#redact(snippet(response.text))}` }]);
      }
    }
    const parsed = safeParse(call.response, body);
    if (!parsed.ok) throw fail(parsed.issues);
    return parsed.data;
  }

  /** The key is never echoed, even if a proxy or Omni puts it in an answer. */
  #redact(text: string): string {
    return text.split(this.#settings.apiKey).join('[redacted]');
  }
}

/** A 3xx: named as a redirect, with where it pointed (origin only) and never the far side's body. */
function redirected(call: OmniCall<z.ZodType>, response: RawResponse, attempts: number): OmniApiError {
  const location = response.headers.get('location');
  let target = '';
  if (location) {
    try {
      const url = new URL(location);
      if (url.protocol === 'https:' || url.protocol === 'http:') target = ` to ${url.origin}`;
    } catch {
      // A relative or malformed Location: the error says only that Omni redirected.
    }
  }
  return new OmniApiError({
    status: response.status,
    detail: `Omni redirected this request${target}; redirects are not followed. Check the Omni URL.`,
    method: call.method,
    path: call.path,
    attempts,
  });
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  // encodeURIComponent rather than URLSearchParams: a space must go as %20, not "+" (`contentType=single tile`).
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Omni's `detail` when the body has one; otherwise the most useful text the body or status line offers. */
function describeErrorBody(response: RawResponse): string {
  const fallback = response.statusText || `HTTP ${response.status}`;
  const text = response.text.trim();
  if (text === '') return fallback;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const isHtml = /^<(!doctype|html)/i.test(text);
    return `${fallback}: ${snippet(isHtml ? text.replace(/<[^>]*>/g, ' ') : text)}`;
  }
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    for (const key of ['detail', 'message', 'error']) {
      const value = record[key];
      if (typeof value === 'string' && value !== '') return value;
      if (value !== undefined && value !== null && typeof value !== 'string') return snippet(JSON.stringify(value));
    }
  }
  return `${fallback}: ${snippet(text)}`;
}

/** Plain text about a fetch failure; the original error (which may hold request headers) is not kept. */
function describeFailure(error: unknown): { reason: string; code?: string } {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof (error as { code?: unknown })?.code === 'string'
        ? ((error as { code: string }).code as string)
        : undefined;
  const message =
    typeof cause?.message === 'string' && cause.message !== ''
      ? cause.message
      : error instanceof Error
        ? error.message
        : String(error);
  return { reason: snippet(message), code };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}
