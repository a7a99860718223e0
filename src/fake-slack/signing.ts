// Signed requests to the app's Slack endpoint, as Slack sends them: v0 HMAC-SHA256 over
// `v0:<timestamp>:<raw body>` in X-Slack-Signature, with X-Slack-Request-Timestamp.
import { createHmac } from 'node:crypto';
import { type CommandFieldsInput, commandFields } from './payloads.js';

export * from './payloads.js';

/** `v0=<hex>` for a raw body at a timestamp (seconds). */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The two headers Slack signs a request with. */
export function signedHeaders(
  secret: string,
  rawBody: string,
  timestamp: number = nowSeconds(),
): { 'x-slack-signature': string; 'x-slack-request-timestamp': string } {
  return {
    'x-slack-signature': slackSignature(secret, timestamp, rawBody),
    'x-slack-request-timestamp': String(timestamp),
  };
}

export interface SignedPostOptions {
  /** Request timestamp in seconds (default now). */
  timestamp?: number;
  /** Timestamp 6 minutes old: Slack apps must refuse it (Bolt allows 5 minutes). */
  stale?: boolean;
  /** Signs with a different secret, as a forger would. */
  badSignature?: boolean;
  /** Events API retry headers. */
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface SlackAppResponse<T = unknown> {
  status: number;
  /** Parsed JSON when the app answered JSON, else the text (Bolt's empty ack is ''). */
  body: T;
  headers: Headers;
}

/** The app's Slack endpoint: `appUrl` as given when it has a path, else `<appUrl>/slack/events`. */
export function slackEventsUrl(appUrl: string): string {
  const url = new URL(appUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/slack/events';
  return url.href;
}

/** Posts a raw body signed like Slack (or forged / stale when asked). */
export async function postSigned<T = unknown>(
  appUrl: string,
  secret: string,
  rawBody: string,
  contentType: string,
  opts: SignedPostOptions = {},
): Promise<SlackAppResponse<T>> {
  const timestamp = opts.timestamp ?? (opts.stale ? nowSeconds() - 6 * 60 : nowSeconds());
  const signingSecret = opts.badSignature ? `${secret}-forged` : secret;
  const headers: Record<string, string> = {
    'content-type': contentType,
    ...signedHeaders(signingSecret, rawBody, timestamp),
    ...(opts.retryNum !== undefined ? { 'x-slack-retry-num': String(opts.retryNum) } : {}),
    ...(opts.retryReason !== undefined ? { 'x-slack-retry-reason': opts.retryReason } : {}),
    ...opts.headers,
  };
  const res = await fetch(slackEventsUrl(appUrl), { method: 'POST', headers, body: rawBody });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json') && text !== '') {
    body = JSON.parse(text);
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

const FORM = 'application/x-www-form-urlencoded';

/** A slash command: form-encoded fields (defaults filled by commandFields). */
export function postCommand<T = unknown>(
  appUrl: string,
  secret: string,
  fields: CommandFieldsInput,
  opts?: SignedPostOptions,
): Promise<SlackAppResponse<T>> {
  return postSigned<T>(appUrl, secret, new URLSearchParams(commandFields(fields)).toString(), FORM, opts);
}

/** An interactivity payload (block_actions, view_submission, shortcuts): `payload=<json>` form. */
export function postInteraction<T = unknown>(
  appUrl: string,
  secret: string,
  payload: object,
  opts?: SignedPostOptions,
): Promise<SlackAppResponse<T>> {
  return postSigned<T>(
    appUrl,
    secret,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    FORM,
    opts,
  );
}

/** An options (block_suggestion) request: the same `payload=<json>` form, to the options load URL. */
export function postOptions<T = unknown>(
  appUrl: string,
  secret: string,
  payload: object,
  opts?: SignedPostOptions,
): Promise<SlackAppResponse<T>> {
  return postInteraction<T>(appUrl, secret, payload, opts);
}

/** An Events API request: the JSON envelope (see eventEnvelope) as the body. */
export function postEvent<T = unknown>(
  appUrl: string,
  secret: string,
  envelope: object,
  opts?: SignedPostOptions,
): Promise<SlackAppResponse<T>> {
  return postSigned<T>(appUrl, secret, JSON.stringify(envelope), 'application/json', opts);
}
