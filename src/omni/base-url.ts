import { OmniConfigError } from './errors.js';

/**
 * The org URL as the client uses it: `https://myorg.omniapp.co`, from that with or without a trailing
 * slash or `/api` (as people copy it from Omni's docs). A sub-path (a proxy) is kept.
 */
export function normaliseBaseUrl(input: unknown): string {
  const example = 'such as https://myorg.omniapp.co';
  if (typeof input !== 'string' || input.trim() === '') {
    throw new OmniConfigError('baseUrl', `The Omni base URL is missing: give the organization URL, ${example}`);
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new OmniConfigError('baseUrl', `The Omni base URL "${input.trim()}" is not a URL: give one ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OmniConfigError(
      'baseUrl',
      `The Omni base URL must start with https:// (got ${url.protocol}), ${example}`,
    );
  }
  if (url.username || url.password) {
    throw new OmniConfigError('baseUrl', 'The Omni base URL must not contain a user name or password');
  }
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/api$/i, '')
    .replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
