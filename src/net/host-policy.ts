// Where the app (and Omni, for webhooks) may be pointed: public https servers, plus the hosts an
// operator lists in OMNI_ALLOWED_HOSTS (the sandbox, the playground, an Omni behind a private network).
// Without that list, a URL typed into a form could make the server call its own network: loopback,
// private and link-local addresses (cloud metadata), or a name that resolves to one.
import { type AddressClass, classifyAddress, describeClass } from './address-class.js';

export interface AllowedHost {
  /** Lower-case host as a URL spells it: `omni.internal`, `10.0.0.5`, `[::1]`. */
  host: string;
  /** When absent, any port of the host. */
  port?: number;
}

export interface HostPolicy {
  allowedHosts: readonly AllowedHost[];
  /** NODE_ENV=production: loopback is refused like any other private address unless listed. */
  production: boolean;
}

/** Used when a caller has not been given the configured policy: nothing listed, loopback allowed with a warning. */
export const DEVELOPMENT_HOST_POLICY: HostPolicy = { allowedHosts: [], production: false };

export type HostCheck = { ok: true; warning?: string } | { ok: false; reason: string };

/** Resolves a name to every address it has (as `dns.lookup(name, { all: true })` does). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/**
 * Parses OMNI_ALLOWED_HOSTS: `host` or `host:port` entries separated by commas; IPv6 in brackets
 * (`[::1]:4010`). Throws an Error whose message names the bad entry.
 */
export function parseAllowedHosts(text: string): AllowedHost[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry) => {
    if (/[/@?#\s]/.test(entry) || /^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
      throw new Error(
        `"${entry}" is not a host or host:port (write omni.internal or omni.internal:8443, no scheme or path)`,
      );
    }
    // new URL drops a port that is the scheme's default; read the port as written instead.
    const portText = /:(\d+)$/.exec(entry)?.[1];
    if (/:$/.test(entry) || (entry.includes(':') && !entry.startsWith('[') && portText === undefined)) {
      throw new Error(`"${entry}" has a port that is not a number`);
    }
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && (port < 1 || port > 65535)) throw new Error(`"${entry}" has a port outside 1–65535`);
    let url: URL;
    try {
      url = new URL(`http://${entry}`);
    } catch {
      throw new Error(`"${entry}" is not a host or host:port`);
    }
    return { host: url.hostname, ...(port !== undefined && { port }) };
  });
}

/** Whether the URL's host (and port, when the entry names one) is listed. */
export function isListed(url: URL, policy: HostPolicy): boolean {
  const host = normaliseHost(url.hostname);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return policy.allowedHosts.some(
    (entry) => normaliseHost(entry.host) === host && (entry.port === undefined || entry.port === port),
  );
}

/** `localhost.` and `LOCALHOST` are `localhost`. */
function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** `localhost` and `*.localhost` always mean this machine (RFC 6761), whatever a resolver says. */
export function isLocalhostName(hostname: string): boolean {
  const host = normaliseHost(hostname);
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * What the URL's host is without asking DNS: an address literal's class, `loopback` for localhost
 * names, or `name` for a name that would need resolving.
 */
export function literalHostClass(url: URL): AddressClass | 'name' {
  if (isLocalhostName(url.hostname)) return 'loopback';
  return classifyAddress(normaliseHost(url.hostname)) ?? 'name';
}

/** The rule for one address (resolved or literal) of a host that is not listed. */
export function judgeAddressClass(addressClass: AddressClass, policy: HostPolicy, host: string): HostCheck {
  if (addressClass === 'public') return { ok: true };
  if (addressClass === 'loopback' && !policy.production) {
    return {
      ok: true,
      warning: `${host} is on this machine (loopback); allowed because NODE_ENV is not production. In production, list it in OMNI_ALLOWED_HOSTS.`,
    };
  }
  return {
    ok: false,
    reason: `${host} is ${describeClass(addressClass)}. Loopback, private, link-local and unspecified addresses are refused unless the server's OMNI_ALLOWED_HOSTS lists the host.`,
  };
}

/** The scheme rule: https, or plain http only for listed hosts (and loopback in development). */
function judgeScheme(url: URL, listed: boolean, hostClass: AddressClass | 'name', policy: HostPolicy): HostCheck {
  if (url.protocol === 'https:') return { ok: true };
  if (url.protocol === 'http:' && (listed || (hostClass === 'loopback' && !policy.production))) return { ok: true };
  return {
    ok: false,
    reason: "The URL must start with https:// (plain http only for hosts in the server's OMNI_ALLOWED_HOSTS).",
  };
}

/**
 * The check that needs no network: scheme, listing and address literals. A host name passes here
 * (`needsResolution: true`) and must still be resolved by `checkHost` before the app connects to it.
 */
export function checkHostLiteral(url: URL, policy: HostPolicy): HostCheck & { needsResolution: boolean } {
  const listed = isListed(url, policy);
  const hostClass = literalHostClass(url);
  const scheme = judgeScheme(url, listed, hostClass, policy);
  if (!scheme.ok) return { ...scheme, needsResolution: false };
  if (listed) return { ok: true, needsResolution: false };
  if (hostClass === 'name') return { ok: true, needsResolution: true };
  // A localhost name is still a name: what it resolves to is judged too (a hosts file may say anything).
  return { ...judgeAddressClass(hostClass, policy, url.host), needsResolution: isLocalhostName(url.hostname) };
}

/**
 * The full check before connecting: the literal rules, then every address the name resolves to
 * (one private answer among public ones is enough to refuse: the client may pick any of them).
 */
export async function checkHost(url: URL, policy: HostPolicy, resolve: ResolveHost): Promise<HostCheck> {
  const literal = checkHostLiteral(url, policy);
  if (!literal.ok || !literal.needsResolution) {
    return literal.ok ? { ok: true, ...(literal.warning && { warning: literal.warning }) } : literal;
  }
  let addresses: string[];
  try {
    addresses = await resolve(normaliseHost(url.hostname));
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    return { ok: false, reason: `${url.hostname} could not be found${typeof code === 'string' ? ` (${code})` : ''}.` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${url.hostname} could not be found (no address).` };
  return judgeAddresses(addresses, policy, url.host);
}

/** Every address must pass; the first refusal wins, and a loopback warning is kept. */
export function judgeAddresses(addresses: readonly string[], policy: HostPolicy, host: string): HostCheck {
  let warning: string | undefined;
  for (const address of addresses) {
    const addressClass = classifyAddress(address);
    // A resolver answer that is not an address is not something to connect to.
    if (addressClass === undefined)
      return { ok: false, reason: `${host} resolved to something that is not an address.` };
    const verdict = judgeAddressClass(addressClass, policy, host);
    if (!verdict.ok) return verdict;
    warning ??= verdict.warning;
  }
  return { ok: true, ...(warning && { warning }) };
}
