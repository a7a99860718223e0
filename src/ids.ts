// Every Slack id the app uses (commands, callback ids, action ids, block ids), once.
// manifest.yml must agree with these; test/slack/manifest.test.ts checks both ways.

export const Commands = {
  schedule: '/schedule',
} as const;

export const CallbackIds = {
  // --- core (connect, disconnect)
  connectView: 'connect_omni_view',
  // --- message shortcut "Create Omni schedule" (declared in manifest.yml; handled by the schedule form)
  createFromMessageShortcut: 'create_from_message_shortcut',
  // --- schedules (cards, list, App Home)
  confirmRunView: 'confirm_run_schedule_view',
  confirmDeleteView: 'confirm_delete_schedule_view',
  scheduleCardView: 'schedule_card_view',
  // --- the schedule form (create / edit / duplicate)
  scheduleFormView: 'schedule_form_view',
  // --- recipients (who receives a schedule)
  recipientsView: 'schedule_recipients_view',
  // --- a schedule's owner in Omni
  transferOwnershipView: 'transfer_ownership_view',
} as const;

export const ActionIds = {
  // --- core (help, connection, cards, list, home)
  openConnectButton: 'open_connect_button',
  disconnectButton: 'disconnect_omni_button',
  /** Help's buttons that run a subcommand (value: its name, e.g. `list`). */
  runSubcommandButton: 'run_subcommand_button',
  /** A schedule picked where a name matched several (value: the subcommand, the id, then its other words). */
  pickScheduleButton: 'pick_schedule_button',
  omniBaseUrlField: 'omni_base_url_input',
  omniApiKeyField: 'omni_api_key_input',
  omniRateLimitField: 'omni_rate_limit_input',
  // --- cross-feature buttons: shown by help, cards and App Home; handled by the feature named
  openCreateButton: 'open_create_button', // the schedule form
  editScheduleButton: 'edit_schedule_button', // the schedule form
  duplicateScheduleButton: 'duplicate_schedule_button', // the schedule form
  showRecipientsButton: 'show_recipients_button', // recipients
  subscribeButton: 'subscribe_button', // recipients
  unsubscribeButton: 'unsubscribe_button', // recipients
  // --- recipients: the Recipients modal's per-person button (value: the recipient's email)
  removeRecipientButton: 'remove_recipient_button',
  // --- recipients: the Recipients modal's add section (submitted with its Add button)
  recipientsAddPeopleSelect: 'recipients_add_people_select',
  recipientsAddChannelsSelect: 'recipients_add_channels_select',
  recipientsAddGroupsSelect: 'recipients_add_groups_select', // multi external select (options: user groups)
  recipientsAddAddressesInput: 'recipients_add_addresses_input',
  // --- schedules (cards, list, App Home)
  runNowButton: 'run_now_button',
  /** value: the schedule id; runs it although someone ran it within the last minute (they confirmed). */
  runAgainButton: 'run_again_button',
  pauseScheduleButton: 'pause_schedule_button',
  resumeScheduleButton: 'resume_schedule_button',
  deleteScheduleButton: 'delete_schedule_button',
  cancelDeleteButton: 'cancel_delete_button',
  scheduleRowOverflow: 'schedule_row_overflow',
  listNextPageButton: 'list_next_page_button',
  listPreviousPageButton: 'list_previous_page_button',
  refreshHomeButton: 'refresh_home_button',
  /** The card's Transfer ownership (value: the schedule id), and the new owner picker in its modal. */
  transferOwnershipButton: 'transfer_ownership_button',
  transferOwnerSelect: 'transfer_owner_select',
  // --- the schedule form's elements (those marked * re-render the form when changed)
  formDashboardSelect: 'schedule_form_dashboard_select', // * external select (options: dashboards)
  formNameInput: 'schedule_form_name_input',
  formRepeatSelect: 'schedule_form_repeat_select', // *
  formMinuteSelect: 'schedule_form_minute_select', // *
  formTimePicker: 'schedule_form_time_picker', // *
  formDaysCheckboxes: 'schedule_form_days_checkboxes', // *
  formDayOfMonthSelect: 'schedule_form_day_of_month_select', // *
  formCronInput: 'schedule_form_cron_input', // * (on Enter)
  formTimezoneSelect: 'schedule_form_timezone_select', // * external select (options: time zones)
  formDestinationSelect: 'schedule_form_destination_select', // *
  formSlackChannelSelect: 'schedule_form_slack_channel_select',
  formSlackUsersSelect: 'schedule_form_slack_users_select',
  formSlackMessageInput: 'schedule_form_slack_message_input',
  formEmailPeopleSelect: 'schedule_form_email_people_select',
  formEmailChannelsSelect: 'schedule_form_email_channels_select',
  formEmailAddressesInput: 'schedule_form_email_addresses_input',
  formEmailSubjectInput: 'schedule_form_email_subject_input',
  formEmailBodyInput: 'schedule_form_email_body_input',
  formEmailFanOutCheckboxes: 'schedule_form_email_fan_out_checkboxes',
  formWebhookUrlInput: 'schedule_form_webhook_url_input',
  formSftpAddressInput: 'schedule_form_sftp_address_input',
  formSftpPortInput: 'schedule_form_sftp_port_input',
  formSftpUsernameInput: 'schedule_form_sftp_username_input',
  formSftpPasswordInput: 'schedule_form_sftp_password_input',
  formS3BucketInput: 'schedule_form_s3_bucket_input',
  formS3RegionInput: 'schedule_form_s3_region_input',
  formS3RoleArnInput: 'schedule_form_s3_role_arn_input',
  formS3KeyPrefixInput: 'schedule_form_s3_key_prefix_input',
  formFormatSelect: 'schedule_form_format_select', // *
  formOptionsCheckboxes: 'schedule_form_options_checkboxes',
  formPaperFormatSelect: 'schedule_form_paper_format_select', // *
  formPaperOrientationSelect: 'schedule_form_paper_orientation_select',
  formFilterInput: 'schedule_form_filter_input',
  formContentSelect: 'schedule_form_content_select',
  formRowLimitInput: 'schedule_form_row_limit_input',
  formAlertSelect: 'schedule_form_alert_select', // *
  formAlertTileSelect: 'schedule_form_alert_tile_select',
  formTestNowCheckboxes: 'schedule_form_test_now_checkboxes', // *
} as const;

