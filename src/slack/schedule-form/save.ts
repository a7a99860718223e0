// Saving a valid draft in Omni: create (a test delivery first when asked), or update with the whole
// configuration and read it back. Slack-free apart from the types of what it returns.
import {
  type CreatedOwner,
  type CreateScheduleBody,
  type CreateScheduleResult,
  createOwnedSchedule,
  type MemberLookup,
  type OmniClient,
} from '../../omni/index.js';
import type { ScheduleDraft } from '../../schedules/draft.js';
import { draftToCreateBody, draftToUpdateBody } from '../../schedules/draft-to-omni.js';

export interface SaveOutcome {
  scheduleId: string;
  /** A test delivery was sent (testNow). */
  tested: boolean;
  /** S3 only: what the IAM role's trust policy needs. */
  s3Trust?: { delivererRoleArn: string; externalId: string };
  /** Create only: who owns it in Omni (the person, or Omni's default and why). */
  owner?: CreatedOwner;
}

/** Who should own a new schedule: the member with `email` (see createOwnedSchedule), or why nobody can. */
export type OwnerRequest = { members: MemberLookup; email: string | undefined } | { unavailable: string };

/** A test went out but saving then failed; the message says both. */
export class TestSentButNotSavedError extends Error {
  constructor(readonly cause: unknown) {
    super('A test delivery was sent, but the schedule could not be saved');
    this.name = 'TestSentButNotSavedError';
  }
}

type Creator = Pick<OmniClient, 'createSchedule'>;

/**
 * Creates the schedule. With "send a test now", Omni's spec says `testNow` runs the delivery "instead
 * of scheduling" and returns an id "only when testNow is false", so the test is sent first and the
 * schedule then created without it; if Omni did save it with the test (an id came back), that is it.
 */
export async function createFromDraft(
  omni: Creator,
  draft: ScheduleDraft,
  /** Absent: Omni's default owner, and the outcome names none. */
  owner?: OwnerRequest,
): Promise<SaveOutcome> {
  let tested = false;
  if (draft.testNow) {
    const test = await omni.createSchedule(draftToCreateBody(draft));
    tested = true;
    if (test.id) return withTrust({ scheduleId: test.id, tested }, test);
  }
  try {
    const body = draftToCreateBody({ ...draft, testNow: false });
    const { result: created, owner: madeFor } = await createWithOwner(omni, body, owner);
    if (!created.id) throw new Error('Omni said the schedule was created but gave no id');
    return withTrust({ scheduleId: created.id, tested, ...(madeFor ? { owner: madeFor } : {}) }, created);
  } catch (error) {
    if (tested) throw new TestSentButNotSavedError(error);
    throw error;
  }
}

async function createWithOwner(
  omni: Creator,
  body: CreateScheduleBody,
  owner: OwnerRequest | undefined,
): Promise<{ result: CreateScheduleResult; owner?: CreatedOwner }> {
  if (!owner) return { result: await omni.createSchedule(body) };
  if ('unavailable' in owner) {
    return { result: await omni.createSchedule(body), owner: { kind: 'default', reason: owner.unavailable } };
  }
  return createOwnedSchedule(omni, owner.members, body, owner.email);
}

function withTrust(outcome: SaveOutcome, result: { delivererRoleArn?: string; externalId?: string }): SaveOutcome {
  if (result.delivererRoleArn && result.externalId) {
    outcome.s3Trust = { delivererRoleArn: result.delivererRoleArn, externalId: result.externalId };
  }
  return outcome;
}

/** Sends the complete configuration, with explicit clears against `previous` (the schedule as read before). */
export async function updateFromDraft(
  omni: Pick<OmniClient, 'updateSchedule'>,
  scheduleId: string,
  draft: ScheduleDraft,
  previous: ScheduleDraft,
): Promise<SaveOutcome> {
  await omni.updateSchedule(scheduleId, draftToUpdateBody(draft, previous));
  return { scheduleId, tested: draft.testNow };
}
