import { describe, expect, it } from 'vitest';
import { ActionIds, BlockIds } from '../../src/ids.js';
import { readForm } from '../../src/slack/listeners/views/connect.js';

const values = (url: string, key: string, limit?: string | null) => ({
  [BlockIds.omniBaseUrlInput]: { [ActionIds.omniBaseUrlField]: { type: 'plain_text_input', value: url } },
  [BlockIds.omniApiKeyInput]: { [ActionIds.omniApiKeyField]: { type: 'plain_text_input', value: key } },
  [BlockIds.omniRateLimitInput]: { [ActionIds.omniRateLimitField]: { type: 'number_input', value: limit ?? null } },
});

describe('connect form, checked before Omni is called', () => {
  it('accepts a URL, a key and an optional rate limit (60 by default)', () => {
    expect(readForm(values(' https://blobsrus.omniapp.co/api ', ' key-1 '))).toEqual({
      ok: true,
      baseUrl: 'https://blobsrus.omniapp.co',
      apiKey: 'key-1',
      rateLimitPerMinute: 60,
    });
    expect(readForm(values('https://x.omniapp.co', 'k', '120'))).toMatchObject({ ok: true, rateLimitPerMinute: 120 });
  });

  it('puts each problem on its own field, all at once', () => {
    expect(readForm(values('ftp://x', '', '0'))).toEqual({
      ok: false,
      errors: {
        [BlockIds.omniBaseUrlInput]:
          "The Omni URL must start with https:// (plain http only for hosts in the server's OMNI_ALLOWED_HOSTS).",
        [BlockIds.omniApiKeyInput]: 'Paste an Omni organization API key.',
        [BlockIds.omniRateLimitInput]: 'Enter a whole number from 1 to 6000.',
      },
    });
    expect(readForm(values('https://x.omniapp.co', 'two words'))).toEqual({
      ok: false,
      errors: { [BlockIds.omniApiKeyInput]: 'An API key has no spaces; paste just the key.' },
    });
  });
});
