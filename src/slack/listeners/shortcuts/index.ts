import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

export function register(app: App, deps: AppDeps): void {
  // Each feature registers its shortcuts listeners here.
  void app;
  void deps;
}
