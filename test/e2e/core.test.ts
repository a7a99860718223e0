// End to end through the real Bolt HTTP receiver: help, errors, who may do what, connecting a workspace to
// Omni (the sandbox), status, disconnect, signatures, health routes and uninstall.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredView } from '../../src/fake-slack/fake-slack.js';
import { appUninstalledEvent, tokensRevokedEvent } from '../../src/fake-slack/payloads.js';
import { ActionIds, BlockIds } from '../../src/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Everything the store wrote, WAL included: a secret must not appear in it in plain text. */
function rawStore(t: TestApp): string {
  const read = (path: string) => {
    try {
      return readFileSync(path).toString('latin1');
    } catch {
      return '';
    }
  };
  return read(t.storePath) + read(`${t.storePath}-wal`);
}

function lastOpenedView(t: TestApp): StoredView {
  const call = t.slack.callsTo('views.open').at(-1);
  const id = (call?.response.view as { id?: string } | undefined)?.id;
  const view = id ? t.slack.views.get(id) : undefined;
  if (!view) throw new Error(`no modal was opened; calls: ${t.slack.calls.map((c) => c.method).join(', ')}`);
  return view;
}

function connectValues(url: string, key: string) {
  return {
    [BlockIds.omniBaseUrlInput]: { [ActionIds.omniBaseUrlField]: url },
    [BlockIds.omniApiKeyInput]: { [ActionIds.omniApiKeyField]: key },
  };
}

describe('/schedule help and errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ connect: false });
  });
  afterAll(() => t.close());

  it('bare /schedule answers with short help, privately; `help all` lists the subcommands', async () => {
    const { status, responses } = await t.command('');
    expect(status).toBe(200);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', text: 'Omni schedules: how to use /schedule' });
    expect(JSON.stringify(responses[0]?.blocks)).toContain('*What people do most*');
    const all = await t.command('help all');
    const text = JSON.stringify(all.responses[0]?.blocks);
    for (const usage of ['/schedule help [all]', '/schedule connect', '/schedule disconnect', '/schedule status']) {
      expect(text).toContain(`\`${usage}\``);
    }
    expect(text).toContain('Not connected to Omni yet. Ask a workspace admin to run `/schedule connect`.');
  });

  it('help offers an admin the Connect button while not connected', async () => {
    const { responses } = await t.command('help', { user: t.users.admin });
    expect(JSON.stringify(responses[0]?.blocks)).toContain(ActionIds.openConnectButton);
  });

  it("help's Connect button opens the connect modal for an admin and is refused to a member", async () => {
    const help = await t.command('help', { user: t.users.admin });
    const message = { ts: '1.2', blocks: help.responses[0]?.blocks as unknown[] };
    const opened = t.slack.callsTo('views.open').length;
    await t.action({ actionId: ActionIds.openConnectButton, message }, { user: t.users.admin });
    expect(t.slack.callsTo('views.open')).toHaveLength(opened + 1);
    expect(lastOpenedView(t).callback_id).toBe('connect_omni_view');

    const refused = await t.action({ actionId: ActionIds.openConnectButton, message }, { user: t.users.member });
    expect(t.slack.callsTo('views.open')).toHaveLength(opened + 1);
    expect(refused.responses).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^Only workspace admins and owners/),
        replace_original: false,
      }),
    ]);
  });

  it('a button standing for a subcommand runs it through the same checks', async () => {
    const asMember = await t.action({ actionId: ActionIds.runSubcommandButton, value: 'status' });
    expect(asMember.responses).toEqual([
      expect.objectContaining({ text: expect.stringContaining('not connected to Omni'), replace_original: false }),
    ]);
    const asGuest = await t.action(
      { actionId: ActionIds.runSubcommandButton, value: 'status' },
      { user: t.users.guest },
    );
    expect(asGuest.responses[0]?.text).toMatch(/^Guests cannot use Omni schedules/);
  });

  it('an unknown subcommand gets one line saying so, then the usage list', async () => {
    const { texts } = await t.command('frobnicate now');
    expect(texts).toHaveLength(1);
    const [first, ...usage] = (texts[0] ?? '').split('\n');
    expect(first).toBe('`frobnicate` is not a /schedule subcommand. Try one of these:');
    expect(usage).toContain('• `/schedule status`');
    expect(usage).toContain('• `/schedule connect`');
  });

  it('refuses guests, single- and multi-channel, with a clear message', async () => {
    for (const guest of [t.users.guest, t.addGuest({ ultra: true })]) {
      const { texts } = await t.command('status', { user: guest });
      expect(texts).toEqual([
        'Guests cannot use Omni schedules in this workspace. Ask a member of the workspace to do this for you.',
      ]);
    }
  });

  it('refuses connect to a member, opens nothing and audits the refusal', async () => {
    const opened = t.slack.callsTo('views.open').length;
    const { texts } = await t.command('connect');
    expect(texts).toEqual([
      'Only workspace admins and owners can do this. Ask one of them, or ask them to make you an admin.',
    ]);
    expect(t.slack.callsTo('views.open')).toHaveLength(opened);
    expect(t.audit.at(-1)).toMatchObject({ action: 'connect', outcome: 'refused', user: t.users.member.id });
  });

  it('status tells a member the workspace is not connected', async () => {
    expect((await t.command('status')).texts).toEqual([
      ':red_circle: This workspace is not connected to Omni. A workspace admin can connect it with `/schedule connect`.',
    ]);
  });

  it('refuses requests with a forged or stale signature with 401, and does nothing', async () => {
    const before = t.slack.responses.length;
    expect((await t.command('help', { signing: { badSignature: true } })).status).toBe(401);
    expect((await t.command('help', { signing: { stale: true } })).status).toBe(401);
    expect(t.slack.responses.length).toBe(before);
  });
});

