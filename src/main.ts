// Entry point: configuration → store → dependencies → Bolt app → start. HTTP receiver on PORT, or Socket
// Mode (with the health routes still on PORT) when SLACK_APP_TOKEN is set.
import { createServer } from 'node:net';
import type { App, Logger } from '@slack/bolt';
import { type AppConfig, ConfigError, loadConfig } from './config.js';
import type { AppStore } from './store/index.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  // Loaded only once the configuration is known to be usable, so that a bad one is reported at once.
  const [{ createApp }, { createLogger }, { createDeps }, { openStore }] = await Promise.all([
    import('./app.js'),
    import('./logger.js'),
    import('./slack/deps-factory.js'),
    import('./store/index.js'),
  ]);
  const logger = createLogger(config.logLevel);
  for (const warning of config.warnings) logger.warn(warning);

  let store: AppStore;
  try {
    store = await openStore({ url: config.storeUrl, encryptionKeys: config.encryptionKeys, logger });
  } catch (error) {
    logger.error(`Could not open the store (STORE_URL): ${(error as Error).message}`);
    process.exit(1);
  }

  const deps = createDeps(config, store, { logger });
  const app = createApp(config, deps, { logger });
  stopOnSignals(app, store, logger);

  // Bolt's Socket Mode receiver listens on PORT without an error handler: a port in use would crash the
  // process with a stack trace. Find out first, and say it in one line (in HTTP mode too).
  const portProblem = await portInUse(config.port);
  if (portProblem) {
    logger.error(
      `Cannot listen on PORT ${config.port}: ${portProblem}. Stop what uses it, or set PORT to another port.`,
    );
    await store.close();
    process.exit(1);
  }
  await app.start(config.port);
  if (config.install === 'single') await checkBotToken(app, config, logger);
  const how = config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port} (POST /slack/events)`;
  const install = config.install === 'oauth' ? 'OAuth installs at /slack/install' : 'one workspace';
  logger.info(
    `Omni Schedules for Slack is running: ${how}, ${install}; health on :${config.port}/healthz and /readyz.`,
  );
}

/** Why the port cannot be listened on (e.g. EADDRINUSE), or undefined when it is free. */
function portInUse(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen(port, () => probe.close(() => resolve(undefined)));
  });
}

/** A wrong SLACK_BOT_TOKEN would make every request fail later; say so now. Network trouble is only a warning. */
async function checkBotToken(app: App, config: AppConfig, logger: Logger): Promise<void> {
  try {
    await app.client.auth.test({ token: config.slack.botToken });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) {
      logger.error(
        `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token from the app's OAuth & Permissions page.`,
      );
      process.exit(1);
    }
    logger.warn(`Could not check SLACK_BOT_TOKEN with Slack yet: ${(error as Error).message}`);
  }
}

function stopOnSignals(app: App, store: AppStore, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing requests in progress and stopping.`);
    // A stuck dependency must not keep the process alive forever.
    const force = setTimeout(() => {
      logger.error('Shutdown took longer than 10 s; exiting anyway.');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.stop();
    } catch (error) {
      logger.warn(`Stopping the Slack receiver failed: ${(error as Error).message}`);
    }
    try {
      await store.close();
    } catch (error) {
      logger.warn(`Closing the store failed: ${(error as Error).message}`);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
