// What makes a Slack request the same request when it arrives again: Slack's own id for it where there is
// one (an event's `event_id`; a command's or an interaction's `trigger_id`), else the signature and its
// timestamp, which a replay must copy unchanged (the signature covers the timestamp and the body). A Slack
// retry (`X-Slack-Retry-Num`) carries the same `event_id`, so it is the same request.
import { createHash } from 'node:crypto';

export interface RequestIdentity {
  /** Which id the key came from. */
  source: 'event_id' | 'trigger_id' | 'signature';
  /** Stable across replays and retries of one request; never holds the body or a secret. */
  key: string;
  /** Slack's retry number (X-Slack-Retry-Num), 0 for a first delivery. */
  retry: number;
}

export type HeaderValue = string | string[] | undefined;

export interface SlackHttpRequest {
  /** The body exactly as received (signed by Slack). */
  rawBody: string;
  headers: Record<string, HeaderValue>;
}

/** The identity of a request to POST /slack/events; undefined when it has neither an id nor a signature. */
export function requestIdentity(request: SlackHttpRequest): RequestIdentity | undefined {
  const retry = retryNumber(header(request.headers, 'x-slack-retry-num'));
  const payload = parseBody(request.rawBody, header(request.headers, 'content-type'));
  const fromPayload = payload && identityOfPayload(payload);
  if (fromPayload) return { ...fromPayload, retry };
  const timestamp = header(request.headers, 'x-slack-request-timestamp');
  const signature = header(request.headers, 'x-slack-signature');
  if (!timestamp || !signature) return undefined;
  const digest = createHash('sha256').update(`${timestamp}:${signature}`).digest('hex');
  return { source: 'signature', key: `signature:${digest}`, retry };
}

/**
 * Slack's id in a parsed payload (an HTTP body, or a Socket Mode envelope's `payload`): `event_id`,
 * else `trigger_id`. Undefined when it has neither (options requests, `view_closed`, url_verification).
 */
export function identityOfPayload(payload: Record<string, unknown>): Omit<RequestIdentity, 'retry'> | undefined {
  const eventId = payload.event_id;
  if (typeof eventId === 'string' && eventId !== '') return { source: 'event_id', key: `event:${eventId}` };
  const triggerId = payload.trigger_id;
  if (typeof triggerId === 'string' && triggerId !== '') return { source: 'trigger_id', key: `trigger:${triggerId}` };
  return undefined;
}

/** JSON (events), a form with `payload=<json>` (interactions) or a plain form (commands). */
function parseBody(rawBody: string, contentType: string | undefined): Record<string, unknown> | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  try {
    if (type === 'application/json') return asRecord(JSON.parse(rawBody));
    if (type === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(rawBody);
      const payload = form.get('payload');
      if (payload !== null) return asRecord(JSON.parse(payload));
      return Object.fromEntries(form);
    }
  } catch {
    // A body that does not parse has no Slack id; the signature still identifies it.
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function header(headers: Record<string, HeaderValue>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const value = Array.isArray(entry) ? entry[0] : entry;
  return value === undefined || value === '' ? undefined : value;
}

function retryNumber(value: string | undefined): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : 0;
}
