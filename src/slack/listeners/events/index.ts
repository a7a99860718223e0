// Events API: event type → handler.
import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { onAppHomeOpened } from './app-home-opened.js';
import { appUninstalledCallback, tokensRevokedCallback } from './uninstall.js';

export function register(app: App, deps: AppDeps): void {
  app.event('app_home_opened', onAppHomeOpened);
  app.event('app_uninstalled', appUninstalledCallback(deps));
  app.event('tokens_revoked', tokensRevokedCallback(deps));
}