export const BlockIds = {
  // --- core
  omniBaseUrlInput: 'omni_base_url_block',
  omniApiKeyInput: 'omni_api_key_block',
  omniRateLimitInput: 'omni_rate_limit_block',
  // --- schedules (cards, list, App Home)
  scheduleCardActions: 'schedule_card_actions',
  /** An email schedule's card: Recipients, Subscribe, Unsubscribe (a second row under the card's own buttons). */
  scheduleCardRecipients: 'schedule_card_recipients',
  listNavigation: 'schedule_list_navigation',
  scheduleNotice: 'schedule_notice',
  transferOwnerInput: 'transfer_owner_block',
  // --- the Recipients modal's add section
  recipientsAddPeople: 'recipients_add_people_block',
  recipientsAddChannels: 'recipients_add_channels_block',
  recipientsAddGroups: 'recipients_add_groups_block',
  recipientsAddAddresses: 'recipients_add_addresses_block',
  // --- the schedule form's blocks (one per field; filters are `formFilterPrefix` + filter key)
  formNotice: 'schedule_form_notice_block',
  formDashboard: 'schedule_form_dashboard_block',
  formName: 'schedule_form_name_block',
  formRepeat: 'schedule_form_repeat_block',
  formMinute: 'schedule_form_minute_block',
  formTime: 'schedule_form_time_block',
  formDays: 'schedule_form_days_block',
  formDayOfMonth: 'schedule_form_day_of_month_block',
  formCron: 'schedule_form_cron_block',
  formWhenPreview: 'schedule_form_when_preview_block',
  formTimezone: 'schedule_form_timezone_block',
  formDestination: 'schedule_form_destination_block',
  formSlackChannel: 'schedule_form_slack_channel_block',
  formSlackUsers: 'schedule_form_slack_users_block',
  formSlackMessage: 'schedule_form_slack_message_block',
  formEmailPeople: 'schedule_form_email_people_block',
  formEmailChannels: 'schedule_form_email_channels_block',
  formEmailAddresses: 'schedule_form_email_addresses_block',
  formEmailSubject: 'schedule_form_email_subject_block',
  formEmailBody: 'schedule_form_email_body_block',
  formEmailFanOut: 'schedule_form_email_fan_out_block',
  formWebhookUrl: 'schedule_form_webhook_url_block',
  formSftpAddress: 'schedule_form_sftp_address_block',
  formSftpPort: 'schedule_form_sftp_port_block',
  formSftpUsername: 'schedule_form_sftp_username_block',
  formSftpPassword: 'schedule_form_sftp_password_block',
  formS3Bucket: 'schedule_form_s3_bucket_block',
  formS3Region: 'schedule_form_s3_region_block',
  formS3RoleArn: 'schedule_form_s3_role_arn_block',
  formS3KeyPrefix: 'schedule_form_s3_key_prefix_block',
  formFormat: 'schedule_form_format_block',
  formOptions: 'schedule_form_options_block',
  formPaperFormat: 'schedule_form_paper_format_block',
  formPaperOrientation: 'schedule_form_paper_orientation_block',
  formFilterPrefix: 'schedule_form_filter_block:',
  formContent: 'schedule_form_content_block',
  formRowLimit: 'schedule_form_row_limit_block',
  formAlert: 'schedule_form_alert_block',
  formAlertTile: 'schedule_form_alert_tile_block',
  formTestNow: 'schedule_form_test_now_block',
} as const;

