// The one rule for an Omni organization URL, shared by start-up configuration (OMNI_BASE_URL) and the
// `/schedule connect` modal: https to a public server; loopback, private and link-local addresses and
// plain http only for hosts in OMNI_ALLOWED_HOSTS (and loopback outside production). This part needs no
// network; names are judged when connecting (src/net/guarded-fetch.ts).
import { checkHostLiteral, DEVELOPMENT_HOST_POLICY, type HostPolicy } from '../net/host-policy.js';

export type BaseUrlCheck =
  | { ok: true; url: string /** Loopback allowed only because NODE_ENV is not production: log it. */; warning?: string }
  | { ok: false; reason: string };

/**
 * Checks and normalises an Omni base URL: `https://myorg.omniapp.co`, with or without a trailing `/api`
 * or slash, becomes `https://myorg.omniapp.co`. Credentials, queries and fragments are refused because
 * they would end up in every request (and a key typed into the URL would be stored in plain text).
 */
export function checkOmniBaseUrl(input: string, hosts: HostPolicy = DEVELOPMENT_HOST_POLICY): BaseUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Enter your Omni URL, e.g. https://yourorg.omniapp.co' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      reason: 'That is not a URL. Use the address you log in to Omni with, e.g. https://yourorg.omniapp.co',
    };
  }
  const host = checkHostLiteral(url, hosts);
  if (!host.ok) return { ok: false, reason: host.reason.replace(/^The URL/, 'The Omni URL') };
  if (url.username || url.password) {
    return {
      ok: false,
      reason: 'The Omni URL must not contain a user name or password; put the API key in its own field.',
    };
  }
  if (url.search || url.hash) {
    return { ok: false, reason: 'The Omni URL must not contain a query (?…) or fragment (#…).' };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  return { ok: true, url: `${url.origin}${path}`, ...(host.warning && { warning: host.warning }) };
}
