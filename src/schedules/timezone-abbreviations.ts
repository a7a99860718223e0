// Common time-zone abbreviations: what people type when searching, and what we print after a time
// when the runtime's English data has only "GMT+9". Within one abbreviation, earlier zones rank first.

export interface ZoneAbbreviations {
  /** Abbreviation in standard time. */
  readonly std: string;
  /** Abbreviation in daylight time, when the zone observes it. */
  readonly dst?: string;
  /** Season-less form people also type (ET, PT, …). */
  readonly generic?: string;
}

export const ZONE_ABBREVIATIONS: Readonly<Record<string, ZoneAbbreviations>> = {
  'America/New_York': { std: 'EST', dst: 'EDT', generic: 'ET' },
  'America/Chicago': { std: 'CST', dst: 'CDT', generic: 'CT' },
  'America/Denver': { std: 'MST', dst: 'MDT', generic: 'MT' },
  'America/Phoenix': { std: 'MST', generic: 'MT' },
  'America/Los_Angeles': { std: 'PST', dst: 'PDT', generic: 'PT' },
  'America/Toronto': { std: 'EST', dst: 'EDT', generic: 'ET' },
  'America/Detroit': { std: 'EST', dst: 'EDT', generic: 'ET' },
  'America/Winnipeg': { std: 'CST', dst: 'CDT', generic: 'CT' },
  'America/Mexico_City': { std: 'CST', generic: 'CT' },
  'America/Edmonton': { std: 'MST', dst: 'MDT', generic: 'MT' },
  'America/Vancouver': { std: 'PST', dst: 'PDT', generic: 'PT' },
  'America/Tijuana': { std: 'PST', dst: 'PDT', generic: 'PT' },
  'America/Anchorage': { std: 'AKST', dst: 'AKDT', generic: 'AKT' },
  'Pacific/Honolulu': { std: 'HST' },
  'America/Halifax': { std: 'AST', dst: 'ADT', generic: 'AT' },
  'America/Puerto_Rico': { std: 'AST', generic: 'AT' },
  'America/St_Johns': { std: 'NST', dst: 'NDT', generic: 'NT' },
  'America/Sao_Paulo': { std: 'BRT' },
  'America/Argentina/Buenos_Aires': { std: 'ART' },
  'America/Bogota': { std: 'COT' },
  'America/Lima': { std: 'PET' },
  'America/Santiago': { std: 'CLT', dst: 'CLST' },
  UTC: { std: 'UTC' },
  'Europe/London': { std: 'GMT', dst: 'BST' },
  'Europe/Lisbon': { std: 'WET', dst: 'WEST' },
  'Europe/Paris': { std: 'CET', dst: 'CEST' },
  'Europe/Berlin': { std: 'CET', dst: 'CEST' },
  'Europe/Amsterdam': { std: 'CET', dst: 'CEST' },
  'Europe/Brussels': { std: 'CET', dst: 'CEST' },
  'Europe/Madrid': { std: 'CET', dst: 'CEST' },
  'Europe/Rome': { std: 'CET', dst: 'CEST' },
  'Europe/Zurich': { std: 'CET', dst: 'CEST' },
  'Europe/Vienna': { std: 'CET', dst: 'CEST' },
  'Europe/Stockholm': { std: 'CET', dst: 'CEST' },
  'Europe/Oslo': { std: 'CET', dst: 'CEST' },
  'Europe/Copenhagen': { std: 'CET', dst: 'CEST' },
  'Europe/Warsaw': { std: 'CET', dst: 'CEST' },
  'Europe/Prague': { std: 'CET', dst: 'CEST' },
  'Europe/Budapest': { std: 'CET', dst: 'CEST' },
  'Europe/Athens': { std: 'EET', dst: 'EEST' },
  'Europe/Helsinki': { std: 'EET', dst: 'EEST' },
  'Europe/Kyiv': { std: 'EET', dst: 'EEST' },
  'Europe/Bucharest': { std: 'EET', dst: 'EEST' },
  'Europe/Sofia': { std: 'EET', dst: 'EEST' },
  'Africa/Cairo': { std: 'EET', dst: 'EEST' },
  'Europe/Istanbul': { std: 'TRT' },
  'Europe/Moscow': { std: 'MSK' },
  'Africa/Lagos': { std: 'WAT' },
  'Africa/Johannesburg': { std: 'SAST' },
  'Africa/Nairobi': { std: 'EAT' },
  'Asia/Dubai': { std: 'GST' },
  'Asia/Karachi': { std: 'PKT' },
  'Asia/Kolkata': { std: 'IST' },
  'Asia/Kathmandu': { std: 'NPT' },
  'Asia/Bangkok': { std: 'ICT' },
  'Asia/Ho_Chi_Minh': { std: 'ICT' },
  'Asia/Jakarta': { std: 'WIB' },
  'Asia/Singapore': { std: 'SGT' },
  'Asia/Hong_Kong': { std: 'HKT' },
  'Asia/Shanghai': { std: 'CST' },
  'Asia/Taipei': { std: 'CST' },
  'Asia/Manila': { std: 'PHT' },
  'Asia/Tokyo': { std: 'JST' },
  'Asia/Seoul': { std: 'KST' },
  'Asia/Jerusalem': { std: 'IST', dst: 'IDT' },
  'Australia/Perth': { std: 'AWST' },
  'Australia/Adelaide': { std: 'ACST', dst: 'ACDT', generic: 'ACT' },
  'Australia/Darwin': { std: 'ACST', generic: 'ACT' },
  'Australia/Sydney': { std: 'AEST', dst: 'AEDT', generic: 'AET' },
  'Australia/Melbourne': { std: 'AEST', dst: 'AEDT', generic: 'AET' },
  'Australia/Brisbane': { std: 'AEST', generic: 'AET' },
  'Australia/Hobart': { std: 'AEST', dst: 'AEDT', generic: 'AET' },
  'Pacific/Auckland': { std: 'NZST', dst: 'NZDT', generic: 'NZT' },
};

/** Search-only meanings, ranked after the zones above that print the same letters. */
const EXTRA_SEARCH_TERMS: Readonly<Record<string, readonly string[]>> = {
  GMT: ['UTC'],
  Z: ['UTC'],
  UTC: ['UTC'],
  IST: ['Europe/Dublin'],
};

/** Abbreviation (upper case) → zones it names, best first. */
export const ABBREVIATION_ZONES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  const add = (abbr: string, zone: string) => {
    const zones = map.get(abbr) ?? [];
    if (!zones.includes(zone)) zones.push(zone);
    map.set(abbr, zones);
  };
  for (const [zone, { std, dst, generic }] of Object.entries(ZONE_ABBREVIATIONS)) {
    for (const abbr of [std, dst, generic]) if (abbr) add(abbr, zone);
  }
  for (const [abbr, zones] of Object.entries(EXTRA_SEARCH_TERMS)) for (const zone of zones) add(abbr, zone);
  return map;
})();
