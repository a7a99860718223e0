// State of the fake Slack: workspaces (one per bot token), users, channels, user groups, views,
// messages, one-shot trigger ids and response_urls. Shapes follow Slack's Web API objects.

import { zoneOffsetMs } from '../schedules/zone-offset.js';

export const FAKE_DEFAULTS = {
  token: 'xoxb-test-token',
  teamId: 'T00000001',
  teamName: 'Acme Corp',
  teamDomain: 'acme',
  botUserId: 'U0000B0T1',
  botId: 'B00000001',
  appId: 'A00000001',
  tz: 'America/New_York',
} as const;

export interface FakeWorkspace {
  /** Bot token the app uses for this workspace; calls with it act in this workspace. */
  token: string;
  teamId: string;
  teamName: string;
  teamDomain: string;
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall: boolean;
  botUserId: string;
  botId: string;
  appId: string;
}

export interface ProfileField {
  value: string;
  alt: string;
  label?: string;
}

export interface FakeUserProfile {
  email?: string;
  display_name: string;
  display_name_normalized: string;
  real_name: string;
  real_name_normalized: string;
  first_name: string;
  last_name: string;
  title: string;
  phone: string;
  image_48: string;
  team: string;
  /** Custom profile fields by field id (e.g. 'Xf01'), as users.profile.get returns them. */
  fields: Record<string, ProfileField>;
  bot_id?: string;
}

export interface FakeUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  is_bot: boolean;
  is_app_user: boolean;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: boolean;
  is_ultra_restricted: boolean;
  tz: string;
  tz_label: string;
  /** Seconds east of UTC at the time the user was added (like Slack's, DST-dependent). */
  tz_offset: number;
  updated: number;
  profile: FakeUserProfile;
  /**
   * Slack Connect: the workspaces that see this person (of another organisation) through a shared channel.
   * Their users.info answers there, naming the person's own team; never part of an answer.
   */
  sharedWithTeams?: string[];
  enterprise_user?: {
    id: string;
    enterprise_id: string;
    enterprise_name: string;
    is_admin: boolean;
    is_owner: boolean;
  };
}

export type UserInput = Partial<Omit<FakeUser, 'profile'>> & { profile?: Partial<FakeUserProfile> };

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_archived: boolean;
  team_id: string;
  enterpriseId?: string;
  members: string[];
  /** Whether the app's bot user is in the channel (chat.postMessage needs it). */
  botIsMember: boolean;
  created: number;
}

export interface ChannelOptions {
  name?: string;
  is_private?: boolean;
  is_archived?: boolean;
  teamId?: string;
  /** Default true; false makes chat.postMessage answer not_in_channel (channel_not_found if private). */
  botIsMember?: boolean;
}

export interface FakeUsergroup {
  id: string;
  team_id: string;
  enterpriseId?: string;
  handle: string;
  name: string;
  users: string[];
  date_delete: number;
}

export interface UsergroupOptions {
  handle?: string;
  name?: string;
  teamId?: string;
  disabled?: boolean;
}

export interface TeamProfileField {
  id: string;
  label: string;
  hint: string;
  type: 'text' | 'long_text' | 'date' | 'link' | 'options_list' | 'user';
  ordering: number;
  possible_values: string[] | null;
  is_hidden: boolean;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  team: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  thread_ts?: string;
  edited?: { user: string; ts: string };
}

export interface StoredEphemeral {
  channel: string;
  user: string;
  message_ts: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
}

/** A view as Slack answers it from views.* (and sends it in interaction payloads). */
export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  callback_id: string;
  external_id: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: Record<string, unknown>[];
  private_metadata: string;
  state: { values: Record<string, Record<string, Record<string, unknown>>> };
  hash: string;
  root_view_id: string | null;
  previous_view_id: string | null;
  clear_on_close: boolean;
  notify_on_close: boolean;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  /** Home tab owner (views.publish user_id). */
  user_id?: string;
  /** False once closed by applyViewResponse (ack or clear). */
  open: boolean;
  /** Field errors from the last `response_action: errors`, keyed by input block_id. */
  errors?: Record<string, string>;
}

