// The playground's Slack workspace: three personas to switch between (an admin, a member and a guest, each in
// another time zone), a few more people, channels and a user group, registered in the fake Slack so that
// users.info, conversations.* and usergroups.* answer the app as Slack would.
import type { FakeSlack } from '../fake-slack/fake-slack.js';

export interface Persona {
  id: string;
  role: 'admin' | 'member' | 'guest';
  name: string;
  realName: string;
  tz: string;
}

// The admin and the member share their emails with the Omni sandbox's seeded members, so schedules that name
// them in Omni show up as theirs in Slack.
export const PERSONAS: readonly Persona[] = [
  { id: 'U0PGADMIN', role: 'admin', name: 'blob.ross', realName: 'Blob Ross', tz: 'America/Los_Angeles' },
  { id: 'U0PGMEMBR', role: 'member', name: 'blobby.hill', realName: 'Blobby Hill', tz: 'Europe/London' },
  { id: 'U0PGGUEST', role: 'guest', name: 'gus.guest', realName: 'Gus Guest', tz: 'Asia/Tokyo' },
];

const EMAILS: Record<string, string> = {
  U0PGADMIN: 'blob.ross@blobsrus.com',
  U0PGMEMBR: 'blobby.hill@blobsrus.com',
  U0PGGUEST: 'gus@guest-agency.example',
};

const COLLEAGUES = [
  { id: 'U0PGANNA1', name: 'anna.lytics', realName: 'Anna Lytics', tz: 'Europe/Berlin' },
  { id: 'U0PGDATA2', name: 'dee.tabase', realName: 'Dee Tabase', tz: 'America/New_York' },
  { id: 'U0PGSALE3', name: 'sal.esman', realName: 'Sal Esman', tz: 'Australia/Sydney' },
];

export const CHANNELS = [
  { id: 'C0PGGENRL', name: 'general', members: 'everyone' },
  { id: 'C0PGREPRT', name: 'reports', members: 'staff' },
  { id: 'C0PGSALES', name: 'sales', members: 'staff' },
] as const;

export const USERGROUP = { id: 'S0PGANLYT', handle: 'analytics', name: 'Analytics team' } as const;

/** Registers the people, channels and user group above in the fake Slack's default workspace. */
export function seedWorkspace(slack: FakeSlack): void {
  for (const p of PERSONAS) {
    slack.addUser({
      id: p.id,
      name: p.name,
      real_name: p.realName,
      tz: p.tz,
      is_admin: p.role === 'admin',
      is_restricted: p.role === 'guest',
      profile: { email: EMAILS[p.id] },
    });
  }
  for (const c of COLLEAGUES) slack.addUser({ id: c.id, name: c.name, real_name: c.realName, tz: c.tz });
  const staff = [...PERSONAS.filter((p) => p.role !== 'guest'), ...COLLEAGUES].map((u) => u.id);
  const everyone = [...PERSONAS.map((p) => p.id), ...COLLEAGUES.map((c) => c.id)];
  for (const c of CHANNELS) slack.addChannel(c.id, c.members === 'everyone' ? everyone : staff, { name: c.name });
  slack.addUsergroup(USERGROUP.id, ['U0PGMEMBR', 'U0PGANNA1', 'U0PGDATA2'], {
    handle: USERGROUP.handle,
    name: USERGROUP.name,
  });
}

export function personaOf(userId: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === userId);
}
