// What one person sees in the playground, read from the fake Slack: the channels they are in with the messages
// everyone sees, the ephemeral ones only they see and Slackbot's notices, their open modal stack, their Home
// tab, and the directory the page needs to show names for ids and to offer people and channels in pickers.
import type { FakeSlack, StoredView } from '../fake-slack/fake-slack.js';
import type { Notice } from './bridge.js';
import { CHANNELS, PERSONAS, type Persona } from './workspace.js';

export interface PageItem {
  kind: 'message' | 'ephemeral' | 'notice';
  channel: string;
  ts: string;
  author: { id: string; name: string; app: boolean };
  text?: string;
  blocks?: unknown[];
  /** How many legacy attachments the message has (the page does not draw them; it says they are there). */
  attachments: number;
  edited: boolean;
}

export interface PageChannel {
  id: string;
  name: string;
  kind: 'channel' | 'app';
  items: PageItem[];
}

export interface PageView {
  id: string;
  type: 'modal' | 'home';
  hash: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  errors: Record<string, string>;
}

export interface PageState {
  version: number;
  workspace: { name: string; domain: string };
  me: Persona;
  personas: readonly Persona[];
  channels: PageChannel[];
  modalStack: PageView[];
  home: PageView | null;
  directory: {
    users: { id: string; name: string; realName: string; tz: string; bot: boolean }[];
    channels: { id: string; name: string }[];
    usergroups: { id: string; handle: string; name: string; users: string[] }[];
  };
  command: { name: string; usageHint: string; description: string };
  /** The app's message shortcuts (from its manifest), offered on every message. */
  shortcuts: { name: string; callbackId: string; description: string }[];
  sandbox: { url: string; apiKey: string };
}

export interface PageContext {
  slack: FakeSlack;
  notices: readonly Notice[];
  version: number;
  command: PageState['command'];
  shortcuts: PageState['shortcuts'];
  sandbox: PageState['sandbox'];
}

const APP_NAME = 'Omni Schedules';

function pageView(v: StoredView): PageView {
  return {
    id: v.id,
    type: v.type,
    hash: v.hash,
    title: v.title,
    submit: v.submit,
    close: v.close,
    blocks: v.blocks,
    errors: v.errors ?? {},
  };
}

function byTs(a: PageItem, b: PageItem): number {
  return Number(a.ts) - Number(b.ts);
}

export function pageState(ctx: PageContext, me: Persona): PageState {
  const { slack } = ctx;
  const ws = slack.defaultWorkspace;
  const author = (userId: string, botId?: string) => {
    if (botId === ws.botId || userId === ws.botUserId) return { id: ws.botUserId, name: APP_NAME, app: true };
    if (userId === 'USLACKBOT') return { id: userId, name: 'Slackbot', app: true };
    return { id: userId, name: slack.users.get(userId)?.real_name ?? userId, app: false };
  };
  const dm = `D${me.id.slice(1)}`;
  const visible = [
    ...CHANNELS.filter((c) => slack.channels.get(c.id)?.members.includes(me.id)).map((c) => ({
      id: c.id,
      name: c.name,
      kind: 'channel' as const,
    })),
    { id: dm, name: APP_NAME, kind: 'app' as const },
  ];
  const channels = visible.map((c): PageChannel => {
    const items: PageItem[] = [
      ...slack.messagesIn(c.id).map(
        (m): PageItem => ({
          kind: 'message',
          channel: c.id,
          ts: m.ts,
          author: author(m.user, m.bot_id),
          text: m.text,
          blocks: m.blocks,
          attachments: m.attachments?.length ?? 0,
          edited: m.edited !== undefined,
        }),
      ),
      ...slack.ephemerals
        .filter((e) => e.channel === c.id && e.user === me.id)
        .map(
          (e): PageItem => ({
            kind: 'ephemeral',
            channel: c.id,
            ts: e.message_ts,
            author: author(ws.botUserId, ws.botId),
            text: e.text,
            blocks: e.blocks,
            attachments: e.attachments?.length ?? 0,
            edited: false,
          }),
        ),
      ...ctx.notices
        .filter((n) => n.channel === c.id && n.user === me.id)
        .map(
          (n): PageItem => ({
            kind: 'notice',
            channel: c.id,
            ts: n.ts,
            author: author('USLACKBOT'),
            text: n.text,
            attachments: 0,
            edited: false,
          }),
        ),
    ];
    return { ...c, items: items.sort(byTs) };
  });
  // The person's modal stack: the stack whose root they opened, bottom first.
  let modalStack: PageView[] = [];
  for (const ids of slack.stacks.values()) {
    const root = slack.views.get(ids[0] ?? '');
    if (root?.user_id !== me.id) continue;
    const views = ids.map((id) => slack.views.get(id)).filter((v): v is StoredView => v?.open === true);
    if (views.length > 0) modalStack = views.map(pageView);
  }
  const home = slack.homeView(me.id);
  return {
    version: ctx.version,
    workspace: { name: ws.teamName, domain: ws.teamDomain },
    me,
    personas: PERSONAS,
    channels,
    modalStack,
    home: home ? pageView(home) : null,
    directory: {
      users: [...slack.users.values()].map((u) => ({
        id: u.id,
        name: u.name,
        realName: u.real_name,
        tz: u.tz,
        bot: u.is_bot,
      })),
      channels: CHANNELS.map((c) => ({ id: c.id, name: c.name })),
      usergroups: [...slack.usergroups.values()].map((g) => ({
        id: g.id,
        handle: g.handle,
        name: g.name,
        users: g.users,
      })),
    },
    command: ctx.command,
    shortcuts: ctx.shortcuts,
    sandbox: ctx.sandbox,
  };
}
