// `/schedule users …`: Omni email-only users for people outside Omni, and the workspace's rules for turning
// Slack people into recipients. Members may add people and sync a channel (time zone and the admin's
// mappings only); typed attribute values, `set`, `map` and `policy` changes are for workspace admins,
// because user attributes can decide what data a delivery shows.
import {
  DirectoryError,
  findAttribute,
  findProfileField,
  loadAttributes,
  type ProfileFieldDefinition,
  parseRecipientTokens,
  type SlackDirectory,
  storedFieldName,
  TIMEZONE_ATTRIBUTE,
  unknownAttributeMessage,
  unsettableReason,
} from '../../recipients/index.js';
import { workspaceKey } from '../../store/index.js';
import { AccessDeniedError, errorMessage } from '../errors.js';
import { runRecipientChange } from '../recipient-actions/change.js';
import { recipientsContextFor, workspaceDirectory } from '../recipient-actions/context.js';
import { settingsMessage, usersHelpMessage } from '../ui/recipient-settings.js';
import { refusalMessage, skippedLines } from '../ui/recipients-summary.js';
import type { Subcommand, SubcommandContext } from './types.js';
import { UsageError } from './types.js';
import { parseUsersCommand, type UsersCommand } from './users-args.js';

export const usersSubcommand: Subcommand = {
  name: 'users',
  usage: '/schedule users add|set|sync|map|policy …',
  summary: 'email-only users for people outside Omni: add, set attributes, sync a channel, map profile fields, policy',
  access: 'member',
  // `users` alone and `users policy` work without Omni; the others ask for the connection themselves.
  needsConnection: false,
  audit: (args) => {
    const action = args[0]?.toLowerCase();
    if (action === 'add' || action === 'set' || action === 'sync') return 'email_only_users';
    // `map` and `policy` alone only show the settings.
    return (action === 'map' || action === 'policy') && args.length > 1 ? 'recipient_settings' : undefined;
  },
  async run(ctx) {
    const parsed = parseUsersCommand(ctx.rest);
    if (!parsed.ok) throw new UsageError(`${parsed.error} See \`/schedule users help\`.`);
    const command = parsed.command;
    switch (command.action) {
      case 'help':
        return showHelp(ctx);
      case 'add':
      case 'set':
      case 'sync':
        return managePeople(ctx, command);
      case 'map':
        return mapFields(ctx, command.changes);
      case 'policy':
        return setPolicy(ctx, command);
    }
  },
};

async function requireAdmin(ctx: SubcommandContext, what: string): Promise<void> {
  try {
    await ctx.requireAccess('admin');
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      throw new AccessDeniedError(`Only workspace admins and owners can ${what}. Ask one of them.`);
    }
    throw error;
  }
}

async function reply(ctx: SubcommandContext, message: { text: string; blocks?: unknown[] }): Promise<void> {
  await ctx.respond({
    response_type: 'ephemeral',
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks as never } : {}),
  });
}

/** Custom profile field labels by id, for showing mappings; empty when Slack will not say. */
async function fieldLabels(ctx: SubcommandContext): Promise<Map<string, string>> {
  try {
    const { directory } = await workspaceDirectory(ctx.deps, ctx.client, ctx.scope);
    return new Map((await directory.profileFields()).map((f) => [f.id, f.label]));
  } catch (error) {
    ctx.logger.info(`/schedule users: custom profile field labels unavailable: ${errorMessage(error)}`);
    return new Map();
  }
}

async function showHelp(ctx: SubcommandContext): Promise<void> {
  const settings = await ctx.deps.store.settings.get(ctx.scope);
  await reply(ctx, usersHelpMessage(settings, await fieldLabels(ctx)));
}

async function managePeople(ctx: SubcommandContext, command: Extract<UsersCommand, { recipients: string[] }>) {
  if (command.action === 'set' || command.assignments.length > 0) {
    await requireAdmin(ctx, 'type attribute values for email-only users');
  }
  const { inputs, invalid } = parseRecipientTokens(command.recipients);
  if (inputs.length === 0) throw new UsageError(`Nobody to ${command.action}:\n${skippedLines(invalid).join('\n')}`);
  await runRecipientChange({
    command: ctx,
    spec: { op: 'users', action: command.action, inputs, assignments: command.assignments, invalid },
  });
}

