import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps.js';
import { interactionMiddleware } from '../interaction.js';
import { onceOnlyMiddleware } from '../request-once.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as options from './options/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

export function registerListeners(app: App, deps: AppDeps): void {
  // First: a replayed or retried request is acknowledged and goes no further.
  app.use(onceOnlyMiddleware(deps));
  // Then: every listener below reads its request's Interaction.
  app.use(interactionMiddleware(deps));
  commands.register(app);
  actions.register(app);
  views.register(app);
  options.register(app);
  events.register(app);
  shortcuts.register(app);
}
