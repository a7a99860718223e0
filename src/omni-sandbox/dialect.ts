// Which reading of Omni's create/update body the sandbox plays. Omni's docs and the OpenAPI spec
// its CLI ships disagree on a few fields; `lenient` accepts both, `docs` and `spec` refuse the
// other reading's field with a zod-style 400 that names it, so a client can tell which one it met.
import { badRequest } from './http.js';
import { isObject, typeName } from './validation.js';

export type Dialect = 'docs' | 'spec' | 'lenient';
export const DIALECTS: readonly Dialect[] = ['docs', 'spec', 'lenient'];

/** Destination types the docs' create page lists ("only email, SFTP, and webhook destinations"). */
const DOCS_DESTINATIONS = ['email', 'sftp', 'webhook'] as const;

/**
 * Throws Omni's 400 when `body` uses the other reading's shape for a field on which the docs and
 * the spec disagree. `partial` (updates): a missing field is not an error; the caller passes the
 * saved destination type when the update does not change it. Fields only one source
 * documents (e.g. the docs' `subject`, the spec's S3 fields) are not disputed and pass through.
 */
export function checkDialect(dialect: Dialect, body: Record<string, unknown>, partial: boolean): void {
  if (dialect === 'lenient') return;
  const destinationType = body.destinationType;
  if (dialect === 'docs' && typeof destinationType === 'string' && destinationType !== '') {
    if (!(DOCS_DESTINATIONS as readonly string[]).includes(destinationType)) {
      const expected = DOCS_DESTINATIONS.map((d) => `'${d}'`).join(' | ');
      throw badRequest(`destinationType: Invalid enum value. Expected ${expected}, received '${destinationType}'`);
    }
  }
  const [urlField, otherUrlField] = dialect === 'docs' ? ['url', 'webhookUrl'] : ['webhookUrl', 'url'];
  if (destinationType === 'webhook' && body[urlField] === undefined && (!partial || otherUrlField in body)) {
    throw badRequest(`${urlField}: Required`);
  }
  if (otherUrlField in body && body[urlField] === undefined) throw badRequest(`${urlField}: Required`);
  if (destinationType === 'email') checkEmailRecipients(dialect, body.recipients);
  if (dialect === 'spec') {
    // The spec types these as boolean/integer; the docs' examples send "false" and "22".
    for (const field of ['fanOut', 'overrideRowLimit', 'testNow', 'hideTitle'] as const) {
      const value = body[field];
      if (value !== undefined && value !== null && typeof value !== 'boolean') {
        throw badRequest(`${field}: Expected boolean, received ${typeName(value)}`);
      }
    }
  }
}

function checkEmailRecipients(dialect: 'docs' | 'spec', recipients: unknown): void {
  if (!Array.isArray(recipients)) return;
  recipients.forEach((item, i) => {
    if (dialect === 'docs' && typeof item !== 'string') {
      throw badRequest(`recipients.${i}: Expected string, received ${typeName(item)}`);
    }
    if (dialect === 'spec') {
      if (!isObject(item)) throw badRequest(`recipients.${i}: Expected object, received ${typeName(item)}`);
      if (item.email === undefined) throw badRequest(`recipients.${i}.email: Required`);
    }
  });
}
