// An in-memory SlackDirectory for unit tests: people, channels and groups, with every call counted and
// the largest number of look-ups in flight at once recorded.
import {
  DirectoryError,
  type EmailScope,
  type ProfileFieldDefinition,
  type SlackDirectory,
} from '../../src/recipients/index.js';
import type { SlackProfile, SlackUser } from '../../src/recipients/types.js';

export class FakeDirectory implements SlackDirectory {
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, string[]>();
  readonly groups = new Map<string, string[]>();
  readonly profiles = new Map<string, SlackProfile>();
  fields: ProfileFieldDefinition[] = [];
  scope: EmailScope = 'unknown';
  /** Slack errors to throw for a user id or a looked-up email (e.g. 'ratelimited'). */
  readonly failures = new Map<string, string>();
  readonly calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;

  person(id: string, extra: Partial<SlackUser> & { email?: string | null } = {}): SlackUser {
    const { email, ...rest } = extra;
    const address = email === undefined ? `${id.toLowerCase()}@example.com` : email;
    const user: SlackUser = {
      id,
      team_id: 'T1',
      tz: 'Europe/Paris',
      ...rest,
      profile: { ...(address ? { email: address } : {}), real_name: `Person ${id}`, ...(rest.profile ?? {}) },
    };
    this.users.set(id, user);
    return user;
  }

  private async call<T>(name: string, work: () => T): Promise<T> {
    this.calls.push(name);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return work();
    } finally {
      this.inFlight -= 1;
    }
  }

  callsTo(name: string): number {
    return this.calls.filter((c) => c.startsWith(`${name}:`) || c === name).length;
  }

  userInfo(id: string) {
    return this.call(`userInfo:${id}`, () => {
      const failure = this.failures.get(id);
      if (failure) throw new DirectoryError('failed', failure);
      const user = this.users.get(id);
      if (!user) throw new DirectoryError('not_found', 'user_not_found');
      return structuredClone(user);
    });
  }

  channelMembers(id: string) {
    return this.call(`channelMembers:${id}`, () => {
      const members = this.channels.get(id);
      if (!members) throw new DirectoryError('not_found', 'channel_not_found');
      return [...members];
    });
  }

  usergroupUsers(id: string) {
    return this.call(`usergroupUsers:${id}`, () => {
      const members = this.groups.get(id);
      if (!members) throw new DirectoryError('not_found', 'no_such_subteam');
      return [...members];
    });
  }

  lookupByEmail(email: string) {
    return this.call(`lookupByEmail:${email}`, () => {
      const failure = this.failures.get(email);
      if (failure) throw new DirectoryError('failed', failure);
      const user = [...this.users.values()].find((u) => u.profile?.email?.toLowerCase() === email.toLowerCase());
      return user ? structuredClone(user) : null;
    });
  }

  profile(id: string) {
    return this.call(`profile:${id}`, () => {
      const profile = this.profiles.get(id) ?? this.users.get(id)?.profile;
      if (!profile) throw new DirectoryError('not_found', 'user_not_found');
      return structuredClone(profile);
    });
  }

  profileFields() {
    return this.call('profileFields', () => [...this.fields]);
  }

  emailScope() {
    return this.call('emailScope', () => this.scope);
  }
}
