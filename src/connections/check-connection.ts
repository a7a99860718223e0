// Before a connection is saved, its key is tried against Omni (one cheap list call). The outcome names the
// field at fault so that the connect form can show Omni's refusal where the user typed the value.

import { guardedFetch, HOST_REFUSED } from '../net/guarded-fetch.js';
import { checkHostLiteral, DEVELOPMENT_HOST_POLICY, type HostPolicy, type ResolveHost } from '../net/host-policy.js';
import {
  OmniApiError,
  OmniClient,
  OmniConfigError,
  OmniNetworkError,
  OmniResponseError,
  OmniTimeoutError,
} from '../omni/index.js';

export type ConnectionCheck =
  | {
      ok: true;
      totalSchedules: number /** e.g. "allowed because NODE_ENV is not production": for the log. */;
      warning?: string;
    }
  | { ok: false; field: 'baseUrl' | 'apiKey'; message: string; unexpected?: unknown };

export interface CheckOptions {
  /** The whole check must fit in Slack's 3 s for a view submission: one attempt, bounded. */
  timeoutMs: number;
  /**
   * Replaces the guarded fetch (tests that script Omni's answers). The host rules' literal part
   * (scheme, address literals, listing) still applies; resolving names is then the given fetch's business.
   */
  fetch?: typeof fetch;
  /** OMNI_ALLOWED_HOSTS and NODE_ENV (config `omniHosts`). Default: nothing listed, loopback allowed with a warning. */
  hosts?: HostPolicy;
  /** Name resolution for the guarded fetch; the system resolver by default. */
  resolve?: ResolveHost;
}

export async function checkOmniConnection(
  baseUrl: string,
  apiKey: string,
  options: CheckOptions,
): Promise<ConnectionCheck> {
  const hosts = options.hosts ?? DEVELOPMENT_HOST_POLICY;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { ok: false, field: 'baseUrl', message: 'That is not a URL. Use the address you log in to Omni with.' };
  }
  // Refused before any connection: the form must not be a way to make the server call its own network.
  const literal = checkHostLiteral(url, hosts);
  if (!literal.ok) return { ok: false, field: 'baseUrl', message: literal.reason };
  try {
    const client = new OmniClient({
      baseUrl,
      apiKey,
      timeoutMs: options.timeoutMs,
      maxRetries: 0,
      fetch: options.fetch ?? guardedFetch({ policy: hosts, ...(options.resolve && { resolve: options.resolve }) }),
    });
    const page = await client.listSchedules({ pageSize: 1 });
    return {
      ok: true,
      totalSchedules: page.pageInfo.totalRecords,
      ...(literal.warning && { warning: literal.warning }),
    };
  } catch (error) {
    return describeCheckFailure(error, baseUrl, options.timeoutMs);
  }
}

/**
 * Omni's answer (or silence) → the field to mark and what to tell the user, in the app's words. The far
 * side's body is never repeated: whoever answers at a typed URL could put anything in it (a phishing
 * link, text that looks like ours, or the contents of an internal page), and the form shows it to a person.
 */
export function describeCheckFailure(error: unknown, baseUrl: string, timeoutMs: number): ConnectionCheck {
  if (error instanceof OmniApiError) {
    switch (true) {
      case error.status >= 300 && error.status < 400:
        return {
          ok: false,
          field: 'baseUrl',
          message: `This URL redirected the check elsewhere (HTTP ${error.status}); the app does not follow redirects. Use the address you log in to Omni with, starting with https://.`,
        };
      case error.status === 401 || error.status === 403:
        return {
          ok: false,
          field: 'apiKey',
          message: `Omni refused this key (HTTP ${error.status}). Use an organization API key (Omni: Settings › API access).`,
        };
      case error.status === 404:
        return {
          ok: false,
          field: 'baseUrl',
          message: 'No Omni API at this URL (HTTP 404). Use the address you log in to Omni with.',
        };
      case error.status === 429:
        return {
          ok: false,
          field: 'apiKey',
          message: 'Omni is rate limiting this key (HTTP 429). Wait a minute, then submit again.',
        };
      default:
        return {
          ok: false,
          field: 'baseUrl',
          message: `Omni refused the check (HTTP ${error.status}). Try again in a few minutes.`,
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
    if (error.code === HOST_REFUSED) {
      // The guarded fetch's own words (which address class, and OMNI_ALLOWED_HOSTS), not the far side's.
      const reason = error.cause instanceof Error ? error.cause.message : 'This address is not allowed.';
      return { ok: false, field: 'baseUrl', message: reason };
    }
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
