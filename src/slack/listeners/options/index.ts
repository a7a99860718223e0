import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerScheduleFormOptions } from './schedule-form.js';

export function register(app: App, deps: AppDeps): void {
  registerScheduleFormOptions(app, deps);
}
