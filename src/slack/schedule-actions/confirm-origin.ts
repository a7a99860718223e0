// A row's "Run now…" / "Delete…" opens a modal; when it is submitted, the app must still know which
// schedule and where the row was. That goes in the modal's private_metadata; an ephemeral message's
// response_url (a capability to post as the app) does not: it stays in the store under a random key.
import { randomBytes } from 'node:crypto';
import type { TtlCache } from '../../store/index.js';
import type { Origin } from './origin.js';

export interface ConfirmMetadata {
  scheduleId: string;
  origin?: Origin;
  /** Key of the origin's response_url in the `response-urls` cache. */
  replyKey?: string;
}

/** response_urls work for 30 minutes; keep them no longer. */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

export async function rememberResponseUrl(cache: TtlCache, workspace: string, url: string): Promise<string> {
  const key = `${workspace}:${randomBytes(12).toString('base64url')}`;
  await cache.set(key, url, RESPONSE_URL_TTL_MS);
  return key;
}

export function encodeConfirmMetadata(meta: ConfirmMetadata): string {
  return JSON.stringify(meta);
}

/** undefined when the metadata is not ours (or damaged). */
export function decodeConfirmMetadata(text: string | undefined): ConfirmMetadata | undefined {
  try {
    const meta = JSON.parse(text ?? '') as Partial<ConfirmMetadata>;
    return typeof meta.scheduleId === 'string' && meta.scheduleId !== '' ? (meta as ConfirmMetadata) : undefined;
  } catch {
    return undefined;
  }
}
