// Builds the Bolt App from configuration and dependencies, and registers the listeners. Wiring only.
import { App, type AppOptions, type Logger, LogLevel } from '@slack/bolt';
import type { AppConfig } from './config.js';
import { type HealthOptions, healthRoutes } from './http/health.js';
import type { AppDeps } from './slack/deps.js';
import { registerListeners } from './slack/listeners/index.js';
import { BOT_SCOPES } from './slack/scopes.js';

export interface AppOverrides {
  /** Tests: send the HTTP response only after the listener finished, so recorded calls can be asserted. */
  processBeforeResponse?: boolean;
  logger?: Logger;
  /** /metrics and the start-up state for /readyz. */
  health?: HealthOptions;
}

/**
 * Web API calls made inside handlers must not keep a user waiting for minutes (the client's default
 * retries for ~30 min); two quick retries and a 10 s time-out per call are enough.
 */
export const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 } as const;
export const SLACK_CALL_TIMEOUT_MS = 10_000;

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function createApp(config: AppConfig, deps: AppDeps, overrides: AppOverrides = {}): App {
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { ...SLACK_RETRY_CONFIG },
    timeout: SLACK_CALL_TIMEOUT_MS,
  };
  const options: AppOptions = {
    logLevel: LOG_LEVELS[config.logLevel],
    ...(overrides.logger && { logger: overrides.logger }),
    clientOptions,
    customRoutes: healthRoutes(deps.store, overrides.health),
    processBeforeResponse: overrides.processBeforeResponse ?? false,
    installerOptions: {
      // OAuth's oauth.v2.access and Socket Mode's apps.connections.open go to the same Web API.
      clientOptions,
      // Socket Mode serves the health routes (and OAuth pages) on its own small HTTP server: use PORT.
      ...(config.mode === 'socket' && { port: config.port }),
      directInstall: false,
    },
  };
  if (config.mode === 'socket') {
    options.socketMode = true;
    options.appToken = config.slack.appToken;
  } else {
    options.signingSecret = config.slack.signingSecret;
  }
  if (config.install === 'oauth' && config.slack.oauth) {
    options.clientId = config.slack.oauth.clientId;
    options.clientSecret = config.slack.oauth.clientSecret;
    options.stateSecret = config.slack.oauth.stateSecret;
    options.scopes = [...BOT_SCOPES];
    options.installationStore = deps.store.installations;
  } else {
    options.token = config.slack.botToken;
  }

  const app = new App(options);
  registerListeners(app, deps);
  return app;
}
