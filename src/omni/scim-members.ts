// Omni members through SCIM: the member list page by page, and many emails answered with as few calls
// as the organization's size allows.
import { OmniResponseError } from './errors.js';
import type { ScimUser, ScimUserList } from './schemas/users.js';

/** Reads the page of members that starts at `startIndex` (1-based). */
export type ScimPageReader = (startIndex: number) => Promise<ScimUserList>;

/** How `findUsersByEmails` reaches Omni: a page of the member list, or one member by email. */
export type MemberReaders = {
  page: ScimPageReader;
  one(email: string): Promise<ScimUser | null>;
};

export type FindUsersByEmailsOptions = {
  /**
   * After each call to Omni: calls made so far, and the most the look-up takes in all (known from the
   * first answer on, since the member count decides between the two ways; a listing that has found every
   * email stops early).
   */
  onProgress?: (progress: { done: number; total: number }) => void | Promise<void>;
};

/** The client paces every call anyway; a few look-ups in flight hide the round trip. */
const LOOKUPS_IN_FLIGHT = 4;

/**
 * Every page of the member list from `startIndex`, advancing by what each page really held (a server may
 * hold fewer than `count`), until `totalResults` is passed or a page comes back empty. A page of nothing
 * but members already seen means the server ignored `startIndex`: an error rather than an endless loop.
 */
export async function* scimPages(read: ScimPageReader, startIndex = 1): AsyncGenerator<ScimUserList, void> {
  const seen = new Set<string>();
  let next = startIndex;
  for (;;) {
    const page = await read(next);
    const fresh = page.Resources.filter((user) => !seen.has(user.id));
    if (fresh.length === 0 && page.Resources.length > 0) {
      throw new OmniResponseError({
        operation: 'listUsers',
        method: 'GET',
        path: '/api/scim/v2/Users',
        status: 200,
        issues: [{ path: 'Resources', message: `repeats members already listed at startIndex ${next}; stopping` }],
      });
    }
    for (const user of fresh) seen.add(user.id);
    yield { ...page, Resources: fresh };
    next += page.Resources.length;
    if (page.Resources.length === 0 || next > page.totalResults) return;
  }
}

/**
 * The members among `emails`, keyed by lower-cased email; non-members are absent. One email is looked up
 * directly. For more, the first call reads the first page of members, which also tells how many there
 * are; the rest is then done the cheaper way: the remaining pages, or one look-up per email the first
 * page did not answer. So the calls never exceed the pages of the member list, nor the emails plus one
 * (the first page). Any failed call fails the whole look-up (after the client's own retries).
 */
export async function findMembersByEmail(
  emails: readonly string[],
  read: MemberReaders,
  options: FindUsersByEmailsOptions = {},
): Promise<Map<string, ScimUser>> {
  // Lower-cased email → the spelling first given, which is what a direct look-up sends.
  const wanted = new Map<string, string>();
  for (const email of emails) if (!wanted.has(email.toLowerCase())) wanted.set(email.toLowerCase(), email);
  const found = new Map<string, ScimUser>();
  const progress = { done: 0, total: 1 };
  const called = async () => {
    progress.done += 1;
    progress.total = Math.max(progress.total, progress.done);
    await options.onProgress?.({ ...progress });
  };
  if (wanted.size === 0) return found;
  if (wanted.size === 1) {
    await lookUpEach([...wanted.values()], read.one, found, called);
    return found;
  }

  const pages = scimPages(read.page);
  const first = (await pages.next()).value as ScimUserList;
  keepWanted(first.Resources, wanted, found);
  const left = [...wanted].filter(([key]) => !found.has(key)).map(([, email]) => email);
  const listed = first.Resources.length;
  const membersLeft = Math.max(0, first.totalResults - listed);
  // An empty first page of a non-empty list says nothing about anyone: look each email up instead.
  const pagesLeft = listed > 0 ? Math.ceil(membersLeft / listed) : membersLeft > 0 ? Number.POSITIVE_INFINITY : 0;
  const listTheRest = pagesLeft <= left.length;
  progress.total = 1 + (left.length === 0 ? 0 : listTheRest ? pagesLeft : left.length);
  await called();
  if (left.length === 0 || pagesLeft === 0) {
    await pages.return();
  } else if (listTheRest) {
    for await (const page of pages) {
      keepWanted(page.Resources, wanted, found);
      await called();
      if (found.size === wanted.size) break;
    }
  } else {
    await pages.return();
    await lookUpEach(left, read.one, found, called);
  }
  return found;
}

function keepWanted(users: readonly ScimUser[], wanted: Map<string, string>, found: Map<string, ScimUser>): void {
  for (const user of users) {
    const key = user.userName.toLowerCase();
    if (wanted.has(key) && !found.has(key)) found.set(key, user);
  }
}

/** One look-up per email, a few at a time; the first failure stops the others from starting more. */
async function lookUpEach(
  emails: readonly string[],
  one: MemberReaders['one'],
  found: Map<string, ScimUser>,
  called: () => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < emails.length) {
      const email = emails[next++] as string;
      try {
        const user = await one(email);
        if (user) found.set(email.toLowerCase(), user);
      } catch (error) {
        failed = true;
        throw error;
      }
      await called();
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_IN_FLIGHT, emails.length) }, lane));
}
