import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerScheduleCommand } from './schedule.js';

export function register(app: App, deps: AppDeps): void {
  // Each feature registers its commands listeners here.
  registerScheduleCommand(app, deps);
  void app;
  void deps;
}
