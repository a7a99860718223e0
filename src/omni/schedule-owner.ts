// Who owns a schedule made from Slack: the person who made it, when Omni knows them. Their Omni
// membership is found by email over SCIM (organization keys only) and cached, since every create
// would otherwise cost a call against the key's 60-a-minute budget.
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { OmniApiError } from './errors.js';
import type { CreateScheduleBody, CreateScheduleResult } from './schemas/schedule-body.js';
import type { ScimUser } from './schemas/users.js';

export type OmniMember = { userId: string; name: string | null; email: string };

type MemberSource = { findUserByEmail(email: string): Promise<ScimUser | null> };

/** Members by email, remembered for `ttlMs` (found or not). Failures are not remembered. */
export class MemberLookup {
  readonly #cache = new Map<string, { member: OmniMember | null; until: number }>();

  constructor(
    private readonly source: MemberSource,
    private readonly options: { ttlMs?: number; clock?: Clock; maxEntries?: number } = {},
  ) {}

  async byEmail(email: string): Promise<OmniMember | null> {
    const key = email.trim().toLowerCase();
    const clock = this.options.clock ?? systemClock;
    const hit = this.#cache.get(key);
    if (hit && hit.until > clock.now()) return hit.member;
    const user = await this.source.findUserByEmail(key);
    const member = user ? { userId: user.id, name: user.displayName ?? null, email: user.userName } : null;
    const maxEntries = this.options.maxEntries ?? 10_000;
    if (this.#cache.size >= maxEntries) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, { member, until: clock.now() + (this.options.ttlMs ?? 10 * 60_000) });
    return member;
  }
}

/**
 * `person`: owned by that Omni member. `default`: created without `userId`, so Omni's docs say the
 * organization owns it and its spec says the API key's owner does; read the schedule to know which.
 */
export type CreatedOwner = { kind: 'person'; member: OmniMember } | { kind: 'default'; reason: string };

type Creator = {
  createSchedule(body: CreateScheduleBody, options?: { userId?: string }): Promise<CreateScheduleResult>;
};

/**
 * Creates `body` owned by the member with `email` when Omni has one. SCIM lists user ids while the
 * docs say `userId` takes a membership id; if Omni answers that the user does not exist (checked
 * before anything is saved), the create is sent once more without `userId`.
 */
export async function createOwnedSchedule(
  omni: Creator,
  members: MemberLookup,
  body: CreateScheduleBody,
  email: string | undefined,
): Promise<{ result: CreateScheduleResult; owner: CreatedOwner }> {
  const member = email ? await members.byEmail(email) : null;
  if (!member) {
    const reason = email ? `${email} has no Omni account` : 'no email is known for the person';
    return { result: await omni.createSchedule(body), owner: { kind: 'default', reason } };
  }
  try {
    return { result: await omni.createSchedule(body, { userId: member.userId }), owner: { kind: 'person', member } };
  } catch (error) {
    if (!(error instanceof OmniApiError && error.status === 404 && /^User with id /.test(error.detail))) throw error;
    return {
      result: await omni.createSchedule(body),
      owner: { kind: 'default', reason: `Omni did not take ${email}'s user id as an owner (${error.detail})` },
    };
  }
}
