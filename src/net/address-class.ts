// Which kind of network an IP address belongs to, so that a URL typed into a form cannot make the app
// (or Omni, for a webhook) reach a machine on the server's own network. Pure: parses text, no DNS.
// Ranges: RFC 6890 (special-purpose registries), RFC 6598 (shared/CGNAT), RFC 4193 (unique local),
// RFC 4291 (IPv6 link-local, IPv4-mapped), RFC 6052 (NAT64 well-known prefix), RFC 3056 (6to4).

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  /** 100.64.0.0/10, carrier-grade NAT: inside a provider's network, not the internet. */
  | 'shared'
  /** fc00::/7, IPv6's private ranges. */
  | 'unique-local'
  | 'multicast'
  /** Documentation, benchmarking, broadcast and other ranges that are never a public server. */
  | 'reserved';

export type ParsedAddress = { family: 4; bytes: number[] } | { family: 6; bytes: number[] };

/**
 * An IPv4 address in any form `inet_aton` (and so many HTTP clients and resolvers) accepts: dotted
 * `127.0.0.1`, short `127.1`, one number `2130706433`, hex `0x7f.1`, octal `0177.0.0.1`. Null otherwise.
 */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^(0|[1-9]\d*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    numbers.push(value);
  }
  // The last part fills the remaining bytes (`127.1` → 127.0.0.1, `2130706433` → 127.0.0.1).
  const leading = numbers.slice(0, -1);
  const last = numbers[numbers.length - 1] as number;
  if (leading.some((n) => n > 255)) return null;
  const lastBytes = 4 - leading.length;
  if (last >= 256 ** lastBytes) return null;
  const tail: number[] = [];
  for (let i = lastBytes - 1; i >= 0; i--) tail.push(Math.floor(last / 256 ** i) % 256);
  return [...leading, ...tail];
}

/** An IPv6 address (with or without brackets, zone id ignored, embedded IPv4 tail allowed) as 16 bytes. */
export function parseIPv6(text: string): number[] | null {
  let body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = body.indexOf('%');
  if (zone >= 0) body = body.slice(0, zone);
  if (!body.includes(':') || !/^[0-9a-f:.]+$/i.test(body)) return null;
  let words: number[] = [];
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const toWords = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const groups = half.split(':');
    for (const [index, group] of groups.entries()) {
      if (group.includes('.')) {
        // Only the last group may be a dotted IPv4 address, and only in full dotted form.
        if (index !== groups.length - 1 || !/^\d{1,3}(\.\d{1,3}){3}$/.test(group)) return null;
        const v4 = group.split('.').map(Number);
        if (v4.some((n) => n > 255)) return null;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
        out.push(Number.parseInt(group, 16));
      }
    }
    return out;
  };
  const head = toWords(halves[0] as string);
  const tail = halves.length === 2 ? toWords(halves[1] as string) : [];
  if (!head || !tail) return null;
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    words = head;
  }
  if (words.length !== 8) return null;
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

/** An IP address literal in any accepted form, or null for a name. */
export function parseAddress(text: string): ParsedAddress | null {
  const v6 = parseIPv6(text);
  if (v6) return { family: 6, bytes: v6 };
  const v4 = parseIPv4(text);
  return v4 ? { family: 4, bytes: v4 } : null;
}

type Range = { prefix: number[]; bits: number; class: AddressClass };

// Order matters only where ranges nest; the first match wins.
const IPV4_RANGES: Range[] = [
  { prefix: [0], bits: 8, class: 'unspecified' }, // "this network"; 0.0.0.0 reaches the local host
  { prefix: [127], bits: 8, class: 'loopback' },
  { prefix: [10], bits: 8, class: 'private' },
  { prefix: [172, 16], bits: 12, class: 'private' },
  { prefix: [192, 168], bits: 16, class: 'private' },
  { prefix: [169, 254], bits: 16, class: 'link-local' }, // includes cloud metadata, 169.254.169.254
  { prefix: [100, 64], bits: 10, class: 'shared' },
  { prefix: [192, 0, 0], bits: 24, class: 'reserved' },
  { prefix: [192, 0, 2], bits: 24, class: 'reserved' },
  { prefix: [198, 18], bits: 15, class: 'reserved' },
  { prefix: [198, 51, 100], bits: 24, class: 'reserved' },
  { prefix: [203, 0, 113], bits: 24, class: 'reserved' },
  { prefix: [224], bits: 4, class: 'multicast' },
  { prefix: [240], bits: 4, class: 'reserved' }, // includes 255.255.255.255
];

const IPV6_RANGES: Range[] = [
  { prefix: [0xfe, 0x80], bits: 10, class: 'link-local' },
  { prefix: [0xfe, 0xc0], bits: 10, class: 'private' }, // deprecated site-local
  { prefix: [0xfc], bits: 7, class: 'unique-local' },
  { prefix: [0xff], bits: 8, class: 'multicast' },
  { prefix: [0x20, 0x01, 0x0d, 0xb8], bits: 32, class: 'reserved' }, // documentation
  { prefix: [0x01, 0x00, 0, 0, 0, 0, 0, 0], bits: 64, class: 'reserved' }, // discard-only
];

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] as number) & mask) !== ((range.prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function startsWith(bytes: number[], prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function classifyIPv4(bytes: number[]): AddressClass {
  return IPV4_RANGES.find((range) => inRange(bytes, range))?.class ?? 'public';
}

export function classifyIPv6(bytes: number[]): AddressClass {
  const zeros = (n: number) => new Array<number>(n).fill(0);
  if (bytes.every((b) => b === 0)) return 'unspecified';
  if (startsWith(bytes, [...zeros(15), 1])) return 'loopback';
  // IPv6 forms that carry an IPv4 address reach that address: judge it by the IPv4 rules.
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return classifyIPv4(bytes.slice(12)); // ::ffff:a.b.c.d
  if (startsWith(bytes, zeros(12))) return classifyIPv4(bytes.slice(12)); // ::a.b.c.d (deprecated "compatible")
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return classifyIPv4(bytes.slice(12)); // NAT64
  if (startsWith(bytes, [0x20, 0x02])) {
    const inner = classifyIPv4(bytes.slice(2, 6)); // 6to4 2002:aabb:ccdd::
    if (inner !== 'public') return inner;
  }
  return IPV6_RANGES.find((range) => inRange(bytes, range))?.class ?? 'public';
}

/** The class of an IP address literal; undefined when the text is not one (a host name). */
export function classifyAddress(text: string): AddressClass | undefined {
  const parsed = parseAddress(text);
  if (!parsed) return undefined;
  return parsed.family === 4 ? classifyIPv4(parsed.bytes) : classifyIPv6(parsed.bytes);
}

/** Words for a refusal, e.g. "a loopback address (this machine)". */
export function describeClass(addressClass: AddressClass): string {
  switch (addressClass) {
    case 'public':
      return 'a public address';
    case 'loopback':
      return 'a loopback address (this machine)';
    case 'private':
      return 'a private network address';
    case 'link-local':
      return 'a link-local address (such as a cloud metadata service)';
    case 'unspecified':
      return 'an unspecified address (0.0.0.0 or ::, which reach this machine)';
    case 'shared':
      return "a carrier-grade NAT address (a provider's internal network)";
    case 'unique-local':
      return 'an IPv6 unique local (private) address';
    case 'multicast':
      return 'a multicast address';
    case 'reserved':
      return 'a reserved address that is not a public server';
  }
}