describe('connecting a workspace to Omni', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ connect: false });
  });
  afterAll(() => t.close());

  it('an admin opens the modal, fixes the URL, is refused a wrong key, then connects', async () => {
    const admin = t.users.admin;
    const { texts } = await t.command('connect', { user: admin });
    expect(texts).toEqual([]);
    const view = lastOpenedView(t);
    expect(view.title).toMatchObject({ text: 'Connect Omni' });

    // A URL that is not https (and not this machine) is refused on the URL field, without calling Omni.
    const omniCalls = t.sandbox.state.requests.length;
    const badUrl = await t.submitView(
      { view, values: connectValues('http://blobsrus.omniapp.co', t.sandbox.apiKey) },
      { user: admin },
    );
    expect(badUrl.body).toEqual({
      response_action: 'errors',
      errors: {
        [BlockIds.omniBaseUrlInput]:
          "The Omni URL must start with https:// (plain http only for hosts in the server's OMNI_ALLOWED_HOSTS).",
      },
    });
    expect(t.sandbox.state.requests.length).toBe(omniCalls);

    // Omni's own refusal of a wrong key is shown on the key field; nothing is saved.
    const wrongKey = await t.submitView({ view, values: connectValues(t.sandbox.url, 'not-the-key') }, { user: admin });
    expect(wrongKey.body).toEqual({
      response_action: 'errors',
      errors: {
        [BlockIds.omniApiKeyInput]:
          'Omni refused this key (HTTP 401). Use an organization API key (Omni: Settings › API access).',
      },
    });
    expect(wrongKey.view?.errors).toHaveProperty(BlockIds.omniApiKeyInput);
    expect(await t.store.connections.get(t.scope)).toBeUndefined();

    // The right key: checked, saved encrypted, and the modal says so.
    const ok = await t.submitView(
      { view, values: connectValues(`${t.sandbox.url}/api/`, t.sandbox.apiKey) },
      { user: admin },
    );
    expect(ok.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(ok.view?.blocks)).toContain(`now connected to Omni at ${t.sandbox.url}. It has 7 schedules.`);
    const saved = await t.store.connections.get(t.scope);
    expect(saved).toMatchObject({
      baseUrl: t.sandbox.url,
      apiKey: t.sandbox.apiKey,
      connectedBy: admin.id,
      rateLimitPerMinute: 60,
    });
    expect(rawStore(t)).not.toContain(t.sandbox.apiKey);
    expect(t.audit.at(-1)).toMatchObject({
      action: 'connect',
      outcome: 'ok',
      user: admin.id,
      workspace: 'team:T00000001',
    });
    expect(JSON.stringify(t.audit)).not.toContain(t.sandbox.apiKey);
    expect(t.logs.join('\n')).not.toContain(t.sandbox.apiKey);
  });

  it('status shows the org URL, who connected it and when, never the key', async () => {
    const { texts } = await t.command('status');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(`Connected to Omni at ${t.sandbox.url}, connected by <@${t.users.admin.id}> on <!date^`);
    expect(texts[0]).toContain('Omni answers: 7 schedules.');
    expect(texts[0]).not.toContain(t.sandbox.apiKey);
  });

  it('status says when Omni no longer accepts the key', async () => {
    await t.connect({ apiKey: 'revoked-key', connectedBy: t.users.admin.id });
    const { texts } = await t.command('status');
    expect(texts[0]).toContain(':warning: Omni refused to list schedules: Authentication required.');
    await t.connect({ connectedBy: t.users.admin.id });
  });

  it('a member who submits the connect modal (e.g. demoted since it opened) is refused', async () => {
    const admin = t.addAdmin();
    await t.command('connect', { user: admin });
    const view = lastOpenedView(t);
    const demoted = t.addMember();
    const res = await t.submitView({ view, values: connectValues(t.sandbox.url, t.sandbox.apiKey) }, { user: demoted });
    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { [BlockIds.omniBaseUrlInput]: expect.stringMatching(/^Only workspace admins and owners/) },
    });
  });

  it('disconnect asks for confirmation, then deletes the connection and its key', async () => {
    const admin = t.users.admin;
    const prompt = await t.command('disconnect', { user: admin });
    expect(prompt.texts).toEqual([`Disconnect this workspace from Omni at ${t.sandbox.url}?`]);
    expect(await t.store.connections.get(t.scope)).toBeDefined();

    const message = prompt.responses[0] as { blocks: unknown[] };
    const click = await t.action(
      {
        actionId: ActionIds.disconnectButton,
        message: { ts: '1.1', blocks: message.blocks },
        responseUrl: prompt.responseUrl,
      },
      { user: admin },
    );
    expect(click.status).toBe(200);
    expect(t.slack.lastResponse(prompt.responseUrl)).toMatchObject({
      replace_original: true,
      text: `:white_check_mark: <@${admin.id}> disconnected this workspace from Omni at ${t.sandbox.url}; the saved key is deleted. An admin can connect again with \`/schedule connect\`.`,
    });
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
    expect(t.audit.at(-1)).toMatchObject({ action: 'disconnect', outcome: 'ok', user: admin.id });
    expect((await t.command('status')).texts[0]).toContain('not connected to Omni');
  });
});

