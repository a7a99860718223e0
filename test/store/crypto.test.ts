import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyId } from '../../src/store/crypto.js';
import {
  decryptSecret,
  encryptSecret,
  loadOrCreateDevKey,
  parseEncryptionKeys,
  SecretDecryptionError,
} from '../../src/store/index.js';
import { newKey } from './support.js';

const b64 = (key: Buffer) => key.toString('base64');

describe('parseEncryptionKeys', () => {
  it('reads one or several comma-separated base64 keys, in order', () => {
    const [first, second] = [newKey(), newKey()];
    expect(parseEncryptionKeys(b64(first))).toEqual([first]);
    expect(parseEncryptionKeys(` ${b64(first)} , ${b64(second)},`)).toEqual([first, second]);
  });

  it('names ENCRYPTION_KEY and the bad entry, never echoing key material', () => {
    const good = b64(newKey());
    expect(() => parseEncryptionKeys(' , ')).toThrow(/^ENCRYPTION_KEY is empty/);
    expect(() => parseEncryptionKeys(`${good},not*base64`)).toThrow(/^ENCRYPTION_KEY \(entry 2 of 2\) is not base64/);
    const short = b64(newKey().subarray(0, 16));
    let error: Error | undefined;
    try {
      parseEncryptionKeys(short);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(/^ENCRYPTION_KEY decodes to 16 bytes, not 32/);
    expect(error?.message).not.toContain(short);
    expect(() => parseEncryptionKeys(`${good},${good}`)).toThrow(/same key twice/);
  });
});

describe('encryptSecret / decryptSecret', () => {
  const key = newKey();

  it('round-trips, with a fresh IV each time and no plain text in the blob', () => {
    const secret = 'omni_osk_é✓_secret';
    const first = encryptSecret(secret, [key]);
    const second = encryptSecret(secret, [key]);
    expect(first).not.toBe(second);
    expect(first).not.toContain(secret);
    expect(first.split('.')[0]).toBe('enc1');
    expect(first.split('.')[1]).toBe(keyId(key));
    expect(decryptSecret(first, [key])).toBe(secret);
    expect(decryptSecret(encryptSecret('', [key]), [key])).toBe('');
  });

  it('encrypts with the first key and decrypts with any configured key', () => {
    const old = newKey();
    const blob = encryptSecret('s3cret', [old]);
    expect(decryptSecret(blob, [key, old])).toBe('s3cret');
    expect(encryptSecret('s3cret', [key, old]).split('.')[1]).toBe(keyId(key));
  });

  it('says when the key a secret was encrypted with is not configured', () => {
    const blob = encryptSecret('s3cret', [newKey()]);
    expect(() => decryptSecret(blob, [key])).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(blob, [key])).toThrow(/key that is not in ENCRYPTION_KEY \(key id [0-9a-f]{16}\)/);
  });

  it('refuses tampered ciphertext, a tampered tag, another context, and garbage', () => {
    const blob = encryptSecret('s3cret', [key], 'omni-connection:team:T1');
    const parts = blob.split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    const tamperedCiphertext = [...parts.slice(0, 4), flip(parts[4] ?? '')].join('.');
    const tamperedTag = [...parts.slice(0, 3), flip(parts[3] ?? ''), parts[4]].join('.');
    for (const bad of [tamperedCiphertext, tamperedTag]) {
      expect(() => decryptSecret(bad, [key], 'omni-connection:team:T1')).toThrow(/altered or corrupted/);
    }
    expect(() => decryptSecret(blob, [key], 'omni-connection:team:T2')).toThrow(/altered or corrupted/);
    expect(() => decryptSecret('s3cret', [key])).toThrow(/not in the expected encrypted format/);
    expect(() => decryptSecret('enc1.x.y.z.w', [key])).toThrow(/not in the expected encrypted format/);
  });
});

describe('loadOrCreateDevKey', () => {
  const root = mkdtempSync(join(tmpdir(), 'omni-devkey-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a 0600 key file once, then reads the same key back', () => {
    const dataDir = join(root, 'data');
    const created = loadOrCreateDevKey(dataDir);
    expect(created.created).toBe(true);
    expect(created.key).toHaveLength(32);
    expect(statSync(created.path).mode & 0o777).toBe(0o600);
    expect(parseEncryptionKeys(readFileSync(created.path, 'utf8'))).toEqual([created.key]);
    const again = loadOrCreateDevKey(dataDir);
    expect(again).toEqual({ key: created.key, created: false, path: created.path });
  });

  it('refuses a damaged key file instead of silently replacing it', () => {
    const dataDir = join(root, 'damaged');
    loadOrCreateDevKey(dataDir);
    writeFileSync(join(dataDir, 'encryption-key'), 'short');
    expect(() => loadOrCreateDevKey(dataDir)).toThrow(/encryption-key is not a base64 32-byte key/);
  });
});
