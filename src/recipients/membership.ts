// Which emails belong to Omni members (SCIM look-up, one per email, cached) and which do not. Members get
// deliveries as themselves; the others become email-only users when the workspace's policy says so.
import { OmniApiError, type OmniClient, OmniError } from '../omni/index.js';
import type { TtlCache } from '../store/index.js';
import { mapWithConcurrency } from './concurrency.js';
import { emailKey } from './types.js';

export const MEMBER_CACHE_TTL_MS = 10 * 60_000;
/** The client paces every call anyway; a few in flight hide the round-trip time. */
export const MEMBER_LOOKUP_CONCURRENCY = 4;

export type MemberLookup = Pick<OmniClient, 'findUserByEmail' | 'baseUrl'>;

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
  concurrency?: number;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/**
 * Looks every email up once. When Omni refuses the look-up itself for every email (a 401/403: the key
 * is not an organization key, say), that refusal is thrown, so that the user reads it once, not per person.
 */
export async function findOmniMembers(
  omni: MemberLookup,
  emails: readonly string[],
  options: MembershipOptions = {},
): Promise<Membership> {
  const result: Membership = { members: new Map(), nonMembers: [], failed: [] };
  const unique = [...new Map(emails.map((e) => [emailKey(e), e])).values()];
  let done = 0;
  const refusals: OmniError[] = [];
  const answers = await mapWithConcurrency(unique, options.concurrency ?? MEMBER_LOOKUP_CONCURRENCY, async (email) => {
    try {
      return { email, member: await lookUp(omni, email, options) };
    } catch (error) {
      if (!(error instanceof OmniError)) throw error;
      if (error instanceof OmniApiError && (error.status === 401 || error.status === 403)) refusals.push(error);
      return { email, error };
    } finally {
      done += 1;
      await options.onProgress?.(done, unique.length);
    }
  });
  if (unique.length > 0 && refusals.length === unique.length) throw refusals[0];
  for (const answer of answers) {
    if ('error' in answer) result.failed.push({ email: answer.email, detail: detailOf(answer.error as OmniError) });
    else if (answer.member) result.members.set(emailKey(answer.email), answer.member);
    else result.nonMembers.push(answer.email);
  }
  return result;
}

async function lookUp(omni: MemberLookup, email: string, options: MembershipOptions): Promise<OmniMember | null> {
  const load = async () => {
    const user = await omni.findUserByEmail(email);
    return { member: user ? { id: user.id, name: user.displayName ?? null } : null };
  };
  if (!options.cache || !options.cacheKey) return (await load()).member;
  const key = `${options.cacheKey}:${omni.baseUrl}:member:${emailKey(email)}`;
  return (await options.cache.getOrLoad(key, MEMBER_CACHE_TTL_MS, load)).member;
}

export function detailOf(error: OmniError): string {
  return error instanceof OmniApiError ? error.detail : error.message;
}
