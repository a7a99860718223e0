// UTC offsets of IANA zones from the runtime's Intl data, and wall-clock ⇄ instant conversion.
// A "wall" time is a local date-time encoded as if it were UTC (Date.UTC(y, m - 1, d, h, min)).

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a zone the runtime does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when the runtime does not know it. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as America/New_York`);
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return wall - whole;
}

/** The local wall-clock time of an instant, as a wall number. */
export function wallClockMs(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

/**
 * The instant a local wall-clock time denotes: `undefined` when it falls in a gap (clocks jumped
 * over it), the earlier of the two when it is repeated (clocks went back over it). Assumes at most
 * one offset change within a day either side, which holds for every zone in tzdata since 1970.
 */
export function wallToInstant(timeZone: string, wallMs: number): number | undefined {
  const before = zoneOffsetMs(timeZone, wallMs - DAY_MS);
  const after = zoneOffsetMs(timeZone, wallMs + DAY_MS);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wallMs - offset;
    if (zoneOffsetMs(timeZone, instant) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best;
}