/** Who receives what, offboarding and follows (src/slack/ui/offboarding-message.ts, follow-label.ts). */
export const PeopleActionIds = {
  removeFromAll: 'people_remove_from_all_button',
  removeFromOne: 'people_remove_from_one_button',
  transferOwnership: 'people_transfer_ownership_button',
  followSource: 'people_follow_source_select',
  unfollow: 'people_unfollow_button',
  /** The new owner's picker that Transfer ownership shows. */
  transferOwnerSelect: 'people_transfer_owner_select',
} as const;

/** Block ids of the people features' messages. */
export const PeopleBlockIds = {
  /** `/schedule who`'s rows: `people_who_row_<n>` (their menu is the list's). */
  whoRowPrefix: 'people_who_row_',
  /** Transfer ownership's picker: `people_transfer_owner:<the leaver's email>`. */
  transferOwnerPrefix: 'people_transfer_owner:',
  /** The card's Follow picker: `people_follow:<schedule id>`. */
  followPrefix: 'people_follow:',
} as const;

/** Failure-alert card and snooze (watch): button action ids; each button's value is the schedule id. */
export const WatchActionIds = {
  alertRunAgain: 'watch_alert_run_again',
  alertPause: 'watch_alert_pause',
  alertEdit: 'watch_alert_edit',
  alertOpenInOmni: 'watch_alert_open_in_omni',
  alertMute: 'watch_alert_mute',
  snoozeResumeNow: 'watch_snooze_resume_now',
  /** The alert card's Snooze menu: each option's value is `<duration>|<schedule id>`. */
  alertSnooze: 'watch_alert_snooze',
  /** The schedule card's "Snooze…" menu (in its actions row): option values as alertSnooze's. */
  cardSnooze: 'watch_card_snooze',
  /** App Home's alerts line (admins and owners): the channel picker that turns alerts on there, and Turn off. */
  homeAlertsChannel: 'watch_home_alerts_channel',
  homeAlertsOff: 'watch_home_alerts_off',
} as const;
