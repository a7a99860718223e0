// Before a connection is saved, its key is tried against Omni (one cheap list call). The outcome names the
// field at fault so that the connect form can show Omni's refusal where the user typed the value.
import {
  OmniApiError,
  OmniClient,
  OmniConfigError,
  OmniNetworkError,
  OmniResponseError,
  OmniTimeoutError,
} from '../omni/index.js';

export type ConnectionCheck =
  | { ok: true; totalSchedules: number }
  | { ok: false; field: 'baseUrl' | 'apiKey'; message: string; unexpected?: unknown };

export interface CheckOptions {
  /** The whole check must fit in Slack's 3 s for a view submission: one attempt, bounded. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export async function checkOmniConnection(
  baseUrl: string,
  apiKey: string,
  options: CheckOptions,
): Promise<ConnectionCheck> {
  try {
    const client = new OmniClient({
      baseUrl,
      apiKey,
      timeoutMs: options.timeoutMs,
      maxRetries: 0,
      ...(options.fetch && { fetch: options.fetch }),
    });
    const page = await client.listSchedules({ pageSize: 1 });
    return { ok: true, totalSchedules: page.pageInfo.totalRecords };
  } catch (error) {
    return describeCheckFailure(error, baseUrl, options.timeoutMs);
  }
}

/** Omni's answer (or silence) → the field to mark and what to tell the user. */
export function describeCheckFailure(error: unknown, baseUrl: string, timeoutMs: number): ConnectionCheck {
  if (error instanceof OmniApiError) {
    const detail = error.detail.replace(/[.\s]+$/, '');
    switch (true) {
      case error.status === 401 || error.status === 403:
        return {
          ok: false,
          field: 'apiKey',
          message: `Omni refused this key: ${detail}. Use an organization API key (Omni: Settings › API access).`,
        };
      case error.status === 404:
        return {
          ok: false,
          field: 'baseUrl',
          message: `No Omni API at this URL (Omni answered 404: ${detail}). Use the address you log in to Omni with.`,
        };
      case error.status === 429:
        return {
          ok: false,
          field: 'apiKey',
          message: `Omni is rate limiting this key: ${detail}. Wait a minute, then submit again.`,
        };
      default:
        return {
          ok: false,
          field: 'baseUrl',
          message: `Omni refused the check (${error.status}): ${detail}. Try again in a few minutes.`,
        };
    }
  }
  if (error instanceof OmniTimeoutError) {
    return {
      ok: false,
      field: 'baseUrl',
      message: `Omni did not answer within ${(timeoutMs / 1000).toFixed(1)} s. Check the URL, then submit again.`,
    };
  }
  if (error instanceof OmniNetworkError) {
    return {
      ok: false,
      field: 'baseUrl',
      message: `Could not reach ${baseUrl} (${error.code ?? 'network error'}). Check the URL.`,
    };
  }
  if (error instanceof OmniResponseError) {
    return { ok: false, field: 'baseUrl', message: "This URL answered, but not like Omni's API. Check the URL." };
  }
  if (error instanceof OmniConfigError) {
    return { ok: false, field: error.option === 'apiKey' ? 'apiKey' : 'baseUrl', message: error.message };
  }
  return {
    ok: false,
    field: 'baseUrl',
    message: 'The check with Omni failed unexpectedly. Try again; if it keeps failing, tell whoever runs this app.',
    unexpected: error,
  };
}
