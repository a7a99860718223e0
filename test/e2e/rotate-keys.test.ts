// `npm run rotate-keys` (src/rotate-keys.ts): re-encrypts stored secrets under the first ENCRYPTION_KEY.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runScript } from '../support/run-script.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const dir = mkdtempSync(join(tmpdir(), 'omni-slack-rotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rotate = (env: Record<string, string>) =>
  runScript('src/rotate-keys.ts', { cwd: dir, env: { LOG_LEVEL: 'error', ...env } });

describe('rotate-keys', () => {
  it('re-encrypts every connection under the new key, after which the old key can go', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const url = `sqlite://${join(dir, 'store.sqlite')}`;
    const before = await openStore({ url, encryptionKeys: [oldKey], logger: quiet });
    for (const teamId of ['T1', 'T2']) {
      await before.connections.save(
        { teamId },
        {
          baseUrl: 'https://blobsrus.omniapp.co',
          apiKey: `key-of-${teamId}`,
          connectedBy: 'U1',
          connectedAt: '2026-01-01T00:00:00.000Z',
          rateLimitPerMinute: 60,
        },
      );
    }
    await before.close();

    const { code, stdout, stderr } = await rotate({
      STORE_URL: url,
      ENCRYPTION_KEY: `${newKey.toString('base64')},${oldKey.toString('base64')}`,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Re-encrypted 2 stored secret records under the first ENCRYPTION_KEY.\nThe other keys in ENCRYPTION_KEY can now be removed.\n',
    );

    const after = await openStore({ url, encryptionKeys: [newKey], logger: quiet });
    try {
      expect((await after.connections.get({ teamId: 'T2' }))?.apiKey).toBe('key-of-T2');
    } finally {
      await after.close();
    }
  });

  it('needs ENCRYPTION_KEY, and says so in one line', async () => {
    const { code, stderr } = await rotate({ STORE_URL: `sqlite://${join(dir, 'other.sqlite')}` });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'ENCRYPTION_KEY is required: list the new key first, then the old ones, comma-separated.',
    );
  });
});
