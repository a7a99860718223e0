import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerCreateFromMessageShortcut } from './create-from-message.js';

export function register(app: App, deps: AppDeps): void {
  // Each feature registers its shortcuts listeners here.
  registerCreateFromMessageShortcut(app, deps);
  void app;
  void deps;
}
