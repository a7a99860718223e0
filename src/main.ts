// Entry point: configuration → store → dependencies → Bolt app → start. HTTP receiver on PORT, or Socket
// Mode (with the health routes still on PORT) when SLACK_APP_TOKEN is set.
import { createServer } from 'node:net';
import type { App, Logger } from '@slack/bolt';
import { type AppConfig, ConfigError, loadConfig } from './config.js';
import type { Coordination } from './coordination/open.js';
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
  const [
    { createApp },
    { createLogger },
    { createDeps },
    { openStore },
    { metrics },
    health,
    startup,
    omni,
    requests,
    { openCoordination },
    { registerRecipientJobs },
    { registerCommandJobs },
    { startBackgroundWork },
  ] = await Promise.all([
    import('./app.js'),
    import('./logger.js'),
    import('./slack/deps-factory.js'),
    import('./store/index.js'),
    import('./metrics.js'),
    import('./http/health.js'),
    import('./http/startup.js'),
    import('./http/omni-calls.js'),
    import('./http/request-log.js'),
    import('./coordination/open.js'),
    import('./slack/recipient-actions/change-job.js'),
    import('./slack/commands/command-job.js'),
    import('./slack/background.js'),
  ]);
  const { slack } = config;
  const logger = createLogger(config.logLevel, undefined, {
    secrets: [
      slack.signingSecret,
      slack.botToken,
      slack.appToken,
      slack.oauth?.clientSecret,
      slack.oauth?.stateSecret,
      config.defaultOmni?.apiKey,
    ],
    onSlackRateLimited: () => metrics.slackRateLimited(),
  });
  // A failure nothing awaited would otherwise end the process with a raw stack trace: end it with a log line.
  process.on('unhandledRejection', (reason) => {
    logger.error(`Stopping on an unhandled failure: ${reason instanceof Error ? reason.message : String(reason)}`);
    process.exit(1);
  });
  for (const warning of config.warnings) logger.warn(warning);
  omni.observeOmniCalls(logger, metrics);

  let store: AppStore;
  try {
    store = await openStore({ url: config.storeUrl, encryptionKeys: config.encryptionKeys, logger });
  } catch (error) {
    logger.error(`Could not open the store (STORE_URL): ${(error as Error).message}`);
    process.exit(1);
  }

  // Until Slack and the store have both answered once, /readyz says why not.
  let waitingFor: string | undefined = 'start-up has not checked Slack and the store yet';
  const healthOptions = { metrics, notReady: () => waitingFor };
  const stopping = new AbortController();
  let app: App | undefined;
  let stopBackground: (() => Promise<void>) | undefined;
  // Background work started after the app (the failure watch and snooze timers), stopped before the store closes.
  const watching: { stop(): Promise<void> }[] = [];
  stopOnSignals(
    () => app,
    () => stopBackground?.(),
    store,
    logger,
    stopping,
    watching,
  );

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

  // While Slack or the store does not answer, only the health routes are served and start-up retries. The Bolt
  // app is built afterwards: its constructor checks the bot token itself and would crash on a refused one.
  const waitingServer = await health.serveHealth(config.port, health.healthRoutes(store, healthOptions));
  const result = await startup.waitUntilReachable({
    checks: {
      store: () => health.storeReadiness(store),
      slack: () => startup.checkSlack(slack.apiUrl, config.install === 'single' ? slack.botToken : undefined, logger),
    },
    logger,
    sleep: startup.abortableSleep,
    onProblem: (problem) => {
      waitingFor = problem;
    },
    signal: stopping.signal,
  });
  await new Promise<void>((resolve) => waitingServer.close(() => resolve()));
  if (!result.ready) {
    if ('refused' in result) {
      logger.error(
        `Slack refused SLACK_BOT_TOKEN (${result.refused}). Copy the Bot User OAuth Token from the app's OAuth & Permissions page.`,
      );
      await store.close();
      process.exit(1);
    }
    return; // stopped by a signal: stopOnSignals exits
  }
  waitingFor = undefined;

  // Before any Omni client is built: each org's pacer draws on the budget installed here (shared with the
  // other replicas through Redis when REDIS_URL is set).
  let coordination: Coordination;
  try {
    coordination = await openCoordination({ redisUrl: config.redisUrl, store, logger });
  } catch (error) {
    logger.error(`Could not set up jobs and shared rate budgets (REDIS_URL): ${(error as Error).message}`);
    await store.close();
    process.exit(1);
  }
  const deps = createDeps(config, store, {
    logger,
    jobs: coordination.jobs,
    rateBudget: coordination.rateBudget,
    onSlackRateLimited: (method) => metrics.slackRateLimited(method),
  });
  registerRecipientJobs(deps, logger, metrics);
  registerCommandJobs(deps, logger);
  // Jobs (durable, resumable) and the people features' hourly tick; every handler is registered before the
  // runner starts.
  const background = await startBackgroundWork(deps, coordination, logger);
  stopBackground = async () => {
    background.stop();
    await coordination.close();
  };
  app = createApp(config, deps, { logger, health: healthOptions });
  requests.instrumentRequests(app, { logger, metrics });
  await app.start(config.port);
  const { startWatch } = await import('./slack/watch-services.js');
  watching.push(startWatch(deps, { onError: (message) => logger.error(message) }));
  const how = config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port} (POST /slack/events)`;
  const install = config.install === 'oauth' ? 'OAuth installs at /slack/install' : 'one workspace';
  logger.info(
    `Omni Schedules for Slack is running: ${how}, ${install}; health on :${config.port}/healthz, /readyz and /metrics.`,
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

/** `app()`: the Bolt app once built (undefined while start-up waits). */
function stopOnSignals(
  app: () => App | undefined,
  stopBackground: () => Promise<void> | undefined,
  store: AppStore,
  logger: Logger,
  stopping: AbortController,
  watching: readonly { stop(): Promise<void> }[],
): void {
  const stop = async (signal: string) => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    logger.info(`${signal} received: finishing requests in progress and stopping.`);
    // A stuck dependency must not keep the process alive forever.
    const force = setTimeout(() => {
      logger.error('Shutdown took longer than 10 s; exiting anyway.');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      // Not built when the signal came during the start-up wait.
      await app()?.stop();
    } catch (error) {
      logger.warn(`Stopping the Slack receiver failed: ${(error as Error).message}`);
    }
    await Promise.allSettled(watching.map((work) => work.stop()));
    try {
      // Waits for running jobs; one that outlasts the limit above resumes from its last checkpoint elsewhere or at restart.
      await stopBackground();
    } catch (error) {
      logger.warn(`Stopping jobs and closing Redis failed: ${(error as Error).message}`);
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
