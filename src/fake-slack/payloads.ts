// Builders for the payloads Slack sends to the app (slash commands, block_actions, view_submission,
// block_suggestion, Events API envelopes), shaped like @slack/bolt's types. Defaults match the fake
// Slack's default workspace, so payloads and fake Web API answers agree.
import { randomUUID } from 'node:crypto';
import { FAKE_DEFAULTS } from './fake-slack-model.js';
import { findElement, type SimpleValue, selectionFields, stateValues } from './payload-values.js';

export type { SimpleValue } from './payload-values.js';

type Obj = Record<string, unknown>;

/** A user id, or an object with one (a FakeUser from the fake works). */
export type UserRef = string | { id: string; name?: string; team_id?: string };
/** A team id, or a team object. */
export type TeamRef = string | { id: string; domain?: string; enterprise_id?: string; enterprise_name?: string };

export interface PayloadContext {
  user: UserRef;
  /** Defaults to the fake's default team. */
  team?: TeamRef;
  /** For Enterprise Grid: the org the workspace belongs to. */
  enterprise?: { id: string; name?: string };
  isEnterpriseInstall?: boolean;
  apiAppId?: string;
}

/** A view as the app opened it: a StoredView from the fake, or any object with its fields. */
export interface ViewLike {
  id: string;
  type?: string;
  blocks?: unknown;
  hash?: string;
  callback_id?: string;
  private_metadata?: string;
  state?: unknown;
}

/** The deprecated verification token Slack still sends; Bolt ignores it. */
const VERIFICATION_TOKEN = 'legacy-verification-token';

function nowTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

function teamObj(ctx: PayloadContext): Obj {
  const t = ctx.team ?? FAKE_DEFAULTS.teamId;
  const base = typeof t === 'string' ? { id: t } : t;
  const domain = base.domain ?? (base.id === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : base.id.toLowerCase());
  const enterpriseId = base.enterprise_id ?? ctx.enterprise?.id;
  return {
    ...base,
    domain,
    ...(enterpriseId
      ? { enterprise_id: enterpriseId, enterprise_name: base.enterprise_name ?? ctx.enterprise?.name }
      : {}),
  };
}

function userObj(ctx: PayloadContext): { id: string; name: string; team_id: string } {
  const u = typeof ctx.user === 'string' ? { id: ctx.user } : ctx.user;
  return { id: u.id, name: u.name ?? u.id.toLowerCase(), team_id: u.team_id ?? String(teamObj(ctx).id) };
}

function orgFields(ctx: PayloadContext): Obj {
  return {
    api_app_id: ctx.apiAppId ?? FAKE_DEFAULTS.appId,
    token: VERIFICATION_TOKEN,
    team: teamObj(ctx),
    enterprise: ctx.enterprise ? { id: ctx.enterprise.id, name: ctx.enterprise.name ?? ctx.enterprise.id } : null,
    is_enterprise_install: ctx.isEnterpriseInstall ?? false,
  };
}

function viewWithState(view: ViewLike, values?: Record<string, Record<string, SimpleValue>>): Obj {
  const { open: _open, errors: _errors, user_id: _user, ...rest } = view as unknown as Obj;
  const given = (view.state as { values?: Record<string, Record<string, SimpleValue>> } | undefined)?.values ?? {};
  return { ...rest, state: { values: stateValues(view.blocks, { ...given, ...values }) } };
}

// ---- slash commands ------------------------------------------------------------------------------

export interface CommandFieldsInput {
  user_id: string;
  response_url: string;
  trigger_id: string;
  command?: string;
  text?: string;
  user_name?: string;
  team_id?: string;
  team_domain?: string;
  enterprise_id?: string;
  enterprise_name?: string;
  channel_id?: string;
  channel_name?: string;
  api_app_id?: string;
  is_enterprise_install?: boolean | string;
  token?: string;
}

