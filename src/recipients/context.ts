// What the recipient flows need, bound to one workspace by the Slack layer: its Omni client, its settings,
// a resolver over its Slack directory, and the store's cache. Also the shared steps of those flows.
import type { OmniClient, UserAttribute } from '../omni/index.js';
import type { TtlCache, WorkspaceSettings } from '../store/index.js';
import type { AttributeValue } from './attributes.js';
import { mapWithConcurrency } from './concurrency.js';
import type { SlackDirectory } from './directory.js';
import {
  type EmailOnlyOutcome,
  mappingProblems,
  planEmailOnlyUsers,
  type Refusal,
  upsertEmailOnly,
} from './email-only.js';
import { isCustomField } from './profile-fields.js';
import { DEFAULT_LOOKUP_CONCURRENCY } from './resolve.js';
import type { ChangeLedger, SentLedger } from './sent-ledger.js';
import type { Recipient, RecipientInput, Resolution, ResolvePurpose, SlackProfile } from './types.js';

export type RecipientsOmni = Pick<
  OmniClient,
  | 'baseUrl'
  | 'getSchedule'
  | 'listRecipients'
  | 'addRecipients'
  | 'removeRecipients'
  | 'findUsersByEmails'
  | 'upsertEmailOnlyUsers'
  | 'listEmailOnlyUsers'
  | 'listUserAttributes'
>;

export type Progress =
  | { stage: 'checking_members'; done: number; total: number }
  | { stage: 'email_only'; done: number; total: number };

export interface RecipientsContext {
  omni: RecipientsOmni;
  settings: WorkspaceSettings;
  /** Resolves inputs with the workspace's directory, cache and rules. */
  resolve(inputs: readonly RecipientInput[], purpose: ResolvePurpose): Promise<Resolution>;
  /** For custom profile fields (users.profile.get); cached by the Slack layer. */
  directory: SlackDirectory;
  cache?: TtlCache;
  /** The workspace key: names everything this context caches. */
  cacheKey: string;
  onProgress?: (progress: Progress) => void | Promise<void>;
  /** In a job: who its earlier runs already sent as email-only users, saved after each batch (sent-ledger.ts). */
  sentLedger?: SentLedger;
  /** In a job: who its earlier runs already added to (or removed from) the schedule, saved after each chunk. */
  changeLedger?: ChangeLedger;
}

/** A refusal written for the person who asked; nothing was sent to Omni. */
export class RecipientsRefusal extends Error {
  override name = 'RecipientsRefusal';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export const ATTRIBUTES_CACHE_TTL_MS = 5 * 60_000;

/** Omni's user attribute definitions, cached briefly per workspace and org. */
export async function loadAttributes(ctx: RecipientsContext): Promise<UserAttribute[]> {
  const load = () => ctx.omni.listUserAttributes();
  if (!ctx.cache) return load();
  return ctx.cache.getOrLoad(`${ctx.cacheKey}:${ctx.omni.baseUrl}:user-attributes`, ATTRIBUTES_CACHE_TTL_MS, load);
}

export interface EnsureOptions {
  explicit?: Record<string, AttributeValue>;
  /** Time zone and mapped profile fields from Slack (not for `users set`). */
  fromSlack: boolean;
}

/** Plans and sends email-only users for `people` (none of them Omni members). */
export async function ensureEmailOnlyUsers(
  ctx: RecipientsContext,
  people: readonly Recipient[],
  options: EnsureOptions,
): Promise<{ outcome: EmailOnlyOutcome; refused: Refusal[] }> {
  if (people.length === 0)
    return { outcome: { created: [], updated: [], createdOrUpdated: [], failed: [] }, refused: [] };
  const attributes = await loadAttributes(ctx);
  const mappings = options.fromSlack ? ctx.settings.attributeMappings : {};
  const problems = mappingProblems(mappings, attributes);
  if (problems.length > 0) {
    throw new RecipientsRefusal([
      ...problems,
      'Nobody was sent to Omni. An admin can fix the mapping with `/schedule users map <attribute>=<Slack field>` (or remove it with `<attribute>=`).',
    ]);
  }
  const { profiles, refused } = await customProfiles(ctx, people, mappings);
  const sendable = people.filter((p) => !refused.some((r) => r.email === p.email));
  const plan = planEmailOnlyUsers(
    sendable,
    { mappings, attributes, explicit: options.explicit, fromSlack: options.fromSlack },
    profiles,
  );
  const total = plan.inputs.length;
  const outcome = await upsertEmailOnly(ctx.omni, plan.inputs, {
    onBatch: (done) => ctx.onProgress?.({ stage: 'email_only', done, total }),
    ...(ctx.sentLedger ? { ledger: ctx.sentLedger } : {}),
  });
  return { outcome, refused: [...refused, ...plan.refused] };
}

/** Full profiles (with custom fields) of the Slack people, when a mapping needs a custom field. */
async function customProfiles(
  ctx: RecipientsContext,
  people: readonly Recipient[],
  mappings: Record<string, string>,
): Promise<{ profiles: Map<string, SlackProfile>; refused: Refusal[] }> {
  const profiles = new Map<string, SlackProfile>();
  const refused: Refusal[] = [];
  if (!Object.values(mappings).some(isCustomField)) return { profiles, refused };
  const fromSlack = people.filter((p) => p.slackUserId);
  await mapWithConcurrency(fromSlack, DEFAULT_LOOKUP_CONCURRENCY, async (person) => {
    const id = person.slackUserId as string;
    try {
      profiles.set(id, await ctx.directory.profile(id));
    } catch (error) {
      refused.push({
        email: person.email,
        slackUserId: id,
        detail: `not sent: their Slack profile could not be read (${(error as Error).message}), so the mapped attributes are unknown; try again`,
      });
    }
  });
  return { profiles, refused };
}
