// Everything the fake Slack remembers, and the registry helpers tests use to set it up.
import { randomBytes } from 'node:crypto';
import {
  buildUser,
  buildWorkspace,
  type ChannelOptions,
  FAKE_DEFAULTS,
  type FakeChannel,
  type FakeUser,
  type FakeUsergroup,
  type FakeWorkspace,
  type ResponseUrlRecord,
  type StoredEphemeral,
  type StoredMessage,
  type StoredView,
  type TeamProfileField,
  type TriggerRecord,
  type UsergroupOptions,
  type UserInput,
} from './fake-slack-model.js';

export interface RecordedCall {
  method: string;
  /** Parsed params; nested JSON (view, blocks, attachments, …) decoded. Form values stay strings. */
  params: Record<string, unknown>;
  /** Token from `Authorization: Bearer` (or the `token` param); undefined when none was sent. */
  token?: string;
  /** Team of the token, when the token is known. */
  teamId?: string;
  at: number;
  /** What the fake answered. */
  status: number;
  response: Record<string, unknown>;
}

export interface RecordedResponse {
  url: string;
  /** The JSON body posted to the response_url (undefined when it was not JSON). */
  body: unknown;
  at: number;
  /** HTTP status the fake answered: 200, or 400/404 when Slack would refuse it. */
  status: number;
  error?: string;
}

export interface FailSpec {
  /** ok:false error code, e.g. 'channel_not_found'. */
  error?: string;
  /** HTTP status; 429 answers with Retry-After. */
  status?: number;
  /** Seconds for the Retry-After header (429). */
  retryAfter?: number;
  /** How many consecutive calls fail (default 1). */
  times?: number;
}

export interface FakeSlackTimings {
  triggerTtlMs: number;
  responseUrlTtlMs: number;
  responseUrlMaxUses: number;
}

export class FakeSlackState {
  readonly workspaces = new Map<string, FakeWorkspace>();
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly usergroups = new Map<string, FakeUsergroup>();
  /** Custom profile field definitions per team (team.profile.get). */
  readonly profileFields = new Map<string, TeamProfileField[]>();
  /** Current state of every view by id (modals and Home tabs), after all updates. */
  readonly views = new Map<string, StoredView>();
  readonly messages: StoredMessage[] = [];
  readonly ephemerals: StoredEphemeral[] = [];
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly triggers = new Map<string, TriggerRecord>();
  readonly responseUrlRecords = new Map<string, ResponseUrlRecord>();
  /** Modal stacks by root view id: [root, pushed, pushed]. */
  readonly stacks = new Map<string, string[]>();
  readonly failures = new Map<string, FailSpec[]>();
  protected clockOffsetMs = 0;
  private seq = 0;
  readonly defaultWorkspace: FakeWorkspace;

  constructor(
    defaultWorkspace: FakeWorkspace,
    readonly timings: FakeSlackTimings,
  ) {
    this.defaultWorkspace = defaultWorkspace;
    this.workspaces.set(defaultWorkspace.token, defaultWorkspace);
  }