describe('health routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ connect: false });
  });
  afterAll(() => t.close());

  it('/healthz answers 200; /readyz 200 while the store answers, then 503 with a reason', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    await t.store.close();
    const down = await fetch(`${t.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/^store does not answer: /),
    });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

describe('uninstalling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ install: 'oauth', workspaces: [{ teamId: 'T00000002', connect: true }] });
  });
  afterAll(() => t.close());

  const installed = (teamId: string) =>
    t.store.installations.fetchInstallation({ teamId, isEnterpriseInstall: false, enterpriseId: undefined }).then(
      () => true,
      () => false,
    );

  it('tokens_revoked for user tokens only leaves the workspace alone', async () => {
    const res = await t.event(tokensRevokedEvent({ oauth: ['U0MEMBER01'] }));
    expect(res.status).toBe(200);
    expect(await installed('T00000001')).toBe(true);
    expect(await t.store.connections.get(t.scope)).toBeDefined();
  });

  it("app_uninstalled removes the workspace's installation, Omni connection and settings, and no other's", async () => {
    await t.store.settings.update(t.scope, { nonMemberPolicy: 'email_only_user' });
    await t.store.settings.update(t.scopeOf('T00000002'), { includeGuests: true });
    const res = await t.event(appUninstalledEvent());
    expect(res.status).toBe(200);
    expect(await installed('T00000001')).toBe(false);
    expect(await t.store.connections.get(t.scope)).toBeUndefined();
    expect((await t.store.settings.get(t.scope)).nonMemberPolicy).toBe('plain_email');
    expect((await t.store.settings.get(t.scopeOf('T00000002'))).includeGuests).toBe(true);
    expect(await installed('T00000002')).toBe(true);
    expect(await t.store.connections.get(t.scopeOf('T00000002'))).toBeDefined();
    expect(t.audit.at(-1)).toMatchObject({
      action: 'uninstall',
      outcome: 'ok',
      workspace: 'team:T00000001',
      user: 'slack:app_uninstalled',
    });
  });

  it('tokens_revoked for the bot token does the same', async () => {
    await t.event(tokensRevokedEvent({ bot: ['B00000002'] }), { teamId: 'T00000002' });
    expect(await installed('T00000002')).toBe(false);
    expect(await t.store.connections.get(t.scopeOf('T00000002'))).toBeUndefined();
  });
});

describe('two workspaces, two Omni organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workspaces: [{ teamId: 'T00000002' }] });
  });
  afterAll(() => t.close());

  it('each workspace only ever reaches its own organization', async () => {
    const other = await t.startSandbox({ seed: false });
    await t.connect({ teamId: 'T00000002', sandbox: other });
    const otherMember = t.addMember({ team_id: 'T00000002' });

    const mine = await t.command('status');
    expect(mine.texts[0]).toContain(`Connected to Omni at ${t.sandbox.url}`);
    expect(mine.texts[0]).toContain('Omni answers: 7 schedules.');

    const before = other.state.requests.length;
    const theirs = await t.command('status', { user: otherMember });
    expect(theirs.texts[0]).toContain(`Connected to Omni at ${other.url}`);
    expect(theirs.texts[0]).toContain('Omni answers: 0 schedules.');
    expect(other.state.requests.length).toBe(before + 1);
    expect(other.state.requests.every((r) => r.status !== 401)).toBe(true);

    // Disconnecting one leaves the other connected.
    await t.disconnect('T00000002');
    expect((await t.command('status', { user: otherMember })).texts[0]).toContain('not connected to Omni');
    expect((await t.command('status')).texts[0]).toContain(`Connected to Omni at ${t.sandbox.url}`);
  });
});
