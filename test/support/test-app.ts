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
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openCoordination } from '../../src/coordination/open.js';
import { FAKE_DEFAULTS, startFakeSlack, type UserInput } from '../../src/fake-slack/fake-slack.js';
import {
  type BlockActionInput,
  type BlockSuggestionInput,
  blockActionPayload,
  blockSuggestionPayload,
  eventEnvelope,
  type UserRef,
  viewSubmissionPayload,
} from '../../src/fake-slack/payloads.js';
import { postCommand, postEvent, postInteraction, postOptions } from '../../src/fake-slack/signing.js';
import type { JobRecord, Jobs } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { PacerRegistry } from '../../src/omni/pacing.js';
import { type OmniSandbox, type OmniSandboxOptions, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { type AuditLine, AuditLog } from '../../src/slack/audit.js';
import { startBackgroundWork } from '../../src/slack/background.js';
import { registerCommandJobs, SCHEDULE_COMMAND_JOB } from '../../src/slack/commands/command-job.js';
import { forgetOrganizationCaches } from '../../src/slack/connection-change.js';
import { createDeps } from '../../src/slack/deps-factory.js';
import { registerRecipientJobs } from '../../src/slack/recipient-actions/change-job.js';
import { openStore, type WorkspaceScope } from '../../src/store/index.js';
import { installationFor, messageShortcutPayload, viewClosedPayload } from './test-app-payloads.js';
import type { RequestOptions, StartTestAppOptions, TestApp } from './test-app-types.js';

export type {
  ActionResult,
  CommandResult,
  RequestOptions,
  StartTestAppOptions,
  TestApp,
  TestWorkspaceInput,
  ViewSubmitResult,
} from './test-app-types.js';

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
  const shared = opts.replicaOf;
  const sandbox = shared?.sandbox ?? (await startSandbox(opts.sandbox));
  const slack =
    shared?.slack ??
    (await startFakeSlack({
      ...(opts.slackRateTiers ? { rateTiers: true } : {}),
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
    }));
  const dir = await mkdtemp(join(tmpdir(), 'omni-slack-test-'));
  const storePath = join(dir, 'store.sqlite');
  const signingSecret = shared?.signingSecret ?? randomBytes(16).toString('hex');
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
  // As start-up does (src/main.ts): jobs and shared budgets before any Omni client is built.
  const coordination = await openCoordination({
    redisUrl: config.redisUrl,
    store,
    logger,
    prefix: opts.redisPrefix ?? `omni-slack-test-${randomBytes(6).toString('hex')}`,
  });
  const queued: string[] = [];
  /** Typed commands' jobs not yet waited for: `command()` waits for them, so a test reads the answer. */
  const commandJobs: string[] = [];
  const runner = coordination.jobs;
  // The runner, noting each job queued so that a test can wait for them (settleJobs).
  const jobs: Jobs = {
    register: (kind, handler, options) => runner.register(kind, handler, options),
    enqueue: async (kind, data, options) => {
      const outcome = await runner.enqueue(kind, data, options);
      if (kind === SCHEDULE_COMMAND_JOB) commandJobs.push(outcome.id);
      else queued.push(outcome.id);
      return outcome;
    },
    get: (id) => runner.get(id),
    start: () => runner.start(),
    close: () => runner.close(),
    finished: (id) => runner.finished(id),
  };
  const deps = createDeps(config, store, {
    logger,
    audit: auditLog,
    now: opts.now,
    // Pacers of its own, so that no other test app's calls (or clock) count against this one's.
    omniClientInternals: { pacers: new PacerRegistry(), ...opts.omniClientInternals },
    // A run started from a card is followed only when a test lets its waits pass (see StartTestAppOptions.runWatch).
    runWatch: opts.runWatch ?? { sleep: () => new Promise<void>(() => {}) },
    jobs,
    rateBudget: coordination.rateBudget,
  });
  registerRecipientJobs(deps, logger);
  registerCommandJobs(deps, logger);
  // The tick runs when a test calls it; start-up's registration and runner start happen in startBackgroundWork.
  const background = await startBackgroundWork(deps, coordination, logger, { tickEveryMs: false });
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
  // As `/schedule connect` and Disconnect do: the previous organization's cached data goes with the connection.
  const connect: TestApp['connect'] = async (o = {}) => {
    const target = o.sandbox ?? sandbox;
    const to = scopeOf(o.teamId ?? FAKE_DEFAULTS.teamId);
    await store.connections.save(to, {
      baseUrl: target.url,
      apiKey: o.apiKey ?? target.apiKey,
      connectedBy: o.connectedBy ?? 'U0ADMIN01',
      connectedAt: new Date().toISOString(),
      rateLimitPerMinute: o.rateLimitPerMinute ?? TEST_RATE_LIMIT,
    });
    await forgetOrganizationCaches({ store }, to, logger);
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

  const testApp: TestApp = {
    url,
    signingSecret,
    slack,
    sandbox,
    store,
    storePath,
    deps,
    config,
    app,
    background,
    jobs,
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
      // The command is answered by its job, after the ack (src/slack/commands/command-job.ts).
      for (const id of commandJobs.splice(0)) await coordination.jobs.finished(id);
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
    async closeView(view, o = {}) {
      const stored = slack.views.get(view.id);
      if (stored) stored.open = false;
      if (!view.notify_on_close) return undefined;
      const ctx = contextOf(o);
      return postInteraction(url, signingSecret, viewClosedPayload({ ...ctx.payload, view }), o.signing);
    },
    addMember,
    addAdmin: (input = {}) => addMember({ is_admin: true, ...input }),
    addOwner: (input = {}) => addMember({ is_owner: true, is_admin: true, ...input }),
    addGuest: ({ ultra, ...input } = {}) =>
      addMember(ultra ? { is_ultra_restricted: true, ...input } : { is_restricted: true, ...input }),
    connect,
    async disconnect(teamId = FAKE_DEFAULTS.teamId) {
      await store.connections.delete(scopeOf(teamId));
      await forgetOrganizationCaches({ store }, scopeOf(teamId), logger);
    },
    startSandbox,
    scopeOf,
    async commandJob(text, o = {}) {
      const before = slack.calls.length;
      const result = await testApp.command(text, o);
      await testApp.settleJobs();
      const dm = `D${userOf(o.user).id.slice(1)}`;
      const calls = slack.calls
        .slice(before)
        .filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.response.ok);
      const mine = calls.filter((c) => c.response.channel === dm);
      const posted = mine[0]?.response;
      return {
        ...result,
        message: posted ? slack.message(dm, String(posted.ts)) : undefined,
        shown: mine.map((c) => String(c.params.text ?? '')),
      };
    },
    async settleJobs() {
      // Typed commands first: their jobs may queue others.
      for (const id of commandJobs.splice(0)) await coordination.jobs.finished(id);
      const records: JobRecord[] = [];
      for (let i = 0; i < queued.length; i += 1) records.push(await coordination.jobs.finished(queued[i] as string));
      return records;
    },
    async close() {
      await deps.runWatches?.stop();
      await app.stop().catch(() => undefined);
      background.stop();
      await coordination.close().catch(() => undefined);
      await store.close().catch(() => undefined);
      if (shared) {
        await rm(dir, { recursive: true, force: true });
        return;
      }
      await slack.close();
      await Promise.all(sandboxes.map((s) => s.close().catch(() => undefined)));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}
