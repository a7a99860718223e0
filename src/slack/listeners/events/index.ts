import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerUninstallEvents } from './uninstall.js';

export function register(app: App, deps: AppDeps): void {
  // Each feature registers its events listeners here.
  registerUninstallEvents(app, deps);
  registerAppHomeOpened(app, deps);
  void app;
  void deps;
}
