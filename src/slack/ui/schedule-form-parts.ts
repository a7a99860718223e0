// Small Block Kit pieces for the schedule form, and where each draft field lives in it.
import type { types } from '@slack/bolt';
import { BlockIds } from '../../ids.js';
import type { DraftField, ScheduleDraft } from '../../schedules/draft.js';
import { type Block, type Option, plain } from './blocks.js';
import { truncate } from './format.js';

export { type Block, context, mrkdwn, type Option, plain } from './blocks.js';

/** An option: text ≤75, value ≤75 (Slack's safe bounds). */
export const option = (text: string, value: string, description?: string): Option => ({
  text: plain(text, 75),
  value: value.slice(0, 75),
  ...(description ? { description: plain(description, 75) } : {}),
});

export interface InputOptions {
  label: string;
  hint?: string;
  optional?: boolean;
  /** Send block_actions when the value changes, so the form can re-render. */
  dispatch?: boolean;
}

export function input(blockId: string, element: types.InputBlockElement, opts: InputOptions): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(opts.label, 2000),
    element,
    optional: opts.optional ?? false,
    dispatch_action: opts.dispatch ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
}

export function textInput(
  actionId: string,
  initial: string | undefined,
  opts: { placeholder?: string; multiline?: boolean; maxLength?: number; dispatchOnEnter?: boolean } = {},
): types.PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: actionId,
    ...(initial ? { initial_value: truncate(initial, opts.maxLength ?? 3000) } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
    ...(opts.multiline ? { multiline: true } : {}),
    ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
    ...(opts.dispatchOnEnter ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
  };
}

export function staticSelect(
  actionId: string,
  options: Option[],
  initialValue?: string,
  placeholder = 'Choose…',
): types.StaticSelect {
  const initial = initialValue === undefined ? undefined : options.find((o) => o.value === initialValue);
  return {
    type: 'static_select',
    action_id: actionId,
    placeholder: plain(placeholder, 150),
    options: options.slice(0, 100),
    ...(initial ? { initial_option: initial } : {}),
  };
}

export function checkboxes(actionId: string, options: Option[], checked: readonly string[]): types.Checkboxes {
  const initial = options.filter((o) => o.value !== undefined && checked.includes(o.value));
  return {
    type: 'checkboxes',
    action_id: actionId,
    options: options.slice(0, 10),
    ...(initial.length > 0 ? { initial_options: initial } : {}),
  };
}

/**
 * Slack keeps what was typed into an input across views.update while its block_id stays the same.
 * A block whose choices or suggested value must change (the options of another format, the filters
 * of another dashboard, a new suggested name) gets a new id: its base plus `~~` and a version.
 */
export const versioned = (base: string, version: string | number): string => `${base}~~${version}`;

/** The base of a possibly versioned block id. */
export const baseBlockId = (blockId: string): string => blockId.split('~~')[0] ?? blockId;

/** The input block a field's error belongs on in the form as built for this draft; undefined when none shows it. */
export function blockIdForField(field: DraftField, draft: ScheduleDraft): string | undefined {
  if (field.startsWith('filter:')) return `${BlockIds.formFilterPrefix}${field.slice('filter:'.length)}`;
  if (field === 'when') return whenBlockId(draft);
  if (field === 'paperFormat' || field === 'paperOrientation') {
    return draft.format === 'pdf' ? FIELD_BLOCKS[field] : BlockIds.formFormat;
  }
  if (field === 'alertTile' && draft.alert.kind === 'none') return BlockIds.formAlert;
  const block = FIELD_BLOCKS[field as Exclude<DraftField, `filter:${string}`>];
  if (block === undefined) return undefined;
  const destinationBlocks = DESTINATION_FIELD_BLOCKS[draft.destination.kind];
  const isDestinationField = Object.values(DESTINATION_FIELD_BLOCKS).some((blocks) => blocks.includes(block));
  if (isDestinationField && !destinationBlocks.includes(block)) return BlockIds.formDestination;
  return block;
}

function whenBlockId(draft: ScheduleDraft): string {
  switch (draft.when.kind) {
    case 'custom':
      return BlockIds.formCron;
    case 'weekly':
      return BlockIds.formDays;
    case 'hourly':
      return BlockIds.formMinute;
    case 'monthly':
      return BlockIds.formDayOfMonth;
    default:
      return BlockIds.formTime;
  }
}

const FIELD_BLOCKS: Partial<Record<Exclude<DraftField, `filter:${string}`>, string>> = {
  dashboard: BlockIds.formDashboard,
  name: BlockIds.formName,
  repeat: BlockIds.formRepeat,
  timezone: BlockIds.formTimezone,
  destination: BlockIds.formDestination,
  slackChannel: BlockIds.formSlackChannel,
  slackUsers: BlockIds.formSlackUsers,
  slackMessage: BlockIds.formSlackMessage,
  emailPeople: BlockIds.formEmailPeople,
  emailChannels: BlockIds.formEmailChannels,
  emailAddresses: BlockIds.formEmailAddresses,
  emailSubject: BlockIds.formEmailSubject,
  emailBody: BlockIds.formEmailBody,
  emailFanOut: BlockIds.formEmailFanOut,
  webhookUrl: BlockIds.formWebhookUrl,
  sftpAddress: BlockIds.formSftpAddress,
  sftpPort: BlockIds.formSftpPort,
  sftpUsername: BlockIds.formSftpUsername,
  sftpPassword: BlockIds.formSftpPassword,
  s3Bucket: BlockIds.formS3Bucket,
  s3Region: BlockIds.formS3Region,
  s3RoleArn: BlockIds.formS3RoleArn,
  s3KeyPrefix: BlockIds.formS3KeyPrefix,
  format: BlockIds.formFormat,
  formatOptions: BlockIds.formOptions,
  paperFormat: BlockIds.formPaperFormat,
  paperOrientation: BlockIds.formPaperOrientation,
  content: BlockIds.formContent,
  rowLimit: BlockIds.formRowLimit,
  alert: BlockIds.formAlert,
  alertTile: BlockIds.formAlertTile,
  testNow: BlockIds.formTestNow,
};

const DESTINATION_FIELD_BLOCKS: Record<ScheduleDraft['destination']['kind'], readonly string[]> = {
  'slack-channel': [BlockIds.formSlackChannel, BlockIds.formSlackMessage],
  'slack-dm': [BlockIds.formSlackUsers, BlockIds.formSlackMessage],
  email: [
    BlockIds.formEmailPeople,
    BlockIds.formEmailChannels,
    BlockIds.formEmailAddresses,
    BlockIds.formEmailSubject,
    BlockIds.formEmailBody,
    BlockIds.formEmailFanOut,
  ],
  webhook: [BlockIds.formWebhookUrl],
  sftp: [BlockIds.formSftpAddress, BlockIds.formSftpPort, BlockIds.formSftpUsername, BlockIds.formSftpPassword],
  s3: [BlockIds.formS3Bucket, BlockIds.formS3Region, BlockIds.formS3RoleArn, BlockIds.formS3KeyPrefix],
};
