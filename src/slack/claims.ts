// "I do this; nobody else for a while" for the Slack side's at-most-once guards (a request, a form
// submission): the replicas' claims (Redis) when they share Redis, else claims kept in the store. One
// StoreClaims per store and namespace, so that two arrivals in this process are decided before any await.
import { type Claims, StoreClaims } from '../coordination/claims.js';
import { sharedClaims } from '../coordination/shared.js';
import type { AppStore } from '../store/index.js';
import type { AppDeps } from './deps.js';

const local = new WeakMap<AppStore, Map<string, StoreClaims>>();

/** Claims whose keys are this namespace's (prefixed when the claims are shared by several namespaces). */
export function claimsFor(deps: Pick<AppDeps, 'store'>, namespace: string): Claims {
  const shared = sharedClaims();
  if (shared) {
    return {
      claim: (key, value, ttlMs) => shared.claim(`${namespace}:${key}`, value, ttlMs),
      release: (key) => shared.release(`${namespace}:${key}`),
    };
  }
  let byNamespace = local.get(deps.store);
  if (!byNamespace) {
    byNamespace = new Map();
    local.set(deps.store, byNamespace);
  }
  let claims = byNamespace.get(namespace);
  if (!claims) {
    claims = new StoreClaims(deps.store.cache(namespace));
    byNamespace.set(namespace, claims);
  }
  return claims;
}