export interface TriggerRecord {
  issuedAt: number;
  used: boolean;
  viewId?: string;
  userId?: string;
}

export interface ResponseUrlRecord {
  id: string;
  url: string;
  createdAt: number;
  uses: number;
  channel?: string;
  userId?: string;
}

const IANA_LABELS: Record<string, string> = {
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'Europe/London': 'Greenwich Mean Time',
  'Europe/Paris': 'Central European Time',
  'Europe/Berlin': 'Central European Time',
  'Asia/Tokyo': 'Japan Standard Time',
  'Australia/Sydney': 'Australian Eastern Standard Time',
  UTC: 'Coordinated Universal Time',
};

/** Seconds east of UTC for an IANA zone at `at` (ms), as Slack's `tz_offset`. */
export function zoneOffsetSeconds(tz: string, at: number): number {
  return Math.round(zoneOffsetMs(tz, at) / 1000);
}

/** A full Slack user object from a partial one, with sensible defaults. */
export function buildUser(id: string, input: UserInput, ws: FakeWorkspace, now: number): FakeUser {
  const name = input.name ?? input.profile?.display_name ?? `user${id.slice(-4).toLowerCase()}`;
  const realName =
    input.real_name ??
    input.profile?.real_name ??
    name.replace(/(^|[._-])(\w)/g, (_m, _s, c) => ` ${c.toUpperCase()}`).trim();
  const tz = input.tz ?? FAKE_DEFAULTS.tz;
  const isBot = input.is_bot ?? false;
  const [first = '', ...rest] = realName.split(' ');
  const profileIn = input.profile ?? {};
  // Bots have no email; a test can also drop it explicitly with profile: { email: undefined }.
  const email = 'email' in profileIn ? profileIn.email : isBot ? undefined : `${name}@example.com`;
  const teamId = input.team_id ?? ws.teamId;
  const profile: FakeUserProfile = {
    display_name: name,
    display_name_normalized: name,
    real_name: realName,
    real_name_normalized: realName,
    first_name: first,
    last_name: rest.join(' '),
    title: '',
    phone: '',
    image_48: `https://avatars.example.com/${id}_48.png`,
    team: teamId,
    fields: {},
    ...profileIn,
  };
  if (email === undefined) delete profile.email;
  else profile.email = email;
  const user: FakeUser = {
    id,
    team_id: teamId,
    name,
    real_name: realName,
    deleted: false,
    is_bot: isBot,
    is_app_user: false,
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    tz,
    tz_label: input.tz_label ?? IANA_LABELS[tz] ?? tz,
    tz_offset: input.tz_offset ?? zoneOffsetSeconds(tz, now),
    updated: Math.floor(now / 1000),
    ...input,
    profile,
  };
  if (ws.enterpriseId && !user.enterprise_user) {
    user.enterprise_user = {
      id: user.id,
      enterprise_id: ws.enterpriseId,
      enterprise_name: ws.enterpriseName ?? ws.enterpriseId,
      is_admin: user.is_admin,
      is_owner: user.is_owner,
    };
  }
  return user;
}

export function buildWorkspace(input: Partial<FakeWorkspace> & { token: string }): FakeWorkspace {
  return {
    teamId: FAKE_DEFAULTS.teamId,
    teamName: FAKE_DEFAULTS.teamName,
    teamDomain: FAKE_DEFAULTS.teamDomain,
    isEnterpriseInstall: false,
    botUserId: FAKE_DEFAULTS.botUserId,
    botId: FAKE_DEFAULTS.botId,
    appId: FAKE_DEFAULTS.appId,
    ...input,
  };
}

/** Whether a workspace's token may see an entity of `teamId` / `enterpriseId` (org installs see the org). */
export function canSee(ws: FakeWorkspace, entity: { team_id: string; enterpriseId?: string }): boolean {
  if (entity.team_id === ws.teamId) return true;
  return ws.enterpriseId !== undefined && entity.enterpriseId === ws.enterpriseId;
}

export function userEnterpriseId(u: FakeUser): string | undefined {
  return u.enterprise_user?.enterprise_id;
}
