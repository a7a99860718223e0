import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps.js';
import { interactionMiddleware } from '../interaction.js';
import { onceOnlyMiddleware } from '../request-once.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as options from './options/index.js';
import * as shortcuts from './shortcuts/index.js';
import { emptyTable, recordingApp, registerUnhandled } from './unhandled.js';
import * as views from './views/index.js';

export function registerListeners(app: App, deps: AppDeps): void {
  // First: a replayed or retried request is acknowledged and goes no further.
  app.use(onceOnlyMiddleware(deps));
  // Then: every listener below reads its request's Interaction.
  app.use(interactionMiddleware(deps));
  commands.register(app);
  events.register(app);
  // Each table's registrations are noted, so that what none of them takes is acked at once (unhandled.ts).
  const table = emptyTable();
  const noting = recordingApp(app, table);
  actions.register(noting);
  views.register(noting);
  options.register(noting);
  shortcuts.register(noting);
  // Last: the catch-alls, which act only when no listener above matched.
  registerUnhandled(app, table);
}
