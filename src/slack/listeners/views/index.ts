// Modal submissions and closes: callback id → handler.
import type { App, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';
import { CallbackIds } from '../../../ids.js';
import { connectViewCallback } from './connect.js';
import { onRecipientsAdd, onRecipientsClosed } from './recipients.js';
import { onScheduleCardClosed } from './schedule-card-modal.js';
import { onScheduleConfirm } from './schedule-confirm.js';
import { scheduleFormSubmitCallback } from './schedule-form.js';
import { onTransferSubmit } from './transfer.js';

export function register(app: App): void {
  app.view<ViewSubmitAction>(
    { callback_id: CallbackIds.scheduleFormView, type: 'view_submission' },
    scheduleFormSubmitCallback(),
  );
  app.view(CallbackIds.connectView, connectViewCallback());
  app.view<ViewSubmitAction>(
    { callback_id: CallbackIds.transferOwnershipView, type: 'view_submission' },
    onTransferSubmit,
  );
  app.view<ViewSubmitAction>(CallbackIds.confirmRunView, onScheduleConfirm('run'));
  app.view<ViewSubmitAction>(CallbackIds.confirmDeleteView, onScheduleConfirm('delete'));
  app.view<ViewClosedAction>({ callback_id: CallbackIds.scheduleCardView, type: 'view_closed' }, onScheduleCardClosed);
  app.view<ViewClosedAction>({ callback_id: CallbackIds.recipientsView, type: 'view_closed' }, onRecipientsClosed);
  app.view<ViewSubmitAction>({ callback_id: CallbackIds.recipientsView, type: 'view_submission' }, onRecipientsAdd);
}
