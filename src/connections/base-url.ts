// The one rule for an Omni organization URL, shared by start-up configuration (OMNI_BASE_URL) and the
// `/schedule connect` modal: https everywhere, plain http only on this machine (the sandbox).

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Checks and normalises an Omni base URL: `https://myorg.omniapp.co`, with or without a trailing `/api`
 * or slash, becomes `https://myorg.omniapp.co`. Credentials, queries and fragments are refused because
 * they would end up in every request (and a key typed into the URL would be stored in plain text).
 */
export function checkOmniBaseUrl(input: string): BaseUrlCheck {
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
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { ok: false, reason: 'The Omni URL must start with https:// (plain http is only allowed for localhost).' };
  }
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
  return { ok: true, url: `${url.origin}${path}` };
}
