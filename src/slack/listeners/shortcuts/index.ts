import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerCreateFromMessageShortcut } from './create-from-message.js';

export function register(app: App, deps: AppDeps): void {
  registerCreateFromMessageShortcut(app, deps);
}
