import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { registerConnectView } from './connect.js';
import { registerRecipientsView } from './recipients.js';
import { registerScheduleCardModal } from './schedule-card-modal.js';
import { registerScheduleConfirmViews } from './schedule-confirm.js';
import { registerScheduleFormView } from './schedule-form.js';

export function register(app: App, deps: AppDeps): void {
  registerScheduleFormView(app, deps);
  registerConnectView(app, deps);
  registerScheduleConfirmViews(app, deps);
  registerScheduleCardModal(app, deps);
  registerRecipientsView(app, deps);
}
