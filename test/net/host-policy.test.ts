import { describe, expect, it } from 'vitest';
import {
  checkHost,
  checkHostLiteral,
  type HostPolicy,
  parseAllowedHosts,
  type ResolveHost,
} from '../../src/net/host-policy.js';

const production: HostPolicy = { allowedHosts: [], production: true };
const development: HostPolicy = { allowedHosts: [], production: false };

/** A resolver from a table: no DNS needed, and an unknown name fails like ENOTFOUND. */
function resolverOf(table: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses;
  };
  return Object.assign(resolve, { asked });
}

const refusedLiteral = (url: string, policy: HostPolicy) => {
  const verdict = checkHostLiteral(new URL(url), policy);
  return verdict.ok ? 'allowed' : verdict.reason;
};

describe('parseAllowedHosts', () => {
  it('reads host and host:port entries, IPv6 in brackets, lower-cased', () => {
    expect(parseAllowedHosts(' Omni.Internal , 127.0.0.1:4010,[::1]:4010, 10.0.0.5,')).toEqual([
      { host: 'omni.internal' },
      { host: '127.0.0.1', port: 4010 },
      { host: '[::1]', port: 4010 },
      { host: '10.0.0.5' },
    ]);
    expect(parseAllowedHosts('')).toEqual([]);
    expect(parseAllowedHosts('omni.internal:443')).toEqual([{ host: 'omni.internal', port: 443 }]);
  });

  it('names the entry it cannot read', () => {
    expect(() => parseAllowedHosts('https://omni.internal')).toThrow(
      /"https:\/\/omni\.internal" is not a host or host:port/,
    );
    expect(() => parseAllowedHosts('omni.internal/api')).toThrow(/"omni\.internal\/api"/);
    expect(() => parseAllowedHosts('omni.internal:http')).toThrow(/"omni\.internal:http"/);
    expect(() => parseAllowedHosts('omni.internal:')).toThrow(/port that is not a number/);
    expect(() => parseAllowedHosts('omni.internal:70000')).toThrow(/outside 1–65535/);
    expect(() => parseAllowedHosts('user@omni.internal')).toThrow(/not a host/);
  });
});

