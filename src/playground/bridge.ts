// What Slack's servers do between a person and the app, for the playground's page: a typed slash command, a
// click, a modal submission, a search in an external select or opening the Home tab becomes the signed request
// Slack would send to the app's POST /slack/events; and what the app posts to a response_url becomes the
// message Slack would show (ephemeral, in the channel, replacing or deleting the original).
import type { FakeSlack, FakeSlackActivity, StoredView } from '../fake-slack/fake-slack.js';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  blockSuggestionPayload,
  eventEnvelope,
  messageShortcutPayload,
  type SimpleValue,
  viewClosedPayload,
  viewSubmissionPayload,
} from '../fake-slack/payloads.js';
import { postCommand, postEvent, postInteraction, postOptions } from '../fake-slack/signing.js';
import { CHANNELS } from './workspace.js';

type Obj = Record<string, unknown>;
export type ViewValues = Record<string, Record<string, SimpleValue>>;

/** Where a click happened: a message (in a channel or someone's ephemeral) or a view (modal or Home tab). */
export type ActionPlace =
  | { surface: 'message'; channel: string; ts: string; ephemeral: boolean }
  | { surface: 'view'; viewId: string; values?: ViewValues };

export interface ActionInput {
  user: string;
  place: ActionPlace;
  actionId: string;
  blockId: string;
  /** Button: its value. Single selects, overflow and radio buttons: the chosen option's value. */
  value?: string;
  /** An already shaped selection (selected_option with its text, selected_users, …), as Slack sends it. */
  selection?: Obj;
}

/** What the page is told after a request: ok, or what went wrong, in Slack's words where Slack has some. */
export interface BridgeAnswer {
  ok: boolean;
  error?: string;
  body?: unknown;
}

/** A line Slackbot shows only to one person, e.g. "/schedule failed with the error …". */
export interface Notice {
  channel: string;
  user: string;
  ts: string;
  text: string;
}

type Origin = { kind: 'message'; channel: string; ts: string } | { kind: 'ephemeral'; channel: string; ts: string };

interface ResponseUrlSource {
  channel: string;
  user: string;
  origin?: Origin;
}

export class SlackBridge {
  readonly notices: Notice[] = [];
  private readonly sources = new Map<string, ResponseUrlSource>();

  constructor(
    private readonly slack: FakeSlack,
    private readonly appUrl: string,
    private readonly signingSecret: string,
    private readonly changed: () => void,
  ) {
    slack.onActivity((activity) => this.onActivity(activity));
  }

  private ctx(user: string) {
    const u = this.slack.users.get(user);
    if (!u) throw new Error(`unknown user ${user}`);
    return { user: { id: u.id, name: u.name, team_id: u.team_id }, team: u.team_id };
  }

  private notice(channel: string, user: string, text: string): void {
    this.notices.push({ channel, user, ts: this.slack.nextTs(), text });
    this.changed();
  }

  /** A slash command typed in a channel's composer. */
  async command(user: string, channel: string, command: string, text: string): Promise<BridgeAnswer> {
    const ctx = this.ctx(user);
    const responseUrl = this.slack.newResponseUrl({ channel, userId: user });
    this.sources.set(responseUrl, { channel, user });
    const res = await postCommand(this.appUrl, this.signingSecret, {
      user_id: user,
      user_name: ctx.user.name,
      command,
      text,
      channel_id: channel,
      channel_name: CHANNELS.find((c) => c.id === channel)?.name ?? channel.toLowerCase(),
      response_url: responseUrl,
      trigger_id: this.slack.newTriggerId({ userId: user }),
    });
    if (res.status !== 200) {
      this.notice(
        channel,
        user,
        `${command} failed with the error "http_service_error" (the app answered ${res.status})`,
      );
      return { ok: false, error: `the app answered ${res.status}` };
    }
    // An ack with a message body is shown like a response_url post: ephemeral unless in_channel.
    if (typeof res.body === 'object' && res.body !== null) this.show(res.body as Obj, { channel, user });
    return { ok: true };
  }

  /** A person's own message in a channel (the app does not subscribe to messages; it is only shown). */
  say(user: string, channel: string, text: string): BridgeAnswer {
    this.slack.addMessage(channel, { user, bot_id: undefined, app_id: undefined, text });
    this.changed();
    return { ok: true };
  }

