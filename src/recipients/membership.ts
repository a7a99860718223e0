// Which emails belong to Omni members and which do not. Answers are cached per email; the others are found
// together with OmniClient.findUsersByEmails, which takes one SCIM call per email or one listing of every
// member, whichever is fewer. Members get deliveries as themselves; the others become email-only users
// when the workspace's policy says so.
import { OmniApiError, type OmniClient, OmniError } from '../omni/index.js';
import type { TtlCache } from '../store/index.js';
import { isEmailAddress } from './mentions.js';
import { emailKey } from './types.js';

export const MEMBER_CACHE_TTL_MS = 10 * 60_000;

export type MemberLookup = Pick<OmniClient, 'findUsersByEmails' | 'baseUrl'>;

export interface OmniMember {
  id: string;
  name: string | null;
}

export interface Membership {
  /** By lower-cased email. */
  members: Map<string, OmniMember>;
  nonMembers: string[];
  failed: { email: string; detail: string }[];
}

export interface MembershipOptions {
  cache?: TtlCache;
  /** The workspace key; with the org's URL it names cached answers. */
  cacheKey?: string;
  /** People checked so far, of all; calls to Omni are counted as their share of the people they answer. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** What the cache keeps per email (`null`: not a member). */
type CachedAnswer = { member: OmniMember | null };

/**
 * Looks every email up once. When Omni refuses the look-up itself (a 401/403: the key is not an
 * organization key, say), that refusal is thrown, so that the user reads it once, not per person. Any
 * other failure marks every email not yet answered as failed, with Omni's detail.
 */
export async function findOmniMembers(
  omni: MemberLookup,
  emails: readonly string[],
  options: MembershipOptions = {},
): Promise<Membership> {
  const unique = [...new Map(emails.map((e) => [emailKey(e), e])).values()];
  const answers = new Map<string, OmniMember | null>();
  const failed: Membership['failed'] = [];
  const { cache, cacheKey } = options;
  const keyOf = (email: string) => `${cacheKey}:${omni.baseUrl}:member:${emailKey(email)}`;

  let toAsk = unique.filter((email) => isEmailAddress(email));
  for (const email of unique) {
    if (!isEmailAddress(email)) failed.push({ email, detail: 'is not an email address Omni accepts' });
  }
  if (cache && cacheKey) {
    const cached = await Promise.all(toAsk.map((email) => readCached(cache, keyOf(email))));
    toAsk = toAsk.filter((email, i) => {
      const hit = cached[i];
      if (hit) answers.set(emailKey(email), hit.member);
      return !hit;
    });
  }

  const known = unique.length - toAsk.length;
  try {
    const found = await omni.findUsersByEmails(toAsk, {
      onProgress: ({ done, total }) =>
        options.onProgress?.(known + Math.floor((toAsk.length * done) / total), unique.length),
    });
    for (const email of toAsk) {
      const user = found.get(email.toLowerCase());
      answers.set(emailKey(email), user ? { id: user.id, name: user.displayName ?? null } : null);
    }
  } catch (error) {
    if (!(error instanceof OmniError)) throw error;
    if (error instanceof OmniApiError && (error.status === 401 || error.status === 403)) throw error;
    failed.push(...toAsk.map((email) => ({ email, detail: detailOf(error) })));
  }
  if (cache && cacheKey) {
    const fresh = toAsk.filter((email) => answers.has(emailKey(email)));
    await Promise.all(
      fresh.map((email) => writeCached(cache, keyOf(email), { member: answers.get(emailKey(email)) ?? null })),
    );
  }

  const result: Membership = { members: new Map(), nonMembers: [], failed };
  for (const email of unique) {
    const answer = answers.get(emailKey(email));
    if (answer) result.members.set(emailKey(email), answer);
    else if (answer === null) result.nonMembers.push(email);
  }
  return result;
}

const NOT_CACHED = Symbol('not cached');

/**
 * The cached answer, or undefined. Read through getOrLoad with a loader that refuses, so that the cache's
 * own handling of an unavailable store (logged, then read as a miss) applies and nothing is written.
 */
async function readCached(cache: TtlCache, key: string): Promise<CachedAnswer | undefined> {
  try {
    return await cache.getOrLoad<CachedAnswer>(key, MEMBER_CACHE_TTL_MS, () => Promise.reject(NOT_CACHED));
  } catch (error) {
    if (error === NOT_CACHED) return undefined;
    throw error;
  }
}

/**
 * Written through getOrLoad too, so that an unavailable store is logged by the cache rather than fatal.
 * When another check is reading the same key at that moment, getOrLoad hands back that read's miss: the
 * answer then goes uncached, and the next check asks Omni again.
 */
async function writeCached(cache: TtlCache, key: string, answer: CachedAnswer): Promise<void> {
  try {
    await cache.getOrLoad(key, MEMBER_CACHE_TTL_MS, async () => answer);
  } catch (error) {
    if (error !== NOT_CACHED) throw error;
  }
}

export function detailOf(error: OmniError): string {
  return error instanceof OmniApiError ? error.detail : error.message;
}
