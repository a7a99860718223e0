import { createHash } from 'node:crypto';
import type { Json } from './types.js';

/** Identifies "the same request": kind, key and data. Data is hashed as given (callers build it in a fixed order). */
export function jobFingerprint(kind: string, key: string, data: Json): string {
  return createHash('sha256')
    .update(kind)
    .update('\n')
    .update(key)
    .update('\n')
    .update(JSON.stringify(data))
    .digest('hex')
    .slice(0, 32);
}
