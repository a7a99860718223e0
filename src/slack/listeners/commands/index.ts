import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerScheduleCommand } from './schedule.js';

export function register(app: App, deps: AppDeps): void {
  registerScheduleCommand(app, deps);
}
