// Boots the whole app for end-to-end tests: the Omni sandbox, the fake Slack (Web API + response_urls),
// a SQLite store in a temp folder, and the real Bolt HTTP receiver on 127.0.0.1:0 with
// processBeforeResponse, so that when a signed request returns, everything the listener did is recorded.
//
//   const t = await startTestApp();                  // workspace T00000001, connected to a sandbox
//   const { responses } = await t.command('list');   // as t.users.member
//   expect(responses[0]?.text).toContain('…');
//   await t.close();
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { createApp } from '../../src/app.js';
import { type AppConfig, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type OmniSandbox, type OmniSandboxOptions, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { type AuditLine, AuditLog } from '../../src/slack/audit.js';
import type { AppDeps } from '../../src/slack/deps.js';
import { createDeps } from '../../src/slack/deps-factory.js';
import { type AppStore, openStore, type WorkspaceScope } from '../../src/store/index.js';
import { FAKE_DEFAULTS, type FakeSlack, type FakeUser, startFakeSlack, type UserInput } from './fake-slack.js';
import {
  type BlockActionInput,
  type BlockSuggestionInput,
  blockActionPayload,
  blockSuggestionPayload,
  type EnvelopeOptions,
  eventEnvelope,
  type UserRef,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './payloads.js';
import {
  postCommand,
  postEvent,
  postInteraction,
  postOptions,
  type SignedPostOptions,
  type SlackAppResponse,
} from './signing.js';
import { installationFor, type MessageShortcutInput, messageShortcutPayload } from './test-app-payloads.js';

export interface TestWorkspaceInput {
  teamId: string;
  /** Bot token in the fake Slack (default `xoxb-<teamId>`). */
  token?: string;
  teamName?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  /** Connect it to the main sandbox (default false; use `t.connect()` with another sandbox for isolation tests). */
  connect?: boolean;
}

export interface StartTestAppOptions {
  /** Options for the sandbox (default: seeded, rate limit off). */
  sandbox?: Partial<OmniSandboxOptions>;
  /** Connect the default workspace to the sandbox before the first request (default true). */
  connect?: boolean;
  /** More workspaces; each gets its own bot token in the fake Slack and an installation in the store. */
  workspaces?: TestWorkspaceInput[];
  /** `single` (SLACK_BOT_TOKEN) by default with one workspace, `oauth` (installation store) with several. */
  install?: 'single' | 'oauth';
  /** Extra environment for loadConfig (e.g. OMNI_BASE_URL); overrides the test defaults. */
  env?: Record<string, string>;
  now?: () => Date;
  /** Print the app's log lines to stderr as they happen (also: env OMNI_SLACK_TEST_LOGS=1). */
  printLogs?: boolean;
}

export interface RequestOptions {
  /** A Slack user id or a FakeUser (default: `users.member`). */
  user?: UserRef;
  /** Default: the user's team, else the default team. */
  team?: string;
  channel?: string;
  /** Forged or stale signatures etc. */
  signing?: SignedPostOptions;
}

export interface CommandResult extends SlackAppResponse {
  /** What the app posted to this command's response_url, oldest first. */
  responses: Record<string, unknown>[];
  /** Shortcut: the text of every response, in order. */
  texts: string[];
  responseUrl: string;
  triggerId: string;
}

export interface ActionResult extends SlackAppResponse {
  responses: Record<string, unknown>[];
  responseUrl: string;
}

export interface ViewSubmitResult extends SlackAppResponse {
  /** The modal as the fake shows it after applying the ack (undefined when it closed). */
  view: ReturnType<FakeSlack['applyViewResponse']>;
}

export interface TestApp {
  /** http://127.0.0.1:PORT — the Slack endpoint is `${url}/slack/events`. */
  url: string;
  signingSecret: string;
  slack: FakeSlack;
  sandbox: OmniSandbox;
  store: AppStore;
  /** The SQLite file, e.g. to check that a secret is not in it in plain text. */
  storePath: string;
  deps: AppDeps;
  config: AppConfig;
  app: App;
  /** Every audit line written so far, parsed. */
  audit: AuditLine[];
  /** Every log line written so far. */
  logs: string[];
  /** The default workspace's scope (team T00000001). */
  scope: WorkspaceScope;
  /** Users of the default workspace created at start: a member, an admin, an owner and a guest. */
  users: { member: FakeUser; admin: FakeUser; owner: FakeUser; guest: FakeUser };
  command(text: string, opts?: RequestOptions): Promise<CommandResult>;
  action(input: Partial<BlockActionInput> & { actionId: string }, opts?: RequestOptions): Promise<ActionResult>;
  submitView(
    input: Omit<ViewSubmissionInput, 'user'> & { user?: UserRef },
    opts?: RequestOptions,
  ): Promise<ViewSubmitResult>;
  options(
    input: Omit<BlockSuggestionInput, 'user'> & { user?: UserRef },
    opts?: RequestOptions,
  ): Promise<SlackAppResponse>;
  event(
    event: Record<string, unknown> & { type: string },
    opts?: EnvelopeOptions & RequestOptions,
  ): Promise<SlackAppResponse>;
  messageShortcut(input: Partial<MessageShortcutInput>, opts?: RequestOptions): Promise<ActionResult>;
  addMember(input?: UserInput): FakeUser;
  addAdmin(input?: UserInput): FakeUser;
  addOwner(input?: UserInput): FakeUser;
  /** A multi-channel guest (`ultra: true`: single-channel). */
  addGuest(input?: UserInput & { ultra?: boolean }): FakeUser;
  /** Saves a connection for a workspace (default: the default workspace, to the main sandbox). */
  connect(opts?: { teamId?: string; sandbox?: OmniSandbox; apiKey?: string; connectedBy?: string }): Promise<void>;
  disconnect(teamId?: string): Promise<void>;
  /** Another sandbox (e.g. for a second workspace); closed with the app. */
  startSandbox(opts?: Partial<OmniSandboxOptions>): Promise<OmniSandbox>;
  scopeOf(teamId: string): WorkspaceScope;
  close(): Promise<void>;
}

/** Tests talk to Omni without pacing: the stored connection allows this many calls a minute. */
export const TEST_RATE_LIMIT = 10_000;

export async function startTestApp(opts: StartTestAppOptions = {}): Promise<TestApp> {
  const extraWorkspaces = opts.workspaces ?? [];
  const install = opts.install ?? (extraWorkspaces.length > 0 ? 'oauth' : 'single');
  const sandboxes: OmniSandbox[] = [];
  const startSandbox = async (o: Partial<OmniSandboxOptions> = {}) => {
    const s = await startOmniSandbox({
      apiKey: `sandbox-key-${randomBytes(6).toString('hex')}`,
      rateLimitPerMinute: 0,
      ...o,
    });
    sandboxes.push(s);
    return s;
  };
  const sandbox = await startSandbox(opts.sandbox);
  const slack = await startFakeSlack({
    workspaces: extraWorkspaces.map((w) => ({
      token: w.token ?? `xoxb-${w.teamId}`,
      teamId: w.teamId,
      teamName: w.teamName ?? w.teamId,
      teamDomain: w.teamId.toLowerCase(),
      enterpriseId: w.enterpriseId,
      isEnterpriseInstall: w.isEnterpriseInstall ?? false,
      botUserId: `U${w.teamId.slice(1)}B`,
      botId: `B${w.teamId.slice(1)}`,
    })),
  });
  const dir = await mkdtemp(join(tmpdir(), 'omni-slack-test-'));
  const storePath = join(dir, 'store.sqlite');
  const signingSecret = randomBytes(16).toString('hex');
  const env: Record<string, string> = {
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    STORE_URL: `sqlite://${storePath}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
    ...(install === 'single'
      ? { SLACK_BOT_TOKEN: FAKE_DEFAULTS.token }
      : {
          SLACK_CLIENT_ID: '1111.2222',
          SLACK_CLIENT_SECRET: 'test-client-secret',
          SLACK_STATE_SECRET: 'test-state-secret',
        }),
    ...opts.env,
  };
  const config = loadConfig(env);

  const logs: string[] = [];
  const audit: AuditLine[] = [];
  const print = opts.printLogs === true || process.env.OMNI_SLACK_TEST_LOGS === '1';
  const keep = (line: string) => {
    logs.push(line);
    if (print) process.stderr.write(`${line}\n`);
  };
  const logger = createLogger(config.logLevel, { out: keep, err: keep });
  const store = await openStore({ url: config.storeUrl, encryptionKeys: config.encryptionKeys, logger });
  const auditLog = new AuditLog((line) => {
    audit.push(JSON.parse(line) as AuditLine);
    logger.info(line);
  }, opts.now);
  const deps = createDeps(config, store, { logger, audit: auditLog, now: opts.now });
  const app = createApp(config, deps, { processBeforeResponse: true, logger });
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const scopeOf = (teamId: string): WorkspaceScope => {
    const ws = slack.workspaceOfTeam(teamId);
    return ws.isEnterpriseInstall
      ? { enterpriseId: ws.enterpriseId, isEnterpriseInstall: true }
      : { teamId: ws.teamId, enterpriseId: ws.enterpriseId, isEnterpriseInstall: false };
  };
  const scope = scopeOf(FAKE_DEFAULTS.teamId);

  if (install === 'oauth') {
    for (const ws of new Set(slack.workspaces.values()))
      await store.installations.storeInstallation(installationFor(ws));
  }
  const connect: TestApp['connect'] = async (o = {}) => {
    const target = o.sandbox ?? sandbox;
    await store.connections.save(scopeOf(o.teamId ?? FAKE_DEFAULTS.teamId), {
      baseUrl: target.url,
      apiKey: o.apiKey ?? target.apiKey,
      connectedBy: o.connectedBy ?? 'U0ADMIN01',
      connectedAt: new Date().toISOString(),
      rateLimitPerMinute: TEST_RATE_LIMIT,
    });
  };
  if (opts.connect !== false) await connect();
  for (const w of extraWorkspaces) if (w.connect) await connect({ teamId: w.teamId });

  const addMember = (input: UserInput = {}) => slack.addUser(input);
  const users = {
    member: addMember({ id: 'U0MEMBER01', name: 'maria', real_name: 'Maria Member' }),
    admin: addMember({ id: 'U0ADMIN01', name: 'ada', real_name: 'Ada Admin', is_admin: true }),
    owner: addMember({ id: 'U0OWNER01', name: 'olga', real_name: 'Olga Owner', is_owner: true, is_admin: true }),
    guest: addMember({ id: 'U0GUEST01', name: 'gus', real_name: 'Gus Guest', is_restricted: true }),
  };

  const userOf = (ref: UserRef | undefined): { id: string; team_id: string } => {
    if (ref === undefined) return { id: users.member.id, team_id: users.member.team_id };
    if (typeof ref === 'string') return { id: ref, team_id: slack.users.get(ref)?.team_id ?? FAKE_DEFAULTS.teamId };
    return { id: ref.id, team_id: ref.team_id ?? slack.users.get(ref.id)?.team_id ?? FAKE_DEFAULTS.teamId };
  };
  const contextOf = (o: RequestOptions = {}) => {
    const user = userOf(o.user);
    const teamId = o.team ?? user.team_id;
    const ws = slack.workspaceOfTeam(teamId);
    return {
      user,
      teamId,
      payload: {
        user: { id: user.id, team_id: teamId },
        team: teamId,
        ...(ws.enterpriseId ? { enterprise: { id: ws.enterpriseId } } : {}),
        isEnterpriseInstall: ws.isEnterpriseInstall,
      },
    };
  };

  return {
    url,
    signingSecret,
    slack,
    sandbox,
    store,
    storePath,
    deps,
    config,
    app,
    audit,
    logs,
    scope,
    users,
    async command(text, o = {}) {
      const { user, teamId } = contextOf(o);
      const channel = o.channel ?? 'C0000GEN1';
      const ws = slack.workspaceOfTeam(teamId);
      const responseUrl = slack.newResponseUrl({ channel, userId: user.id });
      const triggerId = slack.newTriggerId({ userId: user.id });
      const res = await postCommand(
        url,
        signingSecret,
        {
          user_id: user.id,
          text,
          team_id: teamId,
          enterprise_id: ws.enterpriseId,
          is_enterprise_install: ws.isEnterpriseInstall,
          channel_id: channel,
          channel_name:
            slack.channels.get(channel)?.name ?? (channel === 'C0000GEN1' ? 'general' : channel.toLowerCase()),
          response_url: responseUrl,
          trigger_id: triggerId,
        },
        o.signing,
      );
      const responses = slack.responsesTo(responseUrl);
      return { ...res, responses, texts: responses.map((r) => String(r.text ?? '')), responseUrl, triggerId };
    },
    async action(input, o = {}) {
      const ctx = contextOf({ ...o, user: input.user ?? o.user });
      const responseUrl = input.responseUrl ?? (input.view ? undefined : slack.newResponseUrl({ userId: ctx.user.id }));
      const payload = blockActionPayload({
        ...ctx.payload,
        channel: input.view ? undefined : (o.channel ?? 'C0000GEN1'),
        ...input,
        triggerId: input.triggerId ?? slack.newTriggerId({ userId: ctx.user.id, viewId: input.view?.id }),
        responseUrl,
      } as BlockActionInput);
      const res = await postInteraction(url, signingSecret, payload, o.signing);
      return { ...res, responses: responseUrl ? slack.responsesTo(responseUrl) : [], responseUrl: responseUrl ?? '' };
    },
    async submitView(input, o = {}) {
      const ctx = contextOf({ ...o, user: input.user ?? o.user });
      const payload = viewSubmissionPayload({ ...ctx.payload, ...input, user: input.user ?? ctx.payload.user });
      const res = await postInteraction(url, signingSecret, payload, o.signing);
      const viewId = String((payload.view as { id: string }).id);
      const open = slack.views.get(viewId)?.open === true;
      return { ...res, view: open && res.status === 200 ? slack.applyViewResponse(viewId, res.body) : undefined };
    },
    async options(input, o = {}) {
      const ctx = contextOf({ ...o, user: input.user ?? o.user });
      return postOptions(
        url,
        signingSecret,
        blockSuggestionPayload({ ...ctx.payload, ...input } as BlockSuggestionInput),
        o.signing,
      );
    },
    async event(event, o = {}) {
      const ws = slack.workspaceOfTeam(o.teamId ?? o.team ?? FAKE_DEFAULTS.teamId);
      const envelope = eventEnvelope(event, {
        teamId: ws.teamId,
        enterpriseId: ws.enterpriseId,
        isEnterpriseInstall: ws.isEnterpriseInstall,
        botUserId: ws.botUserId,
        ...o,
      });
      return postEvent(url, signingSecret, envelope, o.signing);
    },
    async messageShortcut(input, o = {}) {
      const ctx = contextOf({ ...o, user: input.user ?? o.user });
      const responseUrl = slack.newResponseUrl({ userId: ctx.user.id });
      const payload = messageShortcutPayload({
        ...ctx.payload,
        channel: o.channel ?? 'C0000GEN1',
        triggerId: slack.newTriggerId({ userId: ctx.user.id }),
        responseUrl,
        ...input,
      });
      const res = await postInteraction(url, signingSecret, payload, o.signing);
      return { ...res, responses: slack.responsesTo(responseUrl), responseUrl };
    },
    addMember,
    addAdmin: (input = {}) => addMember({ is_admin: true, ...input }),
    addOwner: (input = {}) => addMember({ is_owner: true, is_admin: true, ...input }),
    addGuest: ({ ultra, ...input } = {}) =>
      addMember(ultra ? { is_ultra_restricted: true, ...input } : { is_restricted: true, ...input }),
    connect,
    async disconnect(teamId = FAKE_DEFAULTS.teamId) {
      await store.connections.delete(scopeOf(teamId));
    },
    startSandbox,
    scopeOf,
    async close() {
      await app.stop().catch(() => undefined);
      await store.close().catch(() => undefined);
      await slack.close();
      await Promise.all(sandboxes.map((s) => s.close().catch(() => undefined)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
