// Finds the schedule a person means: its UUID, its Omni URL, or its name. A name is looked for through
// the `q` search of Omni's list (case-insensitive over schedule, dashboard and owner names, per Omni's
// "List schedules" API docs), then matched here: the exact name first, then a unique prefix, then every
// word. Several matches come back as a short list to pick from; never a guess between two schedules.
import type { OmniClient, ScheduleRecord } from '../omni/index.js';
import { MAX_SEARCH_LENGTH } from './list-query.js';
import { isUuid, parseScheduleRef } from './schedule-id.js';

/** What a pick button needs: the id to act on, and enough to tell the schedules apart. */
export interface ScheduleCandidate {
  id: string;
  name: string;
  dashboardName: string;
  ownerName: string | null;
}

/** How a name matched: the whole name, its beginning, every word of it, or only a dashboard or owner name. */
export type NameMatch = 'exact' | 'prefix' | 'words' | 'dashboard-or-owner';

export type ScheduleResolution =
  /** A UUID or an Omni URL: nothing was asked of Omni; read the schedule by id as before. */
  | { kind: 'id'; id: string; calls: 0 }
  /** One schedule by name: its list record, which is all a card shows (no GET-one needed to draw it). */
  | { kind: 'found'; schedule: ScheduleRecord; matchedBy: Exclude<NameMatch, 'dashboard-or-owner'>; calls: number }
  /**
   * Several schedules: `candidates` (at most `MAX_CANDIDATES`, by name) to pick from; `total` is how many
   * matched in what was searched, and `complete` is false when Omni had more results than were read.
   */
  | {
      kind: 'several';
      name: string;
      matchedBy: NameMatch;
      candidates: ScheduleCandidate[];
      total: number;
      complete: boolean;
      calls: number;
    }
  /** No schedule: `searched` are the `q` values Omni was asked, for the answer to say what was done. */
  | { kind: 'none'; name: string; searched: string[]; complete: boolean; calls: number }
  /** Not a reference at all (empty, too long, a URL that names no schedule): a message for the person. */
  | { kind: 'invalid'; error: string };

/** Buttons to pick from: enough to find one's own, few enough for one message. */
export const MAX_CANDIDATES = 10;
/** Omni's largest page. */
const PAGE_SIZE = 100;
/** Pages read per search before giving up on seeing everything (a name shared by hundreds is not a name). */
const MAX_PAGES = 3;

export type ScheduleSearcher = Pick<OmniClient, 'listSchedules'>;

