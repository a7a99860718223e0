import type { KvNamespace } from './namespace.js';

export type ReencryptOutcome = { count: number; failures: string[] };

/**
 * Rewrites every record of a namespace with `rewrite` (decrypt with any key, encrypt with the first). A record
 * that cannot be decrypted is listed in `failures` (key and reason, never a secret) and left as it is.
 */
export async function reencryptNamespace(
  kv: KvNamespace,
  operation: string,
  rewrite: (key: string, stored: unknown) => unknown,
): Promise<ReencryptOutcome> {
  const outcome: ReencryptOutcome = { count: 0, failures: [] };
  for (const key of await kv.keys('', operation)) {
    const stored = await kv.get<unknown>(key, operation);
    if (stored === undefined) continue; // deleted meanwhile
    let rewritten: unknown;
    try {
      rewritten = rewrite(key, stored);
    } catch (error) {
      outcome.failures.push(`${kv.name} ${key}: ${(error as Error).message}`);
      continue;
    }
    await kv.set(key, rewritten, operation);
    outcome.count += 1;
  }
  return outcome;
}