/** The form fields of a slash command request; defaults: `/schedule`, empty text, #general of the fake team. */
export function commandFields(input: CommandFieldsInput): Record<string, string> {
  const teamId = input.team_id ?? FAKE_DEFAULTS.teamId;
  const fields: Record<string, string | undefined> = {
    token: input.token ?? VERIFICATION_TOKEN,
    team_id: teamId,
    team_domain:
      input.team_domain ?? (teamId === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : teamId.toLowerCase()),
    enterprise_id: input.enterprise_id,
    enterprise_name: input.enterprise_name ?? input.enterprise_id,
    channel_id: input.channel_id ?? 'C0000GEN1',
    channel_name: input.channel_name ?? 'general',
    user_id: input.user_id,
    user_name: input.user_name ?? input.user_id.toLowerCase(),
    command: input.command ?? '/schedule',
    text: input.text ?? '',
    api_app_id: input.api_app_id ?? FAKE_DEFAULTS.appId,
    is_enterprise_install: String(input.is_enterprise_install ?? false),
    response_url: input.response_url,
    trigger_id: input.trigger_id,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

// ---- block_actions -------------------------------------------------------------------------------

export interface BlockActionInput extends PayloadContext {
  actionId: string;
  /** Needed only to tell apart elements with the same action_id in different blocks. */
  blockId?: string;
  /** Button: picks the button with this value. Selects, overflow, radio: the chosen option's value. */
  value?: string;
  /** Multi-selects and checkboxes: the chosen values / ids. */
  values?: string[];
  triggerId: string;
  /** The message the element is in (with `ts` and `blocks`): the action is looked up there. */
  message?: { ts: string; blocks?: unknown[]; text?: string } & Obj;
  channel?: string | { id: string; name?: string };
  /** The view the element is in: the action is looked up in its blocks and the state is sent. */
  view?: ViewLike;
  /** Current input values of the view (block_id → action_id → value). */
  viewValues?: Record<string, Record<string, SimpleValue>>;
  responseUrl?: string;
  isEphemeral?: boolean;
  /** Extra or overriding fields of the action object. */
  action?: Obj;
}

/** A block_actions payload for clicking / choosing an element in a message or a view. */
export function blockActionPayload(input: BlockActionInput): Obj {
  const where = input.view ? 'view' : 'message';
  const blocks = input.view ? input.view.blocks : input.message?.blocks;
  let action: Obj;
  if (blocks !== undefined) {
    const { blockId, element } = findElement(blocks, where, input.actionId, {
      blockId: input.blockId,
      value: input.value,
    });
    const chosen = input.values ?? (element.type === 'button' ? undefined : input.value);
    action = {
      type: element.type,
      action_id: input.actionId,
      block_id: blockId,
      ...(element.text ? { text: element.text } : {}),
      ...(element.style ? { style: element.style } : {}),
      ...selectionFields(element, chosen),
    };
  } else {
    action = {
      type: 'button',
      action_id: input.actionId,
      block_id: input.blockId ?? 'actions',
      text: { type: 'plain_text', text: input.actionId, emoji: true },
      ...(input.value !== undefined ? { value: input.value } : {}),
    };
  }
  action = { ...action, action_ts: nowTs(), ...input.action };
  const user = userObj(input);
  const channel =
    typeof input.channel === 'string' ? { id: input.channel, name: input.channel.toLowerCase() } : input.channel;
  const container = input.view
    ? { type: 'view', view_id: input.view.id }
    : {
        type: 'message',
        message_ts: input.message?.ts ?? nowTs(),
        channel_id: channel?.id,
        is_ephemeral: input.isEphemeral ?? false,
      };
  const view = input.view ? viewWithState(input.view, input.viewValues) : undefined;
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: user.team_id },
    container,
    trigger_id: input.triggerId,
    ...orgFields(input),
    ...(channel ? { channel: { id: channel.id, name: channel.name ?? channel.id.toLowerCase() } } : {}),
    ...(input.message ? { message: { type: 'message', ...input.message } } : {}),
    ...(view ? { view } : {}),
    state: { values: view ? (view.state as Obj).values : {} },
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: [action],
  };
}

// ---- view_submission -----------------------------------------------------------------------------

