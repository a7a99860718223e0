// A fetch that only connects where the host policy allows. Checking a URL's name before the request is
// not enough: DNS may answer a public address to the check and a private one to the connection (DNS
// rebinding). So the name is resolved once, inside the connection itself (undici's `connect.lookup`,
// passed to net.connect), every answer is judged, and the socket connects to an address just judged.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent, type RequestInit as UndiciRequestInit, fetch as undiciFetch } from 'undici';
import { checkHostLiteral, type HostPolicy, judgeAddresses, type ResolveHost } from './host-policy.js';

/** The error code of a refused destination, on the error fetch rejects with (as its `cause`). */
export const HOST_REFUSED = 'ERR_HOST_REFUSED';

export class HostRefusedError extends Error {
  override name = 'HostRefusedError';
  readonly code = HOST_REFUSED;
}

/** Every address of a name, as the system resolver gives them (hosts file included). */
export const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) reject(error);
      else resolve(addresses.map((entry) => entry.address));
    });
  });

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for net.connect that refuses a name when any of its addresses breaks the policy. */
export function guardedLookup(policy: HostPolicy, resolve: ResolveHost = systemResolve) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const verdict =
          addresses.length === 0
            ? { ok: false as const, reason: `${hostname} could not be found (no address).` }
            : judgeAddresses(addresses, policy, hostname);
        if (!verdict.ok) {
          callback(new HostRefusedError(verdict.reason), '');
          return;
        }
        const wanted =
          options.family === 4 || options.family === 'IPv4'
            ? 4
            : options.family === 6 || options.family === 'IPv6'
              ? 6
              : 0;
        const entries = addresses
          .map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
          .filter((entry) => wanted === 0 || entry.family === wanted);
        const first = entries[0];
        if (!first) {
          callback(Object.assign(new Error(`${hostname} has no IPv${wanted} address`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (options.all) callback(null, entries);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}

export interface GuardedFetchOptions {
  policy: HostPolicy;
  /** Injected in tests so that no resolver is needed; the system resolver otherwise. */
  resolve?: ResolveHost;
}

/**
 * A `fetch` for Omni calls. Listed hosts (OMNI_ALLOWED_HOSTS) are fetched as they are; any other URL
 * must pass the literal rules (scheme, address literals) and then the connection-time check of every
 * address its name resolves to. A refusal rejects like a network failure whose cause is a
 * HostRefusedError, before any byte is sent.
 */
export function guardedFetch(options: GuardedFetchOptions): typeof fetch {
  const { dispatcher, plain } = agentsFor(options);
  return async (input, init) => {
    // Omni calls pass a URL string; a Request object would carry settings this wrapper does not forward.
    if (input instanceof Request) throw new TypeError('guardedFetch takes a URL, not a Request');
    const url = new URL(input);
    const literal = checkHostLiteral(url, options.policy);
    if (!literal.ok) throw new TypeError('fetch failed', { cause: new HostRefusedError(literal.reason) });
    const request = {
      ...(init as UndiciRequestInit | undefined),
      dispatcher: literal.needsResolution ? dispatcher : plain,
    };
    // undici's Response is the class Node's own fetch returns; the two type declarations differ only in name.
    return (await undiciFetch(url, request)) as unknown as Response;
  };
}

type Agents = { dispatcher: Agent; plain: Agent };
// One pair of connection pools per policy (config holds one), not one per Omni client: clients are made
// per workspace and per request, and each Agent keeps its own sockets.
const agentsByPolicy = new WeakMap<HostPolicy, Agents>();

function agentsFor(options: GuardedFetchOptions): Agents {
  const make = (): Agents => ({
    dispatcher: new Agent({ connect: { lookup: guardedLookup(options.policy, options.resolve) } }),
    plain: new Agent(),
  });
  // An injected resolver is a test's: it gets its own pools.
  if (options.resolve) return make();
  let agents = agentsByPolicy.get(options.policy);
  if (!agents) {
    agents = make();
    agentsByPolicy.set(options.policy, agents);
  }
  return agents;
}
