// The playground on one call: the Omni sandbox, the fake Slack the tests use (with the playground's people,
// channels and user group), the real app as its own process (src/main.ts with the environment a deployment
// would give it, pointed at the two stand-ins) and the web page that plays Slack's client.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type FakeSlack, startFakeSlack } from '../fake-slack/fake-slack.js';
import { type OmniSandbox, startOmniSandbox } from '../omni-sandbox/index.js';
import { type AppChild, startAppProcess } from './app-process.js';
import { SlackBridge } from './bridge.js';
import { PageServer } from './page-server.js';
import type { PageState } from './page-state.js';
import { CHANNELS, seedWorkspace } from './workspace.js';

const MANIFEST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifest.yml');
const BOT_TOKEN = 'xoxb-fake-playground';
/** The sandbox's key: shown on the page, since an admin types it into /schedule connect. */
export const PLAYGROUND_OMNI_KEY = 'playground-omni-key';

export interface PlaygroundOptions {
  /** The page's port on 127.0.0.1 (0 picks a free one). */
  port: number;
  /** Connect the workspace to the sandbox at start (OMNI_BASE_URL / OMNI_API_KEY) instead of by /schedule connect. */
  connected?: boolean;
  /** Each chunk the app prints (its log). */
  onAppOutput?: (chunk: string) => void;
  /** The app stopped by itself (not by close()): its output says why. */
  onAppExit?: (output: string) => void;
}

export interface Playground {
  /** The page: http://127.0.0.1:PORT */
  url: string;
  sandbox: OmniSandbox;
  slack: FakeSlack;
  app: AppChild;
  close(): Promise<void>;
}

/** The slash command and message shortcuts the app declares in manifest.yml, as Slack's client offers them. */
async function manifestFeatures(): Promise<Pick<PageState, 'command' | 'shortcuts'>> {
  const manifest = parse(await readFile(MANIFEST, 'utf8')) as {
    features?: {
      slash_commands?: { command: string; usage_hint?: string; description?: string }[];
      shortcuts?: { name: string; type: string; callback_id: string; description?: string }[];
    };
  };
  const command = manifest.features?.slash_commands?.[0];
  if (!command) throw new Error('manifest.yml declares no slash command');
  return {
    command: { name: command.command, usageHint: command.usage_hint ?? '', description: command.description ?? '' },
    shortcuts: (manifest.features?.shortcuts ?? [])
      .filter((s) => s.type === 'message')
      .map((s) => ({ name: s.name, callbackId: s.callback_id, description: s.description ?? '' })),
  };
}

export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const stops: (() => Promise<void>)[] = [];
  // Everything is stopped even when one part fails to stop; the failures are reported together.
  const stopAll = async () => {
    const failures: unknown[] = [];
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'the playground did not stop cleanly');
  };
  try {
    const { command, shortcuts } = await manifestFeatures();
    const sandbox = await startOmniSandbox({ apiKey: PLAYGROUND_OMNI_KEY });
    stops.push(() => sandbox.close());
    const slack = await startFakeSlack({ token: BOT_TOKEN });
    stops.push(() => slack.close());
    seedWorkspace(slack);
    const welcome = [
      '*Welcome to the Omni Schedules playground.* Everything here runs on this machine: a stand-in for Slack, ',
      `the Omni sandbox at ${sandbox.url} (organization API key \`${PLAYGROUND_OMNI_KEY}\`), and the app itself.`,
      '\nSwitch people at the top left. ',
      opts.connected
        ? 'This workspace is already connected to the sandbox: try `/schedule list`.'
        : 'As Blob Ross (an admin), type `/schedule connect` and paste the URL and key above; then try `/schedule list`.',
    ].join('');
    slack.addMessage(CHANNELS[0].id, { user: 'USLACKBOT', bot_id: undefined, app_id: undefined, text: welcome });

    const dir = await mkdtemp(join(tmpdir(), 'omni-slack-playground-'));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    const signingSecret = randomBytes(16).toString('hex');
    const sandboxHost = new URL(sandbox.url).host;
    const app = await startAppProcess(
      {
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        OMNI_ALLOWED_HOSTS: sandboxHost,
        LOG_LEVEL: 'info',
        ...(opts.connected ? { OMNI_BASE_URL: sandbox.url, OMNI_API_KEY: PLAYGROUND_OMNI_KEY } : {}),
      },
      { onOutput: opts.onAppOutput, onExit: () => opts.onAppExit?.(app.output()) },
    );
    stops.push(() => app.stop());

    let version = 0;
    let pending = false;
    let page: PageServer | undefined;
    // Many calls arrive together (e.g. views.update after chat.postMessage): one notice per turn of the loop.
    const changed = () => {
      version += 1;
      if (pending) return;
      pending = true;
      setImmediate(() => {
        pending = false;
        page?.notify(version);
      });
    };
    const bridge = new SlackBridge(slack, app.url, signingSecret, changed);
    page = new PageServer({
      port: opts.port,
      bridge,
      context: () => ({
        slack,
        notices: bridge.notices,
        version,
        command,
        shortcuts,
        sandbox: { url: sandbox.url, apiKey: PLAYGROUND_OMNI_KEY },
      }),
    });
    await page.listen();
    const pageServer = page;
    stops.push(() => pageServer.close());
    return { url: page.url, sandbox, slack, app, close: stopAll };
  } catch (error) {
    await stopAll().catch((stopError: unknown) => {
      throw new AggregateError([error, stopError], (error as Error).message);
    });
    throw error;
  }
}
