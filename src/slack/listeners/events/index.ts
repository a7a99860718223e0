import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerUninstallEvents } from './uninstall.js';

export function register(app: App, deps: AppDeps): void {
  registerUninstallEvents(app, deps);
  registerAppHomeOpened(app, deps);
}