  /** A click on a button, an overflow item, or a choice in a select, checkboxes or radio buttons. */
  async action(input: ActionInput): Promise<BridgeAnswer> {
    let built: { payload: Obj } | { refused: string };
    try {
      built = this.actionPayload(input);
    } catch (error) {
      // The page may still show an element the app has just replaced: Slack would not deliver that click.
      built = { refused: `This is no longer in the message or view: ${(error as Error).message}` };
    }
    if ('refused' in built) return { ok: false, error: built.refused };
    const res = await postInteraction(this.appUrl, this.signingSecret, built.payload);
    return res.status === 200 ? { ok: true } : { ok: false, error: `the app answered ${res.status}` };
  }

  /** The block_actions payload Slack would send for a click; throws when the element is not where it was. */
  private actionPayload(input: ActionInput): { payload: Obj } | { refused: string } {
    const ctx = this.ctx(input.user);
    const base = {
      ...ctx,
      actionId: input.actionId,
      blockId: input.blockId,
      value: input.value,
      action: input.selection,
    };
    if (input.place.surface === 'view') {
      const view = this.slack.views.get(input.place.viewId);
      if (!view?.open) return { refused: 'This view is no longer open.' };
      const payload = blockActionPayload({
        ...base,
        view,
        viewValues: input.place.values,
        triggerId: this.slack.newTriggerId({
          userId: input.user,
          ...(view.type === 'modal' ? { viewId: view.id } : {}),
        }),
      });
      return { payload };
    }
    const place = input.place;
    const message = place.ephemeral
      ? this.slack.ephemerals.find((e) => e.channel === place.channel && e.message_ts === place.ts)
      : this.slack.message(place.channel, place.ts);
    if (!message) return { refused: 'This message is gone.' };
    const responseUrl = this.slack.newResponseUrl({ channel: place.channel, userId: input.user });
    const payload = blockActionPayload({
      ...base,
      channel: place.channel,
      message: { ts: place.ts, text: message.text ?? '', blocks: message.blocks ?? [] },
      isEphemeral: place.ephemeral,
      responseUrl,
      triggerId: this.slack.newTriggerId({ userId: input.user }),
    });
    this.sources.set(responseUrl, {
      channel: place.channel,
      user: input.user,
      origin: { kind: place.ephemeral ? 'ephemeral' : 'message', channel: place.channel, ts: place.ts },
    });
    // Slack leaves the message out of the payload when it was ephemeral.
    if (place.ephemeral) delete payload.message;
    return { payload };
  }

  /** A message shortcut of the app picked from a message's menu: Slack sends message_action. */
  async messageShortcut(user: string, channel: string, ts: string, callbackId: string): Promise<BridgeAnswer> {
    const message = this.slack.message(channel, ts);
    if (!message) return { ok: false, error: 'This message is gone.' };
    const responseUrl = this.slack.newResponseUrl({ channel, userId: user });
    this.sources.set(responseUrl, { channel, user });
    const { channel: _channel, ...fields } = message;
    const payload = messageShortcutPayload({
      ...this.ctx(user),
      callbackId,
      channel,
      message: { type: 'message', ...structuredClone(fields) },
      triggerId: this.slack.newTriggerId({ userId: user }),
      responseUrl,
    });
    (payload.channel as Obj).name = CHANNELS.find((c) => c.id === channel)?.name ?? channel.toLowerCase();
    const res = await postInteraction(this.appUrl, this.signingSecret, payload);
    return res.status === 200 ? { ok: true } : { ok: false, error: `the app answered ${res.status}` };
  }

  /** The modal's submit button: Slack applies the app's ack (close, update, push, errors, clear). */
  async submit(user: string, viewId: string, values: ViewValues): Promise<BridgeAnswer> {
    const view = this.slack.views.get(viewId);
    if (!view?.open || view.type !== 'modal') return { ok: false, error: 'This modal is no longer open.' };
    const payload = viewSubmissionPayload({
      ...this.ctx(user),
      view,
      values,
      triggerId: this.slack.newTriggerId({ userId: user, viewId }),
    });
    const res = await postInteraction(this.appUrl, this.signingSecret, payload);
    if (res.status !== 200) {
      return { ok: false, error: `We had some trouble connecting (the app answered ${res.status}). Try again?` };
    }
    try {
      this.slack.applyViewResponse(viewId, res.body);
    } catch (error) {
      return { ok: false, error: `Slack would refuse the app's answer: ${(error as Error).message}` };
    } finally {
      this.changed();
    }
    return { ok: true };
  }

