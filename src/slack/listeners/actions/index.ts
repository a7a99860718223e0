import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerConnectionActions } from './connection.js';
import { registerRecipientsActions } from './recipients.js';
import { registerRunSubcommandAction } from './run-subcommand.js';
import { registerScheduleCardActions } from './schedule-card.js';
import { registerScheduleFormActions } from './schedule-form.js';
import { registerScheduleMenuActions } from './schedule-menu.js';

export function register(app: App, deps: AppDeps): void {
  registerScheduleFormActions(app, deps);
  registerConnectionActions(app, deps);
  registerRunSubcommandAction(app, deps);
  registerScheduleCardActions(app, deps);
  registerScheduleMenuActions(app, deps);
  registerRecipientsActions(app, deps);
}
