import { describe, expect, it } from 'vitest';
import { checkOmniBaseUrl } from '../../src/connections/base-url.js';

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

  it('allows plain http only on this machine (the sandbox)', () => {
    expect(checkOmniBaseUrl('http://127.0.0.1:4010')).toEqual({ ok: true, url: 'http://127.0.0.1:4010' });
    expect(checkOmniBaseUrl('http://localhost:4010/api')).toEqual({ ok: true, url: 'http://localhost:4010' });
    expect(checkOmniBaseUrl('http://[::1]:4010')).toEqual({ ok: true, url: 'http://[::1]:4010' });
    expect(checkOmniBaseUrl('http://blobsrus.omniapp.co')).toEqual({
      ok: false,
      reason: 'The Omni URL must start with https:// (plain http is only allowed for localhost).',
    });
    expect(checkOmniBaseUrl('http://localhost.evil.com').ok).toBe(false);
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
