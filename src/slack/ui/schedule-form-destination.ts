// The "Deliver to" part of the schedule form: the destination, then exactly the fields it needs.
// The SFTP password input never carries an initial value: re-renders leave it in Slack's own input
// state, so the password never travels back to Slack in a view (nor into private_metadata).

import type { types } from '@slack/bolt';
import { ActionIds, BlockIds } from '../../ids.js';
import { DESTINATION_KINDS, type DestinationKind, type ScheduleDraft } from '../../schedules/draft.js';
import { WEBHOOK_URL_RULE } from '../../schedules/webhook-url.js';
import { type Block, checkboxes, input, option, plain, staticSelect, textInput } from './schedule-form-parts.js';

export const DESTINATION_LABELS: Readonly<Record<DestinationKind, string>> = {
  'slack-channel': 'A Slack channel',
  'slack-dm': 'Slack direct messages',
  email: 'Email',
  webhook: 'A webhook (HTTPS POST)',
  sftp: 'An SFTP server',
  s3: 'An Amazon S3 bucket',
};

export const FAN_OUT_VALUE = 'fan_out';

export function destinationBlocks(draft: ScheduleDraft, opts: { passwordOnFile?: boolean } = {}): Block[] {
  const kinds = DESTINATION_KINDS.map((kind) => option(DESTINATION_LABELS[kind], kind));
  const { destination } = draft;
  const blocks: Block[] = [
    input(BlockIds.formDestination, staticSelect(ActionIds.formDestinationSelect, kinds, destination.kind), {
      label: 'Deliver to',
      dispatch: true,
    }),
  ];
  switch (destination.kind) {
    case 'slack-channel': {
      const element: types.ConversationsSelect = {
        type: 'conversations_select',
        action_id: ActionIds.formSlackChannelSelect,
        placeholder: plain('Choose a channel', 150),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(destination.channelId ? { initial_conversation: destination.channelId } : {}),
      };
      blocks.push(
        input(BlockIds.formSlackChannel, element, {
          label: 'Channel',
          hint: "Omni posts with its own Slack app (connected in Omni's settings). For a private channel, invite @Omni to it first.",
        }),
        slackMessage(destination.message),
      );
      break;
    }
    case 'slack-dm': {
      const element: types.MultiUsersSelect = {
        type: 'multi_users_select',
        action_id: ActionIds.formSlackUsersSelect,
        placeholder: plain('Choose people', 150),
        ...(destination.userIds.length > 0 ? { initial_users: destination.userIds } : {}),
      };
      blocks.push(input(BlockIds.formSlackUsers, element, { label: 'People' }), slackMessage(destination.message));
      break;
    }
    case 'email': {
      const people: types.MultiUsersSelect = {
        type: 'multi_users_select',
        action_id: ActionIds.formEmailPeopleSelect,
        placeholder: plain('Choose people in Slack', 150),
        ...(destination.userIds.length > 0 ? { initial_users: destination.userIds } : {}),
      };
      const channels: types.MultiConversationsSelect = {
        type: 'multi_conversations_select',
        action_id: ActionIds.formEmailChannelsSelect,
        placeholder: plain('Choose channels', 150),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(destination.channelIds.length > 0 ? { initial_conversations: destination.channelIds } : {}),
      };
      blocks.push(
        input(BlockIds.formEmailPeople, people, {
          label: 'People',
          hint: 'Each gets the email at the address in their Slack profile.',
          optional: true,
        }),
        input(BlockIds.formEmailChannels, channels, {
          label: 'Channels',
          hint: "Every member of each channel gets it at their Slack address; bots are left out, and so are guests and other organizations' people unless this workspace allows them. For a private channel, invite the app first.",
          optional: true,
        }),
        input(
          BlockIds.formEmailAddresses,
          textInput(ActionIds.formEmailAddressesInput, destination.addresses.join(', '), {
            placeholder: 'cfo@example.com, @finance-team',
            multiline: true,
          }),
          {
            label: 'Other addresses or @groups',
            hint: 'Email addresses, and Slack user group handles (@finance-team) for every member of the group. Separate them with commas.',
            optional: true,
          },
        ),
        input(
          BlockIds.formEmailSubject,
          textInput(ActionIds.formEmailSubjectInput, destination.subject, { maxLength: 250 }),
          { label: 'Subject' },
        ),
        input(
          BlockIds.formEmailBody,
          textInput(ActionIds.formEmailBodyInput, destination.body, { multiline: true, maxLength: 3000 }),
          { label: 'Message', optional: true },
        ),
        input(
          BlockIds.formEmailFanOut,
          checkboxes(
            ActionIds.formEmailFanOutCheckboxes,
            [
              option(
                'One personalised email per recipient',
                FAN_OUT_VALUE,
                'Runs the dashboard as each recipient, with their user attributes',
              ),
            ],
            destination.fanOut ? [FAN_OUT_VALUE] : [],
          ),
          { label: 'Personalise', optional: true },
        ),
      );
      break;
    }
    case 'webhook':
      blocks.push(
        input(
          BlockIds.formWebhookUrl,
          textInput(ActionIds.formWebhookUrlInput, destination.url, { placeholder: 'https://example.com/omni-hook' }),
          {
            label: 'Webhook URL',
            hint: `Omni POSTs each delivery here; the receiver must answer HTTP 200. ${WEBHOOK_URL_RULE}`,
          },
        ),
      );
      break;
    case 'sftp':
      blocks.push(
        input(
          BlockIds.formSftpAddress,
          textInput(ActionIds.formSftpAddressInput, destination.address, { placeholder: 'sftp.example.com' }),
          { label: 'SFTP server' },
        ),
        input(
          BlockIds.formSftpPort,
          {
            type: 'number_input',
            action_id: ActionIds.formSftpPortInput,
            is_decimal_allowed: false,
            min_value: '1',
            max_value: '65535',
            ...(destination.port !== undefined ? { initial_value: String(destination.port) } : {}),
          },
          { label: 'Port' },
        ),
        input(BlockIds.formSftpUsername, textInput(ActionIds.formSftpUsernameInput, destination.username), {
          label: 'User name',
        }),
        input(BlockIds.formSftpPassword, textInput(ActionIds.formSftpPasswordInput, undefined), {
          label: 'Password',
          hint: opts.passwordOnFile
            ? 'Leave empty to keep the password Omni has. Omni stores it encrypted; this app keeps no copy.'
            : 'Sent to Omni, which stores it encrypted; this app keeps no copy. Slack shows it as you type.',
          optional: opts.passwordOnFile === true,
        }),
      );
      break;
    case 's3':
      blocks.push(
        input(
          BlockIds.formS3Bucket,
          textInput(ActionIds.formS3BucketInput, destination.bucketName, {
            placeholder: 'my-reports-bucket',
            maxLength: 63,
          }),
          { label: 'Bucket' },
        ),
        input(
          BlockIds.formS3Region,
          textInput(ActionIds.formS3RegionInput, destination.region, { placeholder: 'us-east-1' }),
          { label: 'Region' },
        ),
        input(
          BlockIds.formS3RoleArn,
          textInput(ActionIds.formS3RoleArnInput, destination.roleArn, {
            placeholder: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
          }),
          {
            label: 'IAM role ARN',
            hint: "The role Omni assumes to write. After saving, the app shows the values for the role's trust policy.",
          },
        ),
        input(
          BlockIds.formS3KeyPrefix,
          textInput(ActionIds.formS3KeyPrefixInput, destination.keyPrefix, { placeholder: 'reports/weekly/' }),
          { label: 'Folder (key prefix)', optional: true },
        ),
      );
      break;
  }
  return blocks;
}

function slackMessage(message: string): Block {
  return input(
    BlockIds.formSlackMessage,
    textInput(ActionIds.formSlackMessageInput, message, { multiline: true, maxLength: 3000 }),
    { label: 'Message', hint: 'Posted with each delivery; Slack formatting works.', optional: true },
  );
}
