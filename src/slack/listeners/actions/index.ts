// Block actions: action id → handler. Each handler is a few lines that hand the request's Interaction
// to a feature function (src/slack/schedule-actions, schedule-form, recipient-actions, commands).
import type {
  App,
  BlockAction,
  BlockButtonAction,
  BlockStaticSelectAction,
  ConversationsSelectAction,
  OverflowAction,
  UsersSelectAction,
} from '@slack/bolt';
import { ActionIds, PeopleActionIds, WatchActionIds } from '../../../ids.js';
import { onDisconnect, onOpenConnect } from './connection.js';
import { onHomeAlertsChannel, onHomeAlertsOff } from './home-alerts.js';
import {
  onTransferOwnership as onDepartedOwnerTransfer,
  onFollowPicked,
  onRemoveFromAll,
  onRemoveFromOne,
  onTransferOwnerPicked,
  onUnfollow,
} from './people.js';
import { removeRecipientButton, showRecipientsButton, subscribeButton } from './recipients.js';
import { onPickScheduleButton, onSubcommandButton } from './run-subcommand.js';
import { onCancelDelete, onScheduleButton } from './schedule-card.js';
import { FORM_ACTION, onOpenFormButton, onScheduleFormInput } from './schedule-form.js';
import { onListPage, onRefreshHome, onRowMenu } from './schedule-menu.js';
import { onTransferOwnership } from './transfer.js';
import { onAlertSnooze, onCardSnooze, onMuteAlert, onOpenInOmni, onSnoozeResumeNow } from './watch.js';

export function register(app: App): void {
  // The schedule form: opening it, and its inputs that change its shape.
  app.action<BlockButtonAction>(ActionIds.openCreateButton, onOpenFormButton('create'));
  app.action<BlockButtonAction>(ActionIds.editScheduleButton, onOpenFormButton('edit'));
  app.action<BlockButtonAction>(ActionIds.duplicateScheduleButton, onOpenFormButton('duplicate'));
  app.action<BlockAction>({ type: 'block_actions', action_id: FORM_ACTION }, onScheduleFormInput);
  // The connection (help, App Home, /schedule status).
  app.action<BlockButtonAction>(ActionIds.openConnectButton, onOpenConnect);
  app.action<BlockButtonAction>(ActionIds.disconnectButton, onDisconnect);
  // Help's "List schedules": the subcommand the button names.
  // (`run_subcommand_button` and its suffixed forms: action ids must differ within one block.)
  app.action<BlockButtonAction>(new RegExp(`^${ActionIds.runSubcommandButton}(:|$)`), onSubcommandButton);
  // A schedule picked where its name matched several: the same subcommand, with its id.
  app.action<BlockButtonAction>(ActionIds.pickScheduleButton, onPickScheduleButton);
  // A schedule's card.
  app.action<BlockButtonAction>(ActionIds.runNowButton, onScheduleButton('run'));
  // The answer to a run held back (run within the last minute) or of unknown outcome: confirmed.
  app.action<BlockButtonAction>(ActionIds.runAgainButton, onScheduleButton('run', { force: true }));
  app.action<BlockButtonAction>(ActionIds.pauseScheduleButton, onScheduleButton('pause'));
  app.action<BlockButtonAction>(ActionIds.resumeScheduleButton, onScheduleButton('resume'));
  app.action<BlockButtonAction>(ActionIds.deleteScheduleButton, onScheduleButton('delete'));
  app.action<BlockButtonAction>(ActionIds.cancelDeleteButton, onCancelDelete);
  app.action<BlockButtonAction>(ActionIds.transferOwnershipButton, onTransferOwnership);
  // A list row's menu, the list's pages, App Home's Refresh.
  app.action<BlockAction<OverflowAction>>(ActionIds.scheduleRowOverflow, onRowMenu);
  app.action<BlockButtonAction>(ActionIds.listNextPageButton, onListPage);
  app.action<BlockButtonAction>(ActionIds.listPreviousPageButton, onListPage);
  app.action<BlockButtonAction>(ActionIds.refreshHomeButton, onRefreshHome);
  // App Home's failure-alerts controls (admins): a channel picked turns alerts on there; Turn off.
  app.action<BlockAction<ConversationsSelectAction>>(WatchActionIds.homeAlertsChannel, onHomeAlertsChannel);
  app.action<BlockButtonAction>(WatchActionIds.homeAlertsOff, onHomeAlertsOff);
  // Recipients.
  app.action<BlockButtonAction>(ActionIds.subscribeButton, subscribeButton('subscribe'));
  app.action<BlockButtonAction>(ActionIds.unsubscribeButton, subscribeButton('unsubscribe'));
  app.action<BlockButtonAction>(ActionIds.showRecipientsButton, showRecipientsButton);
  app.action<BlockButtonAction>(ActionIds.removeRecipientButton, removeRecipientButton);
  // People: the departure message's buttons, and a card's Unfollow.
  app.action<BlockButtonAction>(PeopleActionIds.removeFromAll, onRemoveFromAll);
  app.action<BlockButtonAction>(new RegExp(`^${PeopleActionIds.removeFromOne}:`), onRemoveFromOne);
  app.action<BlockButtonAction>(PeopleActionIds.transferOwnership, onDepartedOwnerTransfer);
  app.action<BlockAction<UsersSelectAction>>(PeopleActionIds.transferOwnerSelect, onTransferOwnerPicked);
  app.action<BlockButtonAction>(PeopleActionIds.unfollow, onUnfollow);
  app.action<BlockAction<ConversationsSelectAction>>(PeopleActionIds.followSource, onFollowPicked);
  // The failure-alert card, and a snoozed schedule's Resume now.
  app.action<BlockButtonAction>(WatchActionIds.alertRunAgain, onScheduleButton('run'));
  app.action<BlockButtonAction>(WatchActionIds.alertPause, onScheduleButton('pause'));
  app.action<BlockButtonAction>(WatchActionIds.alertEdit, onOpenFormButton('edit'));
  app.action<BlockButtonAction>(WatchActionIds.alertOpenInOmni, onOpenInOmni);
  app.action<BlockButtonAction>(WatchActionIds.alertMute, onMuteAlert);
  app.action<BlockButtonAction>(WatchActionIds.snoozeResumeNow, onSnoozeResumeNow);
  app.action<BlockStaticSelectAction>(WatchActionIds.alertSnooze, onAlertSnooze);
  app.action<BlockStaticSelectAction>(WatchActionIds.cardSnooze, onCardSnooze);
}
