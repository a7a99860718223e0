import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps.js';
import { interactionMiddleware } from '../interaction.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as options from './options/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

export function registerListeners(app: App, deps: AppDeps): void {
  // First: every listener below reads its request's Interaction.
  app.use(interactionMiddleware(deps));
  commands.register(app);
  actions.register(app);
  views.register(app);
  options.register(app);
  events.register(app);
  shortcuts.register(app);
}