export interface ViewSubmissionInput extends PayloadContext {
  /** The view as the app opened it (e.g. `fake.views.get(id)`); fills id, callback_id, hash, metadata, blocks. */
  view?: ViewLike;
  /** Input values: block_id → action_id → value (simple values are shaped from the view's elements). */
  values?: Record<string, Record<string, SimpleValue>>;
  callbackId?: string;
  privateMetadata?: string;
  viewId?: string;
  hash?: string;
  /** Slack sends one; pass `fake.newTriggerId({ viewId })` when the listener opens or pushes a view. */
  triggerId?: string;
  responseUrls?: { block_id: string; action_id: string; channel_id: string; response_url: string }[];
}

/** A view_submission payload: what Slack sends when the user presses the modal's submit button. */
export function viewSubmissionPayload(input: ViewSubmissionInput): Obj {
  const base: ViewLike = input.view ?? {
    id: input.viewId ?? 'V0000VIEW1',
    type: 'modal',
    blocks: [],
    callback_id: input.callbackId ?? '',
    private_metadata: input.privateMetadata ?? '',
    hash: input.hash ?? '1700000000.abcdef12',
  };
  const view = viewWithState(
    {
      ...base,
      ...(input.viewId ? { id: input.viewId } : {}),
      ...(input.callbackId !== undefined ? { callback_id: input.callbackId } : {}),
      ...(input.privateMetadata !== undefined ? { private_metadata: input.privateMetadata } : {}),
      ...(input.hash !== undefined ? { hash: input.hash } : {}),
    },
    input.values,
  );
  const user = userObj(input);
  return {
    type: 'view_submission',
    user: { id: user.id, username: user.name, name: user.name, team_id: user.team_id },
    ...orgFields(input),
    // Slack issues a new trigger_id per submission: two submissions are two requests.
    trigger_id:
      input.triggerId ?? `0.${Math.floor(Date.now() / 1000)}.${randomUUID().slice(0, 8)}.not-issued-by-the-fake`,
    view,
    response_urls: input.responseUrls ?? [],
  };
}

// ---- block_suggestion (options load URL) -----------------------------------------------------------

export interface BlockSuggestionInput extends PayloadContext {
  actionId: string;
  blockId?: string;
  /** What the user has typed. */
  value: string;
  view?: ViewLike;
  viewValues?: Record<string, Record<string, SimpleValue>>;
  channel?: string;
}

/** A block_suggestion payload: an external_select asking the app for options. */
export function blockSuggestionPayload(input: BlockSuggestionInput): Obj {
  const blockId = input.view
    ? findElement(input.view.blocks, 'view', input.actionId, { blockId: input.blockId }).blockId
    : (input.blockId ?? 'block');
  const user = userObj(input);
  return {
    type: 'block_suggestion',
    user: { id: user.id, username: user.name, name: user.name, team_id: user.team_id },
    container: input.view ? { type: 'view', view_id: input.view.id } : { type: 'message', channel_id: input.channel },
    ...orgFields(input),
    action_id: input.actionId,
    block_id: blockId,
    value: input.value,
    ...(input.view ? { view: viewWithState(input.view, input.viewValues) } : {}),
    ...(input.channel ? { channel: { id: input.channel, name: input.channel.toLowerCase() } } : {}),
  };
}

// ---- Events API ------------------------------------------------------------------------------------

export interface EnvelopeOptions {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  apiAppId?: string;
  botUserId?: string;
  eventId?: string;
  eventTime?: number;
}

let eventSeq = 0;

