// Fake chat.* methods: messages are stored so tests can see a card as it is after chat.update.
import {
  type ApiBody,
  blockErrors,
  clone,
  fail,
  invalidBlocks,
  type MethodHandler,
  missing,
  str,
} from './fake-slack-api.js';
import { canSee, type FakeWorkspace, type StoredMessage } from './fake-slack-model.js';
import type { FakeSlackState } from './fake-slack-state.js';

const MAX_MESSAGE_TEXT = 40_000;

/** Checks text/blocks/attachments like Slack; returns the error body or undefined when fine. */
function checkContent(params: Record<string, unknown>): ApiBody | undefined {
  const { text, blocks, attachments } = params;
  if (text === undefined && blocks === undefined && attachments === undefined) return fail('no_text');
  if (typeof text === 'string' && text.length > MAX_MESSAGE_TEXT) return fail('msg_too_long');
  if (typeof blocks === 'string') return invalidBlocks(['invalid JSON in blocks [json-pointer:/blocks]']);
  if (typeof attachments === 'string') return fail('invalid_attachments');
  const errors = blockErrors('message', { blocks, attachments });
  return errors.length > 0 ? invalidBlocks(errors) : undefined;
}

/**
 * Where a post goes: a user id means their DM; a known channel must be visible to this workspace
 * and have the bot in it. Unknown channel ids are accepted (tests need not register every channel).
 */
function resolveChannel(state: FakeSlackState, ws: FakeWorkspace, id: string): ApiBody | { channel: string } {
  if (/^[UW]/.test(id)) return { channel: `D${id.slice(1)}` };
  const channel = state.channels.get(id);
  if (!channel) return { channel: id };
  if (!canSee(ws, channel)) return fail('channel_not_found');
  if (!channel.botIsMember) return fail(channel.is_private ? 'channel_not_found' : 'not_in_channel');
  if (channel.is_archived) return fail('is_archived');
  return { channel: id };
}

function isError(x: ApiBody | { channel: string }): x is ApiBody {
  return 'ok' in x;
}

function messageOut(m: StoredMessage): Record<string, unknown> {
  const { channel: _channel, ...rest } = clone(m);
  return { type: 'message', ...rest };
}

function findOwnMessage(state: FakeSlackState, ws: FakeWorkspace, channel: string, ts: string, verb: string) {
  const message = state.message(channel, ts);
  if (!message || message.team !== ws.teamId) return fail('message_not_found');
  if (message.bot_id !== ws.botId && message.user !== ws.botUserId) return fail(`cant_${verb}_message`);
  return message;
}

function content(params: Record<string, unknown>): Partial<StoredMessage> {
  const out: Partial<StoredMessage> = {};
  if (params.text !== undefined) out.text = String(params.text);
  if (Array.isArray(params.blocks)) out.blocks = clone(params.blocks);
  if (Array.isArray(params.attachments)) out.attachments = clone(params.attachments);
  if (params.metadata !== undefined) out.metadata = clone(params.metadata);
  return out;
}

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': ({ state, ws, params }) => {
    const id = str(params, 'channel');
    if (!id) return fail('channel_not_found');
    const bad = checkContent(params);
    if (bad) return bad;
    const target = resolveChannel(state, ws, id);
    if (isError(target)) return target;
    const message = state.addMessage(target.channel, {
      team: ws.teamId,
      user: ws.botUserId,
      bot_id: ws.botId,
      app_id: ws.appId,
      ...content(params),
      ...(str(params, 'thread_ts') ? { thread_ts: str(params, 'thread_ts') } : {}),
    });
    return { ok: true, channel: message.channel, ts: message.ts, message: messageOut(message) };
  },

  'chat.postEphemeral': ({ state, ws, params }) => {
    const id = str(params, 'channel');
    const user = str(params, 'user');
    if (!id || !user) return missing(...(!id ? ['channel'] : []), ...(!user ? ['user'] : []));
    const bad = checkContent(params);
    if (bad) return bad;
    const target = resolveChannel(state, ws, id);
    if (isError(target)) return target;
    const channel = state.channels.get(id);
    if (channel && !channel.members.includes(user)) return fail('user_not_in_channel');
    const messageTs = state.nextTs();
    state.ephemerals.push({
      channel: target.channel,
      user,
      message_ts: messageTs,
      ...content(params),
      ...(str(params, 'thread_ts') ? { thread_ts: str(params, 'thread_ts') } : {}),
    });
    return { ok: true, message_ts: messageTs };
  },

  'chat.update': ({ state, ws, params }) => {
    const channel = str(params, 'channel');
    const ts = str(params, 'ts');
    if (!channel || !ts) return missing(...(!channel ? ['channel'] : []), ...(!ts ? ['ts'] : []));
    const message = findOwnMessage(state, ws, channel, ts, 'update');
    if ('ok' in message) return message;
    const bad = checkContent(params);
    if (bad) return bad;
    Object.assign(message, content(params), { edited: { user: ws.botUserId, ts: state.nextTs() } });
    return { ok: true, channel, ts, text: message.text ?? '', message: messageOut(message) };
  },

  'chat.delete': ({ state, ws, params }) => {
    const channel = str(params, 'channel');
    const ts = str(params, 'ts');
    if (!channel || !ts) return missing(...(!channel ? ['channel'] : []), ...(!ts ? ['ts'] : []));
    const message = findOwnMessage(state, ws, channel, ts, 'delete');
    if ('ok' in message) return message;
    state.messages.splice(state.messages.indexOf(message), 1);
    return { ok: true, channel, ts };
  },

  'chat.getPermalink': ({ ws, params }) => {
    const channel = str(params, 'channel');
    const ts = str(params, 'message_ts');
    if (!channel || !ts) return missing(...(!channel ? ['channel'] : []), ...(!ts ? ['message_ts'] : []));
    return {
      ok: true,
      channel,
      permalink: `https://${ws.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
    };
  },
};
