// IANA time zones from the runtime: list, validate, search (for Slack's external select), format.
import { ABBREVIATION_ZONES, ZONE_ABBREVIATIONS } from './timezone-abbreviations.js';
import { zoneOffsetMs } from './zone-offset.js';

export interface TimeZoneOption {
  id: string;
  /** e.g. "(UTC−05:00) America/New_York — New York"; at most 75 characters (Slack's option text limit). */
  label: string;
}

const LABEL_MAX = 75;

// The runtime lists CLDR's canonical names, some of which IANA has since renamed; people (and
// Slack's users.info `tz`) use the current ones, so the list shows those.
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

let zoneCache: { list: readonly string[]; ids: ReadonlySet<string>; runtime: ReadonlySet<string> } | undefined;

function zones() {
  if (!zoneCache) {
    const runtime = Intl.supportedValuesOf('timeZone');
    const list = [...new Set([...runtime.map(modernName), 'UTC'])].sort();
    zoneCache = { list, ids: new Set(list), runtime: new Set(runtime) };
  }
  return zoneCache;
}

function modernName(id: string): string {
  const renamed = RENAMED[id];
  return renamed !== undefined && runtimeAccepts(renamed) ? renamed : id;
}

function runtimeAccepts(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone the runtime knows, in current spelling, plus UTC; sorted. */
export function listTimeZones(): readonly string[] {
  return zones().list;
}

/** True for an IANA zone id as listed (or its older spelling the runtime lists, e.g. Asia/Calcutta). */
export function isValidTimeZone(id: string): boolean {
  const { ids, runtime } = zones();
  return ids.has(id) || runtime.has(id);
}

/**
 * The listed id for a zone written another way (older name, other case, a link such as
 * US/Eastern), or undefined when the runtime does not know it.
 */
export function resolveTimeZone(input: string): string | undefined {
  const id = input.trim();
  const { list, ids } = zones();
  if (ids.has(id)) return id;
  const renamed = modernName(id);
  if (ids.has(renamed)) return renamed;
  const lower = id.toLowerCase();
  const sameLetters = list.find((zone) => zone.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  try {
    const canonical = modernName(new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone);
    return ids.has(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** "UTC−05:00" (with a true minus sign), "UTC+05:30", "UTC+00:00". */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function offsetMinutes(timeZone: string, date: Date): number {
  return Math.round(zoneOffsetMs(timeZone, date.getTime()) / 60_000);
}

function cityOf(id: string): string {
  return (id.split('/').pop() ?? id).replaceAll('_', ' ');
}

/** "(UTC−05:00) America/New_York — New York", at the offset in force at `now`; at most 75 characters. */
export function timeZoneLabel(id: string, now: Date = new Date()): string {
  const head = `(${formatUtcOffset(offsetMinutes(id, now))}) ${id}`;
  const full = id.includes('/') ? `${head} — ${cityOf(id)}` : head;
  if (full.length <= LABEL_MAX) return full;
  return head.length <= LABEL_MAX ? head : `${head.slice(0, LABEL_MAX - 1)}…`;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_/\s]+/g, ' ')
    .trim();
}

const OFFSET_QUERY = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

let runtimeAbbreviations: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * Abbreviation → zones whose English names the runtime prints with it (`EST` → New York, Toronto,
 * Panama, Cancún, Indiana…), in January and July, so zones the curated table leaves out are still offered.
 */
function abbreviationsFromRuntime(): ReadonlyMap<string, readonly string[]> {
  if (!runtimeAbbreviations) {
    const map = new Map<string, string[]>();
    const year = new Date().getUTCFullYear();
    const seasons = [new Date(Date.UTC(year, 0, 15, 12)), new Date(Date.UTC(year, 6, 15, 12))];
    for (const id of zones().list) {
      for (const season of seasons) {
        const name = partsOf(season, id).timeZoneName ?? '';
        // "GMT+1" and the like are offsets, not abbreviations; offsets are searched separately.
        if (!/^[A-Z]{2,5}$/.test(name) || name === 'GMT' || name === 'UTC') continue;
        const ids = map.get(name) ?? [];
        if (!ids.includes(id)) ids.push(id);
        map.set(name, ids);
      }
    }
    runtimeAbbreviations = map;
  }
  return runtimeAbbreviations;
}

/**
 * How exactly to match: `strict` for 2–4 upper-case letters as typed (`EST`: the zones that use it and
 * nothing else); `abbreviation` for a known abbreviation typed in lower case (`est`, `ist`: those zones
 * first, then cities that start with it, such as Istanbul); `loose` for anything else. An abbreviation is
 * never matched as a piece of a longer name: `EST` is not in "Budapest".
 */
type MatchMode = 'strict' | 'abbreviation' | 'loose';

function matchModeOf(raw: string, normalized: string): MatchMode {
  if (/^[A-Z]{2,4}$/.test(raw.trim())) return 'strict';
  const upper = normalized.toUpperCase();
  if (/^[a-z]{1,5}$/.test(normalized) && (ABBREVIATION_ZONES.has(upper) || abbreviationsFromRuntime().has(upper))) {
    return 'abbreviation';
  }
  return 'loose';
}

function scoreZone(id: string, query: string, now: Date, mode: MatchMode): number {
  const name = normalize(id);
  if (name === query) return 1000;
  const upper = query.toUpperCase();
  const byAbbreviation = ABBREVIATION_ZONES.get(upper)?.indexOf(id) ?? -1;
  if (byAbbreviation >= 0) return 900 - byAbbreviation;
  if (abbreviationsFromRuntime().get(upper)?.includes(id)) return 850;
  const city = normalize(cityOf(id));
  if (city === query) return 800;
  if (mode === 'strict') return 0;
  if (city.startsWith(query)) return 700;
  if (mode === 'abbreviation') return 0;
  const offset = OFFSET_QUERY.exec(query);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return offsetMinutes(id, now) === (offset[1] === '+' ? minutes : -minutes) ? 650 : 0;
  }
  const words = name.split(' ');
  if (query.split(' ').every((part) => words.some((word) => word.startsWith(part)))) return 600;
  return name.includes(query) ? 500 : 0;
}

/**
 * Zones matching what someone typed, best first: an exact id, an abbreviation (EST, CET, IST…: the
 * zones that print it, best known first), a city ("new york"), an offset ("UTC-5", "+05:30"), then any
 * part of the id. An abbreviation is matched exactly, never as part of a name. An empty query gives the
 * zones with well-known abbreviations, by offset.
 */
export function searchTimeZones(
  query: string,
  { limit = 100, now = new Date() }: { limit?: number; now?: Date } = {},
): TimeZoneOption[] {
  const { list, ids } = zones();
  const normalized = normalize(query);
  const offsets = new Map<string, number>();
  const offsetOf = (id: string) => {
    const known = offsets.get(id);
    if (known !== undefined) return known;
    const offset = offsetMinutes(id, now);
    offsets.set(id, offset);
    return offset;
  };
  const byOffset = (a: string, b: string) => offsetOf(a) - offsetOf(b) || a.localeCompare(b);
  let found: string[];
  if (normalized === '') {
    found = Object.keys(ZONE_ABBREVIATIONS)
      .filter((id) => ids.has(id))
      .sort(byOffset);
  } else {
    const mode = matchModeOf(query, normalized);
    found = list
      .map((id) => ({ id, score: scoreZone(id, normalized, now, mode) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || byOffset(a.id, b.id))
      .map((entry) => entry.id);
  }
  return found.slice(0, Math.max(0, limit)).map((id) => ({ id, label: timeZoneLabel(id, now) }));
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = displayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    displayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsOf(date: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of displayFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** "EST", "BST", "JST"…; "UTC+05:45" where no abbreviation is in common English use. */
export function timeZoneAbbreviation(date: Date, timeZone: string): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  const offset = offsetMinutes(timeZone, date);
  if (known) {
    const year = new Date(date.getTime()).getUTCFullYear();
    const standard = Math.min(
      offsetMinutes(timeZone, new Date(Date.UTC(year, 0, 1))),
      offsetMinutes(timeZone, new Date(Date.UTC(year, 6, 1))),
    );
    if (offset === standard) return known.std;
    if (known.dst) return known.dst;
  }
  const name = partsOf(date, timeZone).timeZoneName ?? '';
  return /^GMT[+-]/.test(name) || name === '' ? formatUtcOffset(offset) : name;
}

/**
 * A run time for people: "Mon 30 Nov, 08:45 EST" in the zone; the year is added when it is not
 * the current one ("Thu 1 Jan 2099, 00:00 UTC").
 */
export function formatInZone(date: Date, timeZone: string, { now = new Date() }: { now?: Date } = {}): string {
  const parts = partsOf(date, timeZone);
  const year = parts.year === partsOf(now, timeZone).year ? '' : ` ${parts.year}`;
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return `${parts.weekday} ${parts.day} ${parts.month}${year}, ${hour}:${parts.minute} ${timeZoneAbbreviation(date, timeZone)}`;
}
