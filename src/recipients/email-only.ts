// Email-only users for people who are not Omni members: their Slack time zone as `omni_user_timezone`,
// attributes mapped from Slack profile fields (as an admin configured) and any typed ones, each checked
// against Omni's attribute definitions before anything is sent. Sent in Omni's batches of 20 (the client
// paces them under the connection's rate limit), with progress, and reported person by person.
import { type EmailOnlyUserInput, type OmniClient, OmniError, type UserAttribute } from '../omni/index.js';
import {
  type AttributeValue,
  attributeValueFromText,
  findAttribute,
  isIanaTimeZone,
  TIMEZONE_ATTRIBUTE,
  unknownAttributeMessage,
  unsettableReason,
} from './attributes.js';
import { profileFieldValue, standardField } from './profile-fields.js';
import { type SentLedger, settledEmails, upsertRecorded } from './sent-ledger.js';
import { emailKey, type Recipient } from './types.js';

export interface EmailOnlyPlanOptions {
  /** Omni attribute → stored Slack profile field (WorkspaceSettings.attributeMappings). */
  mappings: Record<string, string>;
  attributes: readonly UserAttribute[];
  /** Typed attributes (already checked with checkAssignments); they win over mapped ones. */
  explicit?: Record<string, AttributeValue>;
  /** `users set` sends only what was typed; adding and syncing also send time zone and mapped fields. */
  fromSlack: boolean;
}

export interface Refusal {
  email: string;
  slackUserId?: string;
  detail: string;
}

export interface EmailOnlyPlan {
  inputs: EmailOnlyUserInput[];
  /** People not sent, with why (a mapped value Omni would refuse). */
  refused: Refusal[];
}

/** Problems with the mappings themselves (an attribute Omni no longer has): nobody is sent while any remain. */
export function mappingProblems(mappings: Record<string, string>, attributes: readonly UserAttribute[]): string[] {
  const problems: string[] = [];
  for (const [attribute, field] of Object.entries(mappings)) {
    const def = findAttribute(attributes, attribute);
    if (!def) problems.push(`${unknownAttributeMessage(attribute, attributes)} (mapped from Slack’s \`${field}\`)`);
    else {
      const unsettable = unsettableReason(def);
      if (unsettable) problems.push(unsettable);
    }
  }
  return problems;
}

/** What to send for each person; `profiles` holds full profiles (custom fields) by Slack user id. */
export function planEmailOnlyUsers(
  people: readonly Recipient[],
  options: EmailOnlyPlanOptions,
  profiles: ReadonlyMap<string, Recipient['profile']> = new Map(),
): EmailOnlyPlan {
  const plan: EmailOnlyPlan = { inputs: [], refused: [] };
  for (const person of people) {
    const attributes: Record<string, AttributeValue> = {};
    let refusal: string | undefined;
    if (options.fromSlack) {
      if (person.tz && isIanaTimeZone(person.tz)) attributes[TIMEZONE_ATTRIBUTE] = person.tz;
      const profile = (person.slackUserId && profiles.get(person.slackUserId)) || person.profile;
      for (const [attribute, field] of Object.entries(options.mappings)) {
        const def = findAttribute(options.attributes, attribute);
        const text = profileFieldValue(profile, field);
        if (!def || text === undefined) continue; // not set in Slack: left as it is in Omni
        const checked = attributeValueFromText(def, text);
        if (checked.ok) attributes[def.name] = checked.value;
        else refusal ??= `not sent: their Slack \`${fieldLabel(field)}\` is “${text}”, and ${checked.message}`;
      }
    }
    Object.assign(attributes, options.explicit ?? {});
    const ref = person.slackUserId ? { slackUserId: person.slackUserId } : {};
    if (refusal) {
      plan.refused.push({ email: person.email, ...ref, detail: refusal });
      continue;
    }
    plan.inputs.push({
      email: person.email,
      ...(Object.keys(attributes).length > 0 ? { userAttributes: attributes } : {}),
    });
  }
  return plan;
}

function fieldLabel(field: string): string {
  return standardField(field) ?? field;
}

export interface EmailOnlyOutcome {
  created: string[];
  updated: string[];
  /** When the app did not check beforehand (many people): created or updated, Omni does not say which. */
  createdOrUpdated: string[];
  failed: Refusal[];
}

/** Up to this many people, each is looked up first so that the summary can tell created from updated. */
export const PRECISE_SUMMARY_MAX = 20;

export type EmailOnlyClient = Pick<OmniClient, 'upsertEmailOnlyUsers' | 'listEmailOnlyUsers'>;

/**
 * Sends the planned users and reports each one. `onBatch` gets `{ done, total }` after each batch of 20.
 * A failed batch does not stop the others; Omni's own `detail` is kept for each person it refused. With a
 * job's `ledger`, who an earlier run sent is not sent again (and is reported as created or updated).
 */
export async function upsertEmailOnly(
  omni: EmailOnlyClient,
  inputs: readonly EmailOnlyUserInput[],
  options: { onBatch?: (done: number, total: number) => void | Promise<void>; ledger?: SentLedger } = {},
): Promise<EmailOnlyOutcome> {
  const outcome: EmailOnlyOutcome = { created: [], updated: [], createdOrUpdated: [], failed: [] };
  if (inputs.length === 0) return outcome;
  const settled = settledEmails(options.ledger);
  const unsent = inputs.filter((input) => !settled.has(emailKey(input.email)));
  const existing = inputs.length <= PRECISE_SUMMARY_MAX ? await existingEmailOnly(omni, unsent) : undefined;
  const result = await upsertRecorded(omni, inputs, options.ledger, options.onBatch);
  for (const email of result.sent) {
    const known = existing?.get(emailKey(email));
    if (known === undefined) outcome.createdOrUpdated.push(email);
    else (known ? outcome.updated : outcome.created).push(email);
  }
  for (const failure of result.failed) outcome.failed.push({ email: failure.email, detail: failure.detail });
  return outcome;
}

/** Whether each email already is an email-only user (undefined when the look-up failed: not guessed). */
async function existingEmailOnly(
  omni: EmailOnlyClient,
  inputs: readonly EmailOnlyUserInput[],
): Promise<Map<string, boolean | undefined>> {
  const known = new Map<string, boolean | undefined>();
  for (const { email } of inputs) {
    try {
      const page = await omni.listEmailOnlyUsers({ email, pageSize: 1 });
      known.set(
        emailKey(email),
        page.records.some((r) => emailKey(r.email) === emailKey(email)),
      );
    } catch (error) {
      // Only the summary's wording depends on it: this person is then reported as "created or updated".
      if (!(error instanceof OmniError)) throw error;
      known.set(emailKey(email), undefined);
    }
  }
  return known;
}
