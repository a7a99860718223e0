import { describe, expect, it } from 'vitest';
import { askingOmniText, INTERIM_AFTER_MS } from '../../src/text/asking-omni.js';

describe('askingOmniText', () => {
  it('says only "Asking Omni…" when the wait is unknown or short', () => {
    expect(askingOmniText()).toBe('Asking Omni…');
    expect(askingOmniText({ ms: 400, reason: 'pacing' })).toBe('Asking Omni…');
    expect(askingOmniText({ ms: Number.NaN, reason: 'pacing' })).toBe('Asking Omni…');
  });

  it('gives the wait and why, in seconds or minutes', () => {
    expect(askingOmniText({ ms: 12_300, reason: 'pacing' })).toBe(
      "Asking Omni… (about 13 s: the app keeps within Omni's calls-per-minute limit)",
    );
    expect(askingOmniText({ ms: 60_000, reason: 'rate-limited' })).toBe(
      'Asking Omni… (about 60 s: Omni asked the app to wait)',
    );
    expect(askingOmniText({ ms: 150_000, reason: 'rate-limited' })).toBe(
      'Asking Omni… (about 3 min: Omni asked the app to wait)',
    );
  });

  it('waits about 1.5 s before showing it', () => {
    expect(INTERIM_AFTER_MS).toBe(1_500);
  });
});