async function mapFields(ctx: SubcommandContext, changes: { attribute: string; field: string }[]): Promise<void> {
  const settings = await ctx.deps.store.settings.get(ctx.scope);
  if (changes.length === 0) {
    await reply(ctx, settingsMessage('*How Slack people become Omni recipients*', settings, await fieldLabels(ctx)));
    return;
  }
  await requireAdmin(ctx, 'change attribute mappings');
  // Removing a mapping needs neither Omni nor Slack: an admin can always take out one that broke.
  const adding = changes.filter((c) => c.field !== '');
  const rc =
    adding.length > 0
      ? await recipientsContextFor({ deps: ctx.deps, client: ctx.client, scope: ctx.scope })
      : undefined;
  const attributes = rc ? await loadAttributes(rc) : [];
  const { customFields, unlisted } =
    rc && adding.some((c) => !findProfileField(c.field, []))
      ? await customProfileFields(rc.directory)
      : { customFields: [], unlisted: undefined };
  const mappings = { ...settings.attributeMappings };
  const problems: string[] = [];
  for (const { attribute, field } of changes) {
    const def = findAttribute(attributes, attribute);
    const existing = Object.keys(mappings).find((k) => k.toLowerCase() === attribute.toLowerCase());
    if (field === '') {
      if (existing) delete mappings[existing];
      else problems.push(`\`${attribute}\` is not mapped, so there is nothing to remove.`);
      continue;
    }
    if (!def) {
      problems.push(unknownAttributeMessage(attribute, attributes));
      continue;
    }
    if (def.name === TIMEZONE_ATTRIBUTE) {
      problems.push(
        `\`${TIMEZONE_ATTRIBUTE}\` is always filled from each person’s Slack time zone; it needs no mapping.`,
      );
      continue;
    }
    const unsettable = unsettableReason(def);
    if (unsettable) {
      problems.push(unsettable);
      continue;
    }
    const ref = findProfileField(field, customFields);
    if (!ref) {
      const custom = customFields.map((f) => `“${f.label}”`).join(', ');
      problems.push(
        `Slack has no profile field \`${field}\`. Standard fields: title, phone, display_name, real_name, first_name, last_name, pronouns${custom ? `; custom fields here: ${custom}` : ''}.${unlisted ? ` ${unlisted}` : ''}`,
      );
      continue;
    }
    if (existing) delete mappings[existing];
    mappings[def.name] = storedFieldName(ref);
  }
  const record = (outcome: 'ok' | 'refused', detail: string) =>
    ctx.deps.audit.record({
      workspace: workspaceKey(ctx.scope),
      user: ctx.userId,
      action: 'recipient_settings',
      outcome,
      detail,
    });
  if (problems.length > 0) {
    record('refused', problems.join('; ').slice(0, 300));
    await reply(ctx, refusalMessage([...problems, 'No mapping was changed.']));
    return;
  }
  const updated = await ctx.deps.store.settings.update(ctx.scope, { attributeMappings: mappings });
  record('ok', `mappings: ${Object.keys(updated.attributeMappings).join(', ') || 'none'}`);
  await reply(ctx, settingsMessage(':white_check_mark: Attribute mappings saved.', updated, await fieldLabels(ctx)));
}

/** The workspace's custom profile fields, or why Slack did not list them (said next to an unknown field). */
async function customProfileFields(
  directory: SlackDirectory,
): Promise<{ customFields: ProfileFieldDefinition[]; unlisted?: string }> {
  try {
    return { customFields: await directory.profileFields() };
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    return {
      customFields: [],
      unlisted: `Slack did not list this workspace’s custom profile fields (\`${error.slackError}\`); the app needs the \`users.profile:read\` scope for them.`,
    };
  }
}

async function setPolicy(ctx: SubcommandContext, command: Extract<UsersCommand, { action: 'policy' }>) {
  if (Object.keys(command.patch).length === 0) {
    const settings = await ctx.deps.store.settings.get(ctx.scope);
    await reply(ctx, settingsMessage('*How Slack people become Omni recipients*', settings, await fieldLabels(ctx)));
    return;
  }
  await requireAdmin(ctx, 'change how Slack people become Omni recipients');
  const updated = await ctx.deps.store.settings.update(ctx.scope, command.patch);
  ctx.deps.audit.record({
    workspace: workspaceKey(ctx.scope),
    user: ctx.userId,
    action: 'recipient_settings',
    outcome: 'ok',
    detail: `policy ${updated.nonMemberPolicy}, guests ${updated.includeGuests}, external ${updated.includeExternal}`,
  });
  await reply(ctx, settingsMessage(':white_check_mark: Saved.', updated, await fieldLabels(ctx)));
}
