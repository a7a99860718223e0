// Arranges a sandbox organization with many email schedules, and the people deps on the contract's client.
import { randomUUID } from 'node:crypto';
import { StoreJobs } from '../../src/jobs/index.js';
import type { OmniClient } from '../../src/omni/index.js';
import type { OmniSandbox, Schedule } from '../../src/omni-sandbox/index.js';
import { type FollowDeps, type FollowSlack, registerPeopleJobs } from '../../src/people/index.js';
import type { TtlCache } from '../../src/store/index.js';

export const WORKSPACE = 'T1';

/** An email-only user the sandbox knows, so schedules can name them as recipients. */
export function emailOnlyUser(sandbox: OmniSandbox, email: string): string {
  const existing = sandbox.state.emailOnlyUsers.get(email.toLowerCase());
  if (existing) return existing.userId;
  const userId = randomUUID();
  sandbox.state.emailOnlyUsers.set(email.toLowerCase(), {
    userId,
    email,
    userAttributes: {},
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return userId;
}

/** Adds `count` email schedules (copies of a seeded one), each to `recipients(i)`; returns their ids. */
export function seedEmailSchedules(
  sandbox: OmniSandbox,
  count: number,
  recipients: (i: number) => string[],
  ownerId?: (i: number) => string,
): string[] {
  const template = [...sandbox.state.schedules.values()].find((s) => s.destination.type === 'email') as Schedule;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const userIds = recipients(i).map((email) => {
      const member = [...sandbox.state.members.values()].find((m) => m.email.toLowerCase() === email.toLowerCase());
      return member
        ? { userId: member.id, emailOnly: false }
        : { userId: emailOnlyUser(sandbox, email), emailOnly: true };
    });
    sandbox.state.schedules.set(id, {
      ...structuredClone(template),
      id,
      name: `Report ${String(i).padStart(4, '0')}`,
      ownerId: ownerId?.(i) ?? template.ownerId,
      destinationId: randomUUID(),
      destination: { type: 'email', recipients: userIds, subject: null, textBody: null },
    });
    ids.push(id);
  }
  return ids;
}

export function emailsOf(sandbox: OmniSandbox, scheduleId: string): string[] {
  const schedule = sandbox.state.schedules.get(scheduleId);
  if (schedule?.destination.type !== 'email') return [];
  return schedule.destination.recipients
    .map(
      (r) => sandbox.state.members.get(r.userId)?.email ?? sandbox.state.findEmailOnlyUserById(r.userId)?.email ?? '?',
    )
    .map((e) => e.toLowerCase())
    .sort();
}

export function peopleDeps(
  cache: TtlCache,
  client: OmniClient,
  now: () => number,
  slack: FollowSlack,
  pace?: () => Promise<void>,
): FollowDeps {
  return { cache, omniFor: async () => client, now, slackFor: async () => slack, pace };
}

/** A store-backed runner with the people jobs, started (a process of the app). */
export async function startRunner(cache: TtlCache, deps: FollowDeps): Promise<StoreJobs> {
  const jobs = new StoreJobs({ cache, onError: () => undefined });
  registerPeopleJobs(jobs, deps);
  await jobs.start();
  return jobs;
}
