/*
 * Which reading of the create/update body an Omni instance speaks. Omni's API docs and the OpenAPI
 * spec its CLI ships disagree on two body fields: the webhook URL (`url` in the
 * docs, `webhookUrl` in the spec) and email `recipients` (strings in the docs, `[{ email }]` in the
 * spec). The client builds bodies in the docs' reading and translates for `spec` when needed.
 */
import { OmniApiError } from './errors.js';

export type OmniDialect = 'docs' | 'spec';

/** The docs are what Omni's own examples and its agent guidance send, so they are tried first. */
export const FIRST_DIALECT: OmniDialect = 'docs';

export const otherDialect = (dialect: OmniDialect): OmniDialect => (dialect === 'docs' ? 'spec' : 'docs');

/**
 * Where the client remembers, per connection, the reading Omni accepted. The app keeps it in its
 * store so every replica and restart starts with the right one; `inMemoryDialect()` is per client.
 */
export interface DialectMemory {
  get(): Promise<OmniDialect | undefined>;
  set(dialect: OmniDialect): Promise<void>;
}

export function inMemoryDialect(initial?: OmniDialect): DialectMemory {
  let value = initial;
  return {
    get: async () => value,
    set: async (dialect) => {
      value = dialect;
    },
  };
}

type Body = Record<string, unknown>;

/** The disputed fields this body carries, by the name each reading gives them. */
function disputedFields(body: Body): { docs: string; spec: string }[] {
  const fields: { docs: string; spec: string }[] = [];
  if ('url' in body) fields.push({ docs: 'url', spec: 'webhookUrl' });
  if (body.destinationType === 'email' && Array.isArray(body.recipients)) {
    fields.push({ docs: 'recipients', spec: 'recipients' });
  }
  return fields;
}

/** Whether this body reads differently in the two dialects (else there is nothing to negotiate). */
export const isDisputed = (body: Body): boolean => disputedFields(body).length > 0;

/** `body` (in the docs' reading, as validated) as `dialect` spells it. */
export function inDialect<T extends Body>(body: T, dialect: OmniDialect): Body {
  if (dialect === 'docs') return body;
  const out: Body = { ...body };
  if ('url' in out) {
    out.webhookUrl = out.url;
    delete out.url;
  }
  if (out.destinationType === 'email' && Array.isArray(out.recipients)) {
    out.recipients = out.recipients.map((email) => ({ email }));
  }
  return out;
}

/**
 * Whether Omni's 400 `detail` names one of this body's disputed fields, under either reading's
 * name (`url: Required`, `webhookUrl: Required`, `recipients.0: Expected object, received string`).
 * Omni validates a body before saving anything, so such a refusal is safe to answer with the
 * other reading; any other 400 (and any other status) is not retried.
 */
export function namesDisputedField(detail: string, body: Body): boolean {
  const named = /^(?:Bad Request: )?([A-Za-z]+)(?:\.\d+)*(?:\.[A-Za-z]+)?: /.exec(detail)?.[1];
  if (named === undefined) return false;
  return disputedFields(body).some((field) => field.docs === named || field.spec === named);
}

/**
 * Sends `payload` in the reading this connection is known to speak (the docs' when unknown). If
 * Omni refuses it with a 400 naming one of its disputed fields, which Omni checks before saving
 * anything, it is sent once more in the other reading, and the reading that worked is remembered.
 * No other failure is retried here, so a create that may have been saved is never sent twice.
 */
export async function sendNegotiated<T>(
  memory: DialectMemory,
  payload: Record<string, unknown>,
  send: (body: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  if (!isDisputed(payload)) return send(payload);
  const known = await memory.get();
  const first = known ?? FIRST_DIALECT;
  try {
    const result = await send(inDialect(payload, first));
    if (known !== first) await memory.set(first);
    return result;
  } catch (error) {
    if (!(error instanceof OmniApiError && error.status === 400 && namesDisputedField(error.detail, payload))) {
      throw error;
    }
    const second = otherDialect(first);
    let result: T;
    try {
      result = await send(inDialect(payload, second));
    } catch (retryError) {
      // Refused in both readings for the same kind of reason: the first answer is the one to show.
      if (
        retryError instanceof OmniApiError &&
        retryError.status === 400 &&
        namesDisputedField(retryError.detail, payload)
      ) {
        throw error;
      }
      throw retryError;
    }
    await memory.set(second);
    return result;
  }
}
