// Secrets at rest: AES-256-GCM with a random 12-byte IV per value and a key id in every blob, so that
// several keys can be configured during a rotation (encrypt with the first, decrypt with whichever matches).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Blob format: `enc1.<key id>.<iv>.<auth tag>.<ciphertext>`, all base64url. */
const BLOB_PREFIX = 'enc1';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Name of the file `loadOrCreateDevKey` keeps the development key in. */
export const DEV_KEY_FILE = 'encryption-key';

/** A stored secret could not be turned back into plain text. The message never contains the secret. */
export class SecretDecryptionError extends Error {
  override readonly name = 'SecretDecryptionError';
}

/**
 * Parses `ENCRYPTION_KEY`: one or more comma-separated base64 keys of 32 bytes each. The first one encrypts;
 * all of them decrypt (so an old key stays usable until everything is re-encrypted).
 */
export function parseEncryptionKeys(commaSeparatedBase64: string): Buffer[] {
  const entries = commaSeparatedBase64
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new Error(
      'ENCRYPTION_KEY is empty: set it to a base64 32-byte key (generate one with `openssl rand -base64 32`)',
    );
  }
  const keys = entries.map((entry, index) => {
    const position = entries.length > 1 ? ` (entry ${index + 1} of ${entries.length})` : '';
    if (!BASE64.test(entry)) {
      throw new Error(`ENCRYPTION_KEY${position} is not base64: generate a key with \`openssl rand -base64 32\``);
    }
    const key = Buffer.from(entry, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new Error(
        `ENCRYPTION_KEY${position} decodes to ${key.length} bytes, not ${KEY_BYTES}: generate a key with \`openssl rand -base64 32\``,
      );
    }
    return key;
  });
  const ids = new Set(keys.map(keyId));
  if (ids.size !== keys.length) {
    throw new Error('ENCRYPTION_KEY lists the same key twice: list each key once, the current one first');
  }
  return keys;
}

/**
 * A short, stable, non-secret fingerprint of a key, stored with each blob so decryption knows which key to use.
 * (A truncated hash of a random 256-bit key reveals nothing usable about it.)
 */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('omni-slack:encryption-key-id:').update(key).digest('hex').slice(0, 16);
}

/**
 * Encrypts `plain` under the first key. `context` is bound to the ciphertext as additional authenticated data:
 * the blob only decrypts with the same context, so a value copied under another workspace's record is refused.
 */
export function encryptSecret(plain: string, keys: readonly Buffer[], context = ''): string {
  const key = currentKey(keys);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [BLOB_PREFIX, keyId(key), b64(iv), b64(tag), b64(ciphertext)].join('.');
}

/** Decrypts a blob made by `encryptSecret` with whichever of `keys` it was encrypted under. */
export function decryptSecret(blob: string, keys: readonly Buffer[], context = ''): string {
  if (keys.length === 0) throw new SecretDecryptionError('no encryption key is configured (ENCRYPTION_KEY)');
  const parts = typeof blob === 'string' ? blob.split('.') : [];
  const [prefix, id, ivText, tagText, ciphertextText] = parts;
  if (parts.length !== 5 || prefix !== BLOB_PREFIX || !id || !ivText || !tagText || ciphertextText === undefined) {
    throw new SecretDecryptionError('the stored secret is not in the expected encrypted format');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  const ciphertext = Buffer.from(ciphertextText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretDecryptionError('the stored secret is not in the expected encrypted format');
  }
  // The key named in the blob first; then every other key, in case the blob's id is unknown.
  const named = keys.filter((key) => keyId(key) === id);
  const candidates = named.length > 0 ? named : keys;
  for (const key of candidates) {
    const plain = tryDecrypt(key, iv, tag, ciphertext, context);
    if (plain !== undefined) return plain;
  }
  if (named.length === 0) {
    throw new SecretDecryptionError(
      `the stored secret was encrypted with a key that is not in ENCRYPTION_KEY (key id ${id}); ` +
        'add that key back after the current one, then re-encrypt',
    );
  }
  throw new SecretDecryptionError('the stored secret failed its integrity check: it was altered or corrupted');
}

/**
 * Development only: reads the key kept in `<dataDir>/encryption-key`, or creates one (mode 0600) when the file is
 * absent. `created` tells the caller to warn that a generated key is in use.
 */
export function loadOrCreateDevKey(dataDir: string): { key: Buffer; created: boolean; path: string } {
  const path = join(dataDir, DEV_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return { key: existing, created: false, path };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx' fails if another process created the file meanwhile: then read theirs instead of overwriting it.
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const raced = readKeyFile(path);
      if (raced) return { key: raced, created: false, path };
    }
    throw new Error(`Could not write the development encryption key to ${path}: ${(error as Error).message}`);
  }
  chmodSync(path, 0o600); // the mode given to writeFileSync is reduced by the umask
  return { key, created: true, path };
}

function readKeyFile(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Could not read the development encryption key ${path}: ${(error as Error).message}`);
  }
  const trimmed = text.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (!key || key.length !== KEY_BYTES) {
    throw new Error(
      `The development encryption key ${path} is not a base64 32-byte key: fix it, or set ENCRYPTION_KEY ` +
        '(deleting the file makes secrets saved under it unreadable)',
    );
  }
  return key;
}

function currentKey(keys: readonly Buffer[]): Buffer {
  const key = keys[0];
  if (!key) throw new Error('no encryption key is configured (ENCRYPTION_KEY)');
  if (key.length !== KEY_BYTES) throw new Error(`the encryption key must be ${KEY_BYTES} bytes (ENCRYPTION_KEY)`);
  return key;
}

function tryDecrypt(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, context: string): string | undefined {
  if (key.length !== KEY_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return undefined; // authentication failed under this key; the caller reports which case applies
  }
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64url');
}