describe('checkHostLiteral (no DNS)', () => {
  it('refuses loopback, private, link-local and unspecified literals in production, naming the class', () => {
    expect(refusedLiteral('https://127.0.0.1', production)).toMatch(
      /^127\.0\.0\.1 is a loopback address \(this machine\)\. .*OMNI_ALLOWED_HOSTS/,
    );
    expect(refusedLiteral('https://2130706433', production)).toMatch(/loopback/);
    expect(refusedLiteral('https://0x7f.1:8443', production)).toMatch(/^127\.0\.0\.1:8443 is a loopback/);
    expect(refusedLiteral('https://[::ffff:127.0.0.1]', production)).toMatch(/loopback/);
    expect(refusedLiteral('https://localhost', production)).toMatch(/loopback/);
    expect(refusedLiteral('https://LOCALHOST./', production)).toMatch(/loopback/);
    expect(refusedLiteral('https://omni.localhost', production)).toMatch(/loopback/);
    expect(refusedLiteral('https://10.1.2.3', production)).toMatch(/private network/);
    expect(refusedLiteral('https://169.254.169.254', production)).toMatch(/link-local.*metadata/);
    expect(refusedLiteral('https://0.0.0.0', production)).toMatch(/unspecified/);
    expect(refusedLiteral('https://[::]', production)).toMatch(/unspecified/);
    expect(refusedLiteral('https://[fd00::1]', production)).toMatch(/unique local/);
    expect(refusedLiteral('https://[fe80::1]', production)).toMatch(/link-local/);
  });

  it('allows loopback in development with a warning, and still refuses private addresses there', () => {
    expect(checkHostLiteral(new URL('http://127.0.0.1:4010'), development)).toEqual({
      ok: true,
      needsResolution: false,
      warning: expect.stringMatching(/127\.0\.0\.1:4010 is on this machine.*NODE_ENV is not production/),
    });
    expect(checkHostLiteral(new URL('http://[::1]:4010'), development).ok).toBe(true);
    expect(checkHostLiteral(new URL('http://localhost:4010'), development).ok).toBe(true);
    expect(refusedLiteral('https://192.168.1.1', development)).toMatch(/private network/);
    expect(refusedLiteral('https://169.254.169.254', development)).toMatch(/link-local/);
  });

  it('allows listed hosts (and ports) whatever their address, over http too', () => {
    const policy: HostPolicy = {
      production: true,
      allowedHosts: [{ host: '127.0.0.1', port: 4010 }, { host: 'omni.internal' }, { host: '[::1]' }],
    };
    expect(checkHostLiteral(new URL('http://127.0.0.1:4010'), policy)).toEqual({ ok: true, needsResolution: false });
    expect(checkHostLiteral(new URL('http://OMNI.internal:8080'), policy)).toEqual({
      ok: true,
      needsResolution: false,
    });
    expect(checkHostLiteral(new URL('http://[::1]:1'), policy)).toEqual({ ok: true, needsResolution: false });
    // Another port of a host listed with a port is not listed.
    expect(refusedLiteral('http://127.0.0.1:4011', policy)).toMatch(/plain http only for hosts/);
    expect(refusedLiteral('https://127.0.0.1:4011', policy)).toMatch(/loopback/);
    // The default port counts as written: 443 for https.
    const on443: HostPolicy = { production: true, allowedHosts: [{ host: '10.0.0.5', port: 443 }] };
    expect(checkHostLiteral(new URL('https://10.0.0.5'), on443).ok).toBe(true);
    expect(refusedLiteral('http://10.0.0.5', on443)).toMatch(/plain http/);
  });

  it('allows plain http only for listed hosts and development loopback', () => {
    expect(refusedLiteral('http://omni.example.com', development)).toMatch(/must start with https:\/\//);
    expect(refusedLiteral('http://8.8.8.8', development)).toMatch(/must start with https:\/\//);
    expect(refusedLiteral('http://127.0.0.1:4010', production)).toMatch(/must start with https:\/\//);
    expect(refusedLiteral('ftp://omni.example.com', development)).toMatch(/must start with https:\/\//);
  });

  it('passes a public literal at once and a name on to resolution', () => {
    expect(checkHostLiteral(new URL('https://8.8.8.8'), production)).toEqual({ ok: true, needsResolution: false });
    expect(checkHostLiteral(new URL('https://myorg.omniapp.co'), production)).toEqual({
      ok: true,
      needsResolution: true,
    });
  });
});

describe('checkHost (names resolved, every address judged)', () => {
  const resolve = resolverOf({
    'myorg.omniapp.co': ['34.120.1.2', '2600:1901::1'],
    'internal.example.com': ['10.0.0.8'],
    'metadata.example.com': ['169.254.169.254'],
    'mixed.example.com': ['34.120.1.2', '192.168.0.10'],
    'sneaky-v6.example.com': ['2600:1901::1', '::ffff:127.0.0.1'],
    'home.example.com': ['127.0.0.1'],
    'nothing.example.com': [],
  });

  it('allows a name whose every address is public', async () => {
    expect(await checkHost(new URL('https://myorg.omniapp.co'), production, resolve)).toEqual({ ok: true });
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const cases: [string, RegExp][] = [
      ['https://internal.example.com', /^internal\.example\.com is a private network address/],
      ['https://metadata.example.com', /link-local/],
      ['https://mixed.example.com', /private network/],
      ['https://sneaky-v6.example.com', /loopback/],
      ['https://home.example.com', /loopback/],
    ];
    for (const [url, reason] of cases) {
      expect(await checkHost(new URL(url), production, resolve)).toEqual({
        ok: false,
        reason: expect.stringMatching(reason),
      });
    }
  });

  it('allows a name resolving to loopback in development, with the warning', async () => {
    expect(await checkHost(new URL('https://home.example.com'), development, resolve)).toEqual({
      ok: true,
      warning: expect.stringMatching(/on this machine/),
    });
  });

  it('says a name that does not resolve could not be found', async () => {
    expect(await checkHost(new URL('https://nowhere.example.com'), production, resolve)).toEqual({
      ok: false,
      reason: 'nowhere.example.com could not be found (ENOTFOUND).',
    });
    expect(await checkHost(new URL('https://nothing.example.com'), production, resolve)).toMatchObject({ ok: false });
  });

  it('does not resolve listed hosts or literals', async () => {
    const counting = resolverOf({});
    const listed: HostPolicy = { production: true, allowedHosts: [{ host: 'omni.internal' }] };
    expect(await checkHost(new URL('https://omni.internal'), listed, counting)).toEqual({ ok: true });
    expect(await checkHost(new URL('https://10.0.0.1'), listed, counting)).toMatchObject({ ok: false });
    expect(counting.asked).toEqual([]);
  });
});
