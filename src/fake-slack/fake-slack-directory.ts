// Fake Web API methods about who and where: auth, team, users, conversations, user groups.
import { bool, clone, fail, type MethodHandler, missing, page, str } from './fake-slack-api.js';
import { canSee, type FakeChannel, type FakeUser, type FakeWorkspace, userEnterpriseId } from './fake-slack-model.js';
import type { FakeSlackState } from './fake-slack-state.js';

function visibleUser(state: FakeSlackState, ws: FakeWorkspace, id: string | undefined): FakeUser | undefined {
  const user = id === undefined ? undefined : state.users.get(id);
  if (!user) return undefined;
  if (user.sharedWithTeams?.includes(ws.teamId)) return user;
  return canSee(ws, { team_id: user.team_id, enterpriseId: userEnterpriseId(user) }) ? user : undefined;
}

/** Private channels the bot is not in look like they do not exist, as in Slack. */
function visibleChannel(state: FakeSlackState, ws: FakeWorkspace, id: string | undefined): FakeChannel | undefined {
  const channel = id === undefined ? undefined : state.channels.get(id);
  if (!channel || !canSee(ws, channel)) return undefined;
  if (channel.is_private && !channel.botIsMember) return undefined;
  return channel;
}

function channelObject(c: FakeChannel, ws: FakeWorkspace, withCount: boolean): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    name_normalized: c.name,
    is_channel: !c.is_private,
    is_group: c.is_private,
    is_im: false,
    is_mpim: false,
    is_private: c.is_private,
    is_archived: c.is_archived,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_member: c.botIsMember,
    created: c.created,
    creator: '',
    context_team_id: ws.teamId,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
    ...(withCount ? { num_members: c.members.length } : {}),
  };
}

function profileOut(user: FakeUser, withLabels: boolean): Record<string, unknown> {
  const profile = clone(user.profile) as unknown as Record<string, unknown> & { fields: Record<string, unknown> };
  if (!withLabels) {
    profile.fields = Object.fromEntries(
      Object.entries(user.profile.fields).map(([k, f]) => [k, { value: f.value, alt: f.alt }]),
    );
  }
  return profile;
}

export const directoryMethods: Record<string, MethodHandler> = {
  'auth.test': ({ ws }) => ({
    ok: true,
    url: `https://${ws.teamDomain}.slack.com/`,
    team: ws.teamName,
    user: 'bot',
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    is_enterprise_install: ws.isEnterpriseInstall,
    ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}),
  }),

  'team.info': ({ ws }) => ({
    ok: true,
    team: {
      id: ws.teamId,
      name: ws.teamName,
      domain: ws.teamDomain,
      email_domain: 'example.com',
      icon: { image_default: true },
      ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId, enterprise_name: ws.enterpriseName } : {}),
    },
  }),

  'team.profile.get': ({ state, ws }) => ({
    ok: true,
    profile: { fields: clone(state.profileFields.get(ws.teamId) ?? []), sections: [] },
  }),

  'users.info': ({ state, ws, params }) => {
    const id = str(params, 'user');
    if (!id) return missing('user');
    const user = visibleUser(state, ws, id);
    if (!user) return fail('user_not_found');
    const { sharedWithTeams: _seenFrom, ...answer } = clone(user);
    return { ok: true, user: answer };
  },

  'users.list': ({ state, ws, params }) => {
    const visible = [...state.users.values()].filter((u) => visibleUser(state, ws, u.id));
    // Without a limit Slack returns everyone (until a workspace is large); with one it pages.
    const paged = page(visible, params, Math.max(visible.length, 1));
    if (!paged) return fail('invalid_cursor');
    return {
      ok: true,
      members: clone(paged.items),
      cache_ts: Math.floor(state.now() / 1000),
      response_metadata: { next_cursor: paged.nextCursor },
    };
  },

  'users.lookupByEmail': ({ state, ws, params }) => {
    const email = str(params, 'email')?.toLowerCase();
    if (!email) return missing('email');
    const user = [...state.users.values()].find(
      (u) => u.profile.email?.toLowerCase() === email && visibleUser(state, ws, u.id),
    );
    return user ? { ok: true, user: clone(user) } : fail('users_not_found');
  },

  'users.profile.get': ({ state, ws, params }) => {
    const user = visibleUser(state, ws, str(params, 'user') ?? ws.botUserId);
    if (!user) return fail('user_not_found');
    return { ok: true, profile: profileOut(user, bool(params, 'include_labels')) };
  },

  'conversations.info': ({ state, ws, params }) => {
    const id = str(params, 'channel');
    if (!id) return missing('channel');
    const channel = visibleChannel(state, ws, id);
    if (!channel) return fail('channel_not_found');
    return { ok: true, channel: channelObject(channel, ws, bool(params, 'include_num_members')) };
  },

  'conversations.members': ({ state, ws, params }) => {
    const id = str(params, 'channel');
    if (!id) return missing('channel');
    const channel = visibleChannel(state, ws, id);
    if (!channel) return fail('channel_not_found');
    const paged = page(channel.members, params);
    if (!paged) return fail('invalid_cursor');
    return { ok: true, members: paged.items, response_metadata: { next_cursor: paged.nextCursor } };
  },

  'conversations.open': ({ state, ws, params }) => {
    const users = str(params, 'users')?.split(',');
    if (!users || users.length === 0) return missing('users');
    for (const id of users) if (!visibleUser(state, ws, id)) return fail('user_not_found');
    const channelId = users.length === 1 ? `D${users[0]?.slice(1)}` : `G${users.join('').slice(0, 8)}`;
    return { ok: true, channel: { id: channelId } };
  },

  'usergroups.list': ({ state, ws, params }) => {
    const includeDisabled = bool(params, 'include_disabled');
    const includeUsers = bool(params, 'include_users');
    const groups = [...state.usergroups.values()]
      .filter((g) => canSee(ws, g) && (includeDisabled || g.date_delete === 0))
      .map((g) => ({
        id: g.id,
        team_id: g.team_id,
        is_usergroup: true,
        name: g.name,
        handle: g.handle,
        date_delete: g.date_delete,
        user_count: g.users.length,
        ...(includeUsers ? { users: [...g.users] } : {}),
      }));
    return { ok: true, usergroups: groups };
  },

  'usergroups.users.list': ({ state, ws, params }) => {
    const id = str(params, 'usergroup');
    if (!id) return missing('usergroup');
    const group = state.usergroups.get(id);
    if (!group || !canSee(ws, group)) return fail('no_such_subteam');
    if (group.date_delete !== 0 && !bool(params, 'include_disabled')) return fail('no_such_subteam');
    return { ok: true, users: [...group.users] };
  },
};

export { visibleChannel, visibleUser };