  /** The fake's clock (ms). Moves with real time plus whatever advanceTime added. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Moves the fake's clock forward, e.g. to expire a trigger_id (3 s) or a response_url (30 min). */
  advanceTime(ms: number): void {
    this.clockOffsetMs += ms;
  }

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** A unique message timestamp, like Slack's "1700000000.000123". */
  nextTs(): string {
    this.seq += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.seq % 1_000_000).padStart(6, '0')}`;
  }

  newHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  /** Adds another workspace (its own bot token); calls with that token act in it. */
  addWorkspace(input: Partial<FakeWorkspace> & { token: string; teamId: string }): FakeWorkspace {
    const ws = buildWorkspace(input);
    this.workspaces.set(ws.token, ws);
    return ws;
  }

  workspaceOfTeam(teamId: string): FakeWorkspace {
    for (const ws of this.workspaces.values()) if (ws.teamId === teamId) return ws;
    return this.defaultWorkspace;
  }

  /** Adds a user with Slack's defaults filled in (email `<name>@example.com`, tz America/New_York). */
  addUser(input: UserInput = {}): FakeUser {
    const id = input.id ?? this.nextId('U');
    const ws = this.workspaceOfTeam(input.team_id ?? this.defaultWorkspace.teamId);
    const user = buildUser(id, input, ws, this.now());
    this.users.set(id, user);
    return user;
  }

  /** Adds (or replaces) a channel and its members; membership is then enforced by chat.postEphemeral. */
  addChannel(id: string, memberIds: string[], opts: ChannelOptions = {}): FakeChannel {
    const teamId = opts.teamId ?? this.defaultWorkspace.teamId;
    const channel: FakeChannel = {
      id,
      name: opts.name ?? id.toLowerCase(),
      is_private: opts.is_private ?? false,
      is_archived: opts.is_archived ?? false,
      team_id: teamId,
      enterpriseId: this.workspaceOfTeam(teamId).enterpriseId,
      members: [...memberIds],
      botIsMember: opts.botIsMember ?? true,
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(id, channel);
    return channel;
  }

  addUsergroup(id: string, userIds: string[], opts: UsergroupOptions = {}): FakeUsergroup {
    const teamId = opts.teamId ?? this.defaultWorkspace.teamId;
    const handle = opts.handle ?? id.toLowerCase();
    const group: FakeUsergroup = {
      id,
      team_id: teamId,
      enterpriseId: this.workspaceOfTeam(teamId).enterpriseId,
      handle,
      name: opts.name ?? handle,
      users: [...userIds],
      date_delete: opts.disabled ? Math.floor(this.now() / 1000) : 0,
    };
    this.usergroups.set(id, group);
    return group;
  }

  /** Declares a custom profile field (team.profile.get), e.g. { id: 'Xf01', label: 'Department' }. */
  addProfileField(
    field: Partial<TeamProfileField> & { id: string; label: string },
    teamId = this.defaultWorkspace.teamId,
  ): TeamProfileField {
    const list = this.profileFields.get(teamId) ?? [];
    const full: TeamProfileField = {
      hint: '',
      type: 'text',
      ordering: list.length,
      possible_values: null,
      is_hidden: false,
      ...field,
    };
    list.push(full);
    this.profileFields.set(teamId, list);
    return full;
  }

  /** Registers a message the app posted earlier (e.g. a card), so chat.update / chat.delete find it. */
  addMessage(channel: string, message: Partial<StoredMessage> = {}): StoredMessage {
    const ws = this.defaultWorkspace;
    const stored: StoredMessage = {
      channel,
      ts: message.ts ?? this.nextTs(),
      team: ws.teamId,
      user: ws.botUserId,
      bot_id: ws.botId,
      app_id: ws.appId,
      ...message,
    };
    this.messages.push(stored);
    return stored;
  }

  /** The message as it is now (after chat.update), or undefined when absent or deleted. */
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  messagesIn(channel: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  ephemeralsTo(userId: string): StoredEphemeral[] {
    return this.ephemerals.filter((e) => e.user === userId);
  }

  /**
   * A fresh trigger_id as Slack puts in a command or interaction payload: single use, valid 3 s.
   * Pass the modal's view id when the interaction happened inside a modal, so views.push stacks on it.
   */
  newTriggerId(opts: { viewId?: string; userId?: string } = {}): string {
    this.seq += 1;
    const id = `${this.seq}.${Math.floor(this.now() / 1000)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { issuedAt: this.now(), used: false, ...opts });
    return id;
  }

  /** Failing answers for the next call(s) of `method` ('response_url' for response_url posts). */
  failNext(method: string, spec: FailSpec): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (spec.times ?? 1); i++) list.push(spec);
    this.failures.set(method, list);
  }

  takeFailure(method: string): FailSpec | undefined {
    const list = this.failures.get(method);
    const spec = list?.shift();
    if (list && list.length === 0) this.failures.delete(method);
    return spec;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Modal views still open (in every stack), in the order they were opened. */
  openModals(): StoredView[] {
    return [...this.views.values()].filter((v) => v.type === 'modal' && v.open);
  }

  /** The Home tab currently published for a user. */
  homeView(userId: string, teamId = this.defaultWorkspace.teamId): StoredView | undefined {
    return [...this.views.values()].find((v) => v.type === 'home' && v.user_id === userId && v.team_id === teamId);
  }

  /** Forgets recorded calls, responses, messages, views and pending failures; `all` also clears registries. */
  reset(opts: { all?: boolean } = {}): void {
    for (const coll of [this.calls, this.responses, this.messages, this.ephemerals]) coll.length = 0;
    for (const map of [this.views, this.triggers, this.responseUrlRecords, this.stacks, this.failures]) map.clear();
    this.clockOffsetMs = 0;
    if (opts.all) {
      for (const map of [this.users, this.channels, this.usergroups, this.profileFields]) map.clear();
      for (const [token, ws] of [...this.workspaces]) {
        if (ws !== this.defaultWorkspace) this.workspaces.delete(token);
      }
    }
  }
}

export { FAKE_DEFAULTS };
