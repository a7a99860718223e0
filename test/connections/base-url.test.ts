import { describe, expect, it } from 'vitest';
import { checkOmniBaseUrl } from '../../src/connections/base-url.js';
import type { HostPolicy } from '../../src/net/host-policy.js';

describe('checkOmniBaseUrl', () => {
  it('normalises the org URL as people copy it', () => {
    for (const input of [
      'https://blobsrus.omniapp.co',
      ' https://blobsrus.omniapp.co/ ',
      'https://blobsrus.omniapp.co/api',
      'https://blobsrus.omniapp.co/api/',
    ]) {
      expect(checkOmniBaseUrl(input)).toEqual({ ok: true, url: 'https://blobsrus.omniapp.co' });
    }
    expect(checkOmniBaseUrl('https://proxy.example.com/omni/api')).toEqual({
      ok: true,
      url: 'https://proxy.example.com/omni',
    });
  });

  it('allows plain http only on this machine outside production (the sandbox)', () => {
    const warning = expect.stringMatching(
      /is on this machine \(loopback\); allowed because NODE_ENV is not production/,
    );
    expect(checkOmniBaseUrl('http://127.0.0.1:4010')).toEqual({ ok: true, url: 'http://127.0.0.1:4010', warning });
    expect(checkOmniBaseUrl('http://localhost:4010/api')).toEqual({ ok: true, url: 'http://localhost:4010', warning });
    expect(checkOmniBaseUrl('http://[::1]:4010')).toEqual({ ok: true, url: 'http://[::1]:4010', warning });
    expect(checkOmniBaseUrl('http://blobsrus.omniapp.co')).toEqual({
      ok: false,
      reason: "The Omni URL must start with https:// (plain http only for hosts in the server's OMNI_ALLOWED_HOSTS).",
    });
    expect(checkOmniBaseUrl('http://localhost.evil.com').ok).toBe(false);
  });

  it('refuses loopback in production, and private, link-local and unspecified addresses everywhere', () => {
    const production: HostPolicy = { allowedHosts: [], production: true };
    expect(checkOmniBaseUrl('http://127.0.0.1:4010', production)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The Omni URL must start with https:\/\//),
    });
    expect(checkOmniBaseUrl('https://127.0.0.1:4010', production)).toEqual({
      ok: false,
      reason:
        "127.0.0.1:4010 is a loopback address (this machine). Loopback, private, link-local and unspecified addresses are refused unless the server's OMNI_ALLOWED_HOSTS lists the host.",
    });
    for (const url of [
      'https://10.0.0.1',
      'https://192.168.1.10',
      'https://169.254.169.254',
      'https://0.0.0.0',
      'https://[fe80::1]',
    ]) {
      expect(checkOmniBaseUrl(url)).toMatchObject({ ok: false, reason: expect.stringContaining('OMNI_ALLOWED_HOSTS') });
    }
  });

  it('allows hosts listed in OMNI_ALLOWED_HOSTS, over http too', () => {
    const listed: HostPolicy = {
      production: true,
      allowedHosts: [{ host: 'omni.internal' }, { host: '10.0.0.5', port: 8080 }],
    };
    expect(checkOmniBaseUrl('http://omni.internal/api', listed)).toEqual({ ok: true, url: 'http://omni.internal' });
    expect(checkOmniBaseUrl('http://10.0.0.5:8080', listed)).toEqual({ ok: true, url: 'http://10.0.0.5:8080' });
    expect(checkOmniBaseUrl('https://10.0.0.5:8443', listed).ok).toBe(false);
  });

  it('refuses what is not a URL, other schemes, credentials, queries and fragments', () => {
    expect(checkOmniBaseUrl('')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Enter your Omni URL/) });
    expect(checkOmniBaseUrl('blobsrus.omniapp.co')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^That is not a URL/),
    });
    expect(checkOmniBaseUrl('ftp://blobsrus.omniapp.co').ok).toBe(false);
    expect(checkOmniBaseUrl('https://me:key@blobsrus.omniapp.co')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('user name or password'),
    });
    expect(checkOmniBaseUrl('https://blobsrus.omniapp.co/?key=x')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('query'),
    });
  });
});