export async function resolveScheduleRef(
  omni: ScheduleSearcher,
  input: string | undefined,
): Promise<ScheduleResolution> {
  const raw = (input ?? '').trim();
  const ref = parseScheduleRef(raw);
  if (ref.ok) return { kind: 'id', id: ref.id, calls: 0 };
  if (/^<?https?:\/\//i.test(raw)) return { kind: 'invalid', error: ref.error };
  const name = normalizeName(raw);
  if (name === '') return { kind: 'invalid', error: 'Give a schedule: its name, its id or its Omni URL.' };
  if (name.length > MAX_SEARCH_LENGTH) {
    return {
      kind: 'invalid',
      error: `That name is too long to search for (${name.length} characters); give its id or Omni URL instead.`,
    };
  }

  let calls = 0;
  const search = async (q: string) => {
    const found = await searchAll(omni, q);
    calls += found.calls;
    return found;
  };

  const phrase = await search(name);
  const byName = rank(phrase.records, name);
  if (byName) return answer(byName, name, phrase.complete, calls);

  const words = wordsOf(name);
  let complete = phrase.complete;
  const searched = [name];
  if (words.length > 1) {
    // Omni matches the phrase as typed; the words may be apart or in another order. Ask for the longest
    // word (the fewest results) and keep the names that hold every word.
    const longest = [...words].sort((a, b) => b.length - a.length)[0] as string;
    const byWord = await search(longest);
    searched.push(longest);
    complete = complete && byWord.complete;
    const matches = byWord.records.filter((r) => hasEveryWord(r.name, words));
    if (matches.length > 0) return answer({ matchedBy: 'words', records: matches }, name, byWord.complete, calls);
  }
  if (phrase.records.length > 0) {
    // The phrase is in a dashboard's or owner's name only: offer them, never pick one unasked.
    return answer({ matchedBy: 'dashboard-or-owner', records: phrase.records }, name, phrase.complete, calls, true);
  }
  return { kind: 'none', name, searched, complete, calls };
}

function answer(
  match: { matchedBy: NameMatch; records: ScheduleRecord[] },
  name: string,
  complete: boolean,
  calls: number,
  alwaysAsk = false,
): ScheduleResolution {
  const [only] = match.records;
  if (match.records.length === 1 && only && !alwaysAsk && match.matchedBy !== 'dashboard-or-owner') {
    return { kind: 'found', schedule: only, matchedBy: match.matchedBy, calls };
  }
  const sorted = [...match.records].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {
    kind: 'several',
    name,
    matchedBy: match.matchedBy,
    candidates: sorted.slice(0, MAX_CANDIDATES).map(candidateOf),
    total: match.records.length,
    complete,
    calls,
  };
}

/** The best name match among Omni's results: every exact one, else every prefix, else every all-words one. */
function rank(
  records: ScheduleRecord[],
  name: string,
): { matchedBy: NameMatch; records: ScheduleRecord[] } | undefined {
  const wanted = fold(name);
  const exact = records.filter((r) => fold(r.name) === wanted);
  if (exact.length > 0) return { matchedBy: 'exact', records: exact };
  const prefix = records.filter((r) => fold(r.name).startsWith(wanted));
  if (prefix.length > 0) return { matchedBy: 'prefix', records: prefix };
  const words = wordsOf(name);
  const all = records.filter((r) => hasEveryWord(r.name, words));
  if (all.length > 0) return { matchedBy: 'words', records: all };
  return undefined;
}

/** Every record Omni has for `q` (up to `MAX_PAGES` pages), each schedule once. */
async function searchAll(
  omni: ScheduleSearcher,
  q: string,
): Promise<{ records: ScheduleRecord[]; complete: boolean; calls: number }> {
  const byId = new Map<string, ScheduleRecord>();
  let cursor: string | undefined;
  for (let calls = 1; ; calls++) {
    const page = await omni.listSchedules({
      q,
      pageSize: PAGE_SIZE,
      sortField: 'scheduleName',
      sortDirection: 'asc',
      ...(cursor ? { cursor } : {}),
    });
    // Omni's list can repeat a schedule once per destination: keep the first.
    for (const record of page.records) if (!byId.has(record.id)) byId.set(record.id, record);
    const next = page.pageInfo.nextCursor;
    if (!page.pageInfo.hasNextPage || next === null || next === cursor) {
      return { records: [...byId.values()], complete: true, calls };
    }
    if (calls >= MAX_PAGES) return { records: [...byId.values()], complete: false, calls };
    cursor = next;
  }
}

function candidateOf(record: ScheduleRecord): ScheduleCandidate {
  return { id: record.id, name: record.name, dashboardName: record.dashboardName, ownerName: record.ownerName ?? null };
}

/** Quotes people put around a name, repeated spaces, and invisible characters pasted along with it. */
function normalizeName(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^["'\u201c\u201e\u2018](.*)["'\u201d\u201c\u2019]$/s, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function fold(text: string): string {
  return normalizeName(text).toLocaleLowerCase('en-US');
}

function wordsOf(name: string): string[] {
  return fold(name).split(' ').filter(Boolean);
}

function hasEveryWord(name: string, words: readonly string[]): boolean {
  const folded = fold(name);
  return words.every((word) => folded.includes(word));
}

/**
 * Splits a command's arguments into the schedule reference and what follows it (`add <name or id> @maria
 * sam@x.co`): the reference is a lone UUID or URL, else every argument before the first that `isRest`
 * accepts, joined by spaces (a name may have spaces; quoting it is not required).
 */
export function splitScheduleArgs(
  args: readonly string[],
  isRest: (arg: string) => boolean,
): { ref: string; rest: string[] } {
  const [first] = args;
  if (first !== undefined && (isUuid(first) || parseScheduleRef(first).ok)) return { ref: first, rest: args.slice(1) };
  const at = args.findIndex(isRest);
  const end = at === -1 ? args.length : at;
  return { ref: args.slice(0, end).join(' '), rest: args.slice(end) };
}

/**
 * The answer's first line, in plain words (no Slack markup: escape it before posting), for the results
 * that are not one schedule: several to pick from, none, or not a reference.
 */
export function describeResolution(result: Exclude<ScheduleResolution, { kind: 'id' } | { kind: 'found' }>): string {
  if (result.kind === 'invalid') return result.error;
  const quoted = `“${result.name}”`;
  if (result.kind === 'none') {
    const searched = result.searched.map((q) => `“${q}”`).join(' or ');
    const partly = result.complete ? '' : ' in the first results';
    return `No schedule matches ${quoted}: Omni found nothing for ${searched}${partly}. Check the name, or find it with \`/schedule list\`.`;
  }
  const count = result.complete ? String(result.total) : `More than ${result.total}`;
  const plural = result.total === 1 && result.complete ? 'schedule' : 'schedules';
  const how: Record<NameMatch, string> = {
    exact: `${plural === 'schedule' ? 'is' : 'are'} named ${quoted}`,
    prefix: `${plural === 'schedule' ? 'starts' : 'start'} with ${quoted}`,
    words: `${plural === 'schedule' ? 'has' : 'have'} every word of ${quoted} in ${plural === 'schedule' ? 'its name' : 'their names'}`,
    'dashboard-or-owner': `${plural === 'schedule' ? 'is' : 'are'} on a dashboard or owned by someone matching ${quoted}`,
  };
  const lead = result.matchedBy === 'dashboard-or-owner' ? `No schedule is named ${quoted}, but ` : '';
  const shown =
    result.candidates.length < result.total || !result.complete
      ? ` Here are the first ${result.candidates.length}; give more of the name to narrow it.`
      : '';
  const sentence = `${count} ${plural} ${how[result.matchedBy]}; pick one.${shown}`;
  return lead ? `${lead}${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence;
}
