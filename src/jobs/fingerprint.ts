import { createHash } from 'node:crypto';

/** Identifies "the same request": kind, key and data. Data is hashed as given (callers build it in a fixed order). */
export function jobFingerprint(kind: string, key: string, data: unknown): string {
  return createHash('sha256')
    .update(kind)
    .update('\n')
    .update(key)
    .update('\n')
    .update(JSON.stringify(data))
    .digest('hex')
    .slice(0, 32);
}
