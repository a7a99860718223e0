// `/schedule` and `/schedule help`.
import { activeConnection } from '../connection.js';
import { findSubcommand, subcommands } from '../listeners/commands/subcommands.js';
import { getActor } from '../permissions.js';
import { buildHelpMessage } from '../ui/help.js';
import type { Subcommand, SubcommandContext } from './types.js';

export const helpSubcommand: Subcommand = {
  name: 'help',
  usage: '/schedule help',
  summary: 'what this app does and how to use it',
  access: 'member',
  needsConnection: false,
  async run(ctx: SubcommandContext) {
    const actor = await getActor(ctx.deps, ctx.client, ctx.scope, ctx.command.user_id);
    let connection: string | undefined | 'unknown';
    try {
      connection = (await activeConnection(ctx.deps, ctx.scope))?.baseUrl;
    } catch (error) {
      // Help must still help when the store is down; say the state is unknown.
      ctx.logger.warn(`/schedule help: could not read the connection: ${(error as Error).message}`);
      connection = 'unknown';
    }
    const message = buildHelpMessage({
      subcommands,
      connection,
      isAdmin: actor.isAdmin || actor.isOwner,
      canList: findSubcommand('list') !== undefined,
    });
    await ctx.respond({ response_type: 'ephemeral', ...message });
  },
};
