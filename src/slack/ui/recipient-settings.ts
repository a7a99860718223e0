// How the workspace turns Slack people into Omni recipients: the policy for non-members, whether guests
// and external people count, and which Slack profile fields fill which Omni attributes. Pure.
import type { WorkspaceSettings } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { USERS_USAGE } from '../commands/users-args.js';
import { section } from './blocks.js';

import type { SlackMessage } from './schedule-card.js';

/** `labels`: custom profile field id → its label, to show `Xf01` as “Department”. */
export function settingsLines(settings: WorkspaceSettings, labels: ReadonlyMap<string, string> = new Map()): string[] {
  const policy =
    settings.nonMemberPolicy === 'email_only_user'
      ? '*People who are not Omni users:* the app creates them as email-only users first (`email_only_user`), with their Slack time zone and the mapped attributes.'
      : '*People who are not Omni users:* added by email; Omni makes them email-only users itself, without attributes (`plain_email`).';
  const lines = [
    policy,
    `*Guests:* ${settings.includeGuests ? 'included' : 'left out'} (\`guests:${settings.includeGuests ? 'on' : 'off'}\`).`,
    `*People from other organizations (Slack Connect):* ${settings.includeExternal ? 'included' : 'left out'} (\`external:${settings.includeExternal ? 'on' : 'off'}\`).`,
  ];
  const mappings = Object.entries(settings.attributeMappings);
  lines.push(
    mappings.length === 0
      ? '*Attribute mappings:* none (`/schedule users map <omni attribute>=<Slack profile field>` adds one).'
      : `*Attribute mappings:*\n${mappings.map(([attribute, field]) => `• \`${escapeSlackText(attribute)}\` ← Slack ${fieldName(field, labels)}`).join('\n')}`,
  );
  return lines;
}

export function fieldName(field: string, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(field);
  return label ? `“${escapeSlackText(label)}” (\`${escapeSlackText(field)}\`)` : `\`${escapeSlackText(field)}\``;
}

export function settingsMessage(
  headline: string,
  settings: WorkspaceSettings,
  labels?: ReadonlyMap<string, string>,
): SlackMessage {
  const lines = settingsLines(settings, labels);
  return { text: `${headline}\n${lines.join('\n')}`, blocks: [section(headline), section(lines.join('\n'))] };
}

export function usersHelpMessage(settings: WorkspaceSettings, labels?: ReadonlyMap<string, string>): SlackMessage {
  const intro =
    '*Email-only users* receive Omni deliveries without an Omni account, rendered in their own time zone and with their own attributes. ' +
    'Members can add people and sync a channel; typing attribute values, `set`, `map` and `policy` changes are for workspace admins.';
  const usage = USERS_USAGE.map((u) => `• \`${u}\``).join('\n');
  const current = settingsLines(settings, labels).join('\n');
  return {
    text: `${intro}\n${usage}`,
    blocks: [section(intro), section(usage), section(`*This workspace*\n${current}`)],
  };
}