/** Wraps an event in Slack's `event_callback` envelope, with authorizations for the app's bot. */
export function eventEnvelope(event: Obj & { type: string }, opts: EnvelopeOptions = {}): Obj {
  eventSeq += 1;
  const teamId = opts.teamId ?? FAKE_DEFAULTS.teamId;
  const eventTime = opts.eventTime ?? Math.floor(Date.now() / 1000);
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    ...(opts.enterpriseId ? { enterprise_id: opts.enterpriseId } : {}),
    api_app_id: opts.apiAppId ?? FAKE_DEFAULTS.appId,
    event: { event_ts: nowTs(), ...event },
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${String(eventSeq).padStart(9, '0')}`,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: opts.enterpriseId ?? null,
        team_id: opts.isEnterpriseInstall ? null : teamId,
        user_id: opts.botUserId ?? FAKE_DEFAULTS.botUserId,
        is_bot: true,
        is_enterprise_install: opts.isEnterpriseInstall ?? false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

/** app_home_opened for the Home tab (Slack also fires it for the Messages tab: pass tab 'messages'). */
export function appHomeOpenedEvent(
  userId: string,
  tab: 'home' | 'messages' = 'home',
  view?: Obj,
): Obj & { type: string } {
  return { type: 'app_home_opened', user: userId, channel: `D${userId.slice(1)}`, tab, ...(view ? { view } : {}) };
}

export function appUninstalledEvent(): Obj & { type: string } {
  return { type: 'app_uninstalled' };
}

export function tokensRevokedEvent(tokens: { oauth?: string[]; bot?: string[] }): Obj & { type: string } {
  return { type: 'tokens_revoked', tokens: { oauth: tokens.oauth ?? [], bot: tokens.bot ?? [] } };
}

// ---- message shortcuts and view_closed --------------------------------------------------------------

export interface MessageShortcutInput extends PayloadContext {
  /** The shortcut's callback_id from the app's manifest. */
  callbackId: string;
  channel: string;
  triggerId: string;
  responseUrl: string;
  /** The message the shortcut was used on. */
  message: { ts?: string; text?: string; user?: string; blocks?: unknown[] } & Record<string, unknown>;
}

/** What Slack sends when someone picks the app's message shortcut on a message. */
export function messageShortcutPayload(
  input: Partial<MessageShortcutInput> & PayloadContext & { callbackId: string },
): Record<string, unknown> {
  const user = typeof input.user === 'string' ? { id: input.user } : input.user;
  const teamId = typeof input.team === 'string' ? input.team : (input.team?.id ?? FAKE_DEFAULTS.teamId);
  const message = { type: 'message', ts: nowTs(), text: '', user: user.id, ...input.message };
  const channel = input.channel ?? 'C0000GEN1';
  return {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: nowTs(),
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? `0.${Math.floor(Date.now() / 1000)}.not-issued-by-the-fake`,
    team: { id: teamId, domain: teamId === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : teamId.toLowerCase() },
    user: {
      id: user.id,
      name: user.name ?? user.id.toLowerCase(),
      username: user.name ?? user.id.toLowerCase(),
      team_id: user.team_id ?? teamId,
    },
    channel: { id: channel, name: channel === 'C0000GEN1' ? 'general' : channel.toLowerCase() },
    message_ts: message.ts,
    message,
    response_url: input.responseUrl ?? '',
    enterprise: input.enterprise
      ? { id: input.enterprise.id, name: input.enterprise.name ?? input.enterprise.id }
      : null,
    is_enterprise_install: input.isEnterpriseInstall ?? false,
    api_app_id: input.apiAppId ?? FAKE_DEFAULTS.appId,
  };
}

/** What Slack sends when someone closes a modal opened with `notify_on_close` (Cancel, ×, or Escape). */
export function viewClosedPayload(
  input: PayloadContext & { view: ViewLike; isCleared?: boolean },
): Record<string, unknown> {
  const user = typeof input.user === 'string' ? { id: input.user } : input.user;
  const teamId = typeof input.team === 'string' ? input.team : (input.team?.id ?? FAKE_DEFAULTS.teamId);
  const { open: _open, errors: _errors, user_id: _user, ...view } = input.view as unknown as Record<string, unknown>;
  return {
    type: 'view_closed',
    token: VERIFICATION_TOKEN,
    api_app_id: input.apiAppId ?? FAKE_DEFAULTS.appId,
    team: { id: teamId, domain: teamId === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : teamId.toLowerCase() },
    enterprise: input.enterprise
      ? { id: input.enterprise.id, name: input.enterprise.name ?? input.enterprise.id }
      : null,
    is_enterprise_install: input.isEnterpriseInstall ?? false,
    user: {
      id: user.id,
      name: user.name ?? user.id.toLowerCase(),
      username: user.name ?? user.id.toLowerCase(),
      team_id: user.team_id ?? teamId,
    },
    view,
    is_cleared: input.isCleared ?? false,
  };
}