  /**
   * The modal's close button (back one view) or its ✕ (the whole stack). Slack tells the app with view_closed
   * only when the view asked for it (notify_on_close).
   */
  async close(user: string, viewId: string, all: boolean): Promise<BridgeAnswer> {
    const view = this.slack.views.get(viewId);
    if (!view?.open || view.type !== 'modal') return { ok: false, error: 'This modal is no longer open.' };
    this.slack.applyViewResponse(viewId, all ? { response_action: 'clear' } : undefined);
    this.changed();
    if (!view.notify_on_close) return { ok: true };
    const payload = viewClosedPayload({ ...this.ctx(user), view, isCleared: all });
    const res = await postInteraction(this.appUrl, this.signingSecret, payload);
    return res.status === 200 ? { ok: true } : { ok: false, error: `the app answered ${res.status}` };
  }

  /** What an external select offers for what was typed: the app's options load answer, as it sent it. */
  async options(
    user: string,
    viewId: string,
    blockId: string,
    actionId: string,
    value: string,
    values: ViewValues,
  ): Promise<BridgeAnswer> {
    const view = this.slack.views.get(viewId);
    if (!view?.open) return { ok: false, error: 'This view is no longer open.' };
    const payload = blockSuggestionPayload({ ...this.ctx(user), view, blockId, actionId, value, viewValues: values });
    const res = await postOptions(this.appUrl, this.signingSecret, payload);
    if (res.status !== 200) return { ok: false, error: `the app answered ${res.status}` };
    return { ok: true, body: res.body };
  }

  /** Opening the app's Home tab: Slack sends app_home_opened (with the current Home view, if any). */
  async homeOpened(user: string): Promise<BridgeAnswer> {
    const home = this.slack.homeView(user);
    const { open: _open, errors: _errors, user_id: _user, ...view } = home ?? ({} as Partial<StoredView>);
    const envelope = eventEnvelope(appHomeOpenedEvent(user, 'home', home ? view : undefined));
    const res = await postEvent(this.appUrl, this.signingSecret, envelope);
    return res.status === 200 ? { ok: true } : { ok: false, error: `the app answered ${res.status}` };
  }

  private onActivity(activity: FakeSlackActivity): void {
    if (activity.kind === 'response' && activity.response.status === 200) {
      const source = this.sources.get(activity.response.url);
      if (source) this.show(activity.response.body as Obj, source);
    }
    this.changed();
  }

  /** Shows a response_url post (or a command's ack body) where Slack would. */
  private show(body: Obj, source: ResponseUrlSource): void {
    const origin = source.origin;
    if (body.delete_original === true && origin) {
      this.remove(origin);
      return;
    }
    const content = {
      ...(typeof body.text === 'string' ? { text: body.text } : {}),
      ...(Array.isArray(body.blocks) ? { blocks: structuredClone(body.blocks) } : {}),
      ...(Array.isArray(body.attachments) ? { attachments: structuredClone(body.attachments) } : {}),
    };
    if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) return;
    if (body.replace_original === true && origin) {
      const target =
        origin.kind === 'message'
          ? this.slack.message(origin.channel, origin.ts)
          : this.slack.ephemerals.find((e) => e.channel === origin.channel && e.message_ts === origin.ts);
      if (target) {
        target.text = content.text;
        target.blocks = content.blocks;
        target.attachments = content.attachments;
        return;
      }
    }
    if (body.response_type === 'in_channel') {
      this.slack.addMessage(source.channel, content);
      return;
    }
    this.slack.ephemerals.push({
      channel: source.channel,
      user: source.user,
      message_ts: this.slack.nextTs(),
      ...content,
    });
  }

  private remove(origin: Origin): void {
    if (origin.kind === 'message') {
      const message = this.slack.message(origin.channel, origin.ts);
      if (message) this.slack.messages.splice(this.slack.messages.indexOf(message), 1);
      return;
    }
    const index = this.slack.ephemerals.findIndex((e) => e.channel === origin.channel && e.message_ts === origin.ts);
    if (index >= 0) this.slack.ephemerals.splice(index, 1);
  }
}
