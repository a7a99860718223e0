// `/schedule disconnect` (admins): asks for confirmation; listeners/actions/connection.ts deletes.
import { activeConnection } from '../connection.js';
import { buildDisconnectPrompt } from '../ui/connection.js';
import type { Subcommand } from './types.js';

export const disconnectSubcommand: Subcommand = {
  name: 'disconnect',
  usage: '/schedule disconnect',
  summary: "remove this workspace's Omni connection and its saved key (admins)",
  access: 'admin',
  needsConnection: false,
  audit: 'disconnect',
  async run(ctx) {
    const connection = await activeConnection(ctx.deps, ctx.scope);
    if (!connection) {
      await ctx.respond({
        response_type: 'ephemeral',
        text: 'This workspace is not connected to Omni, so there is nothing to disconnect.',
      });
      return;
    }
    if (connection.source === 'config') {
      await ctx.respond({
        response_type: 'ephemeral',
        text: "This workspace uses the Omni connection configured on the app's server (OMNI_BASE_URL and OMNI_API_KEY). To disconnect, remove those from the app's configuration and restart it.",
      });
      return;
    }
    await ctx.respond({ response_type: 'ephemeral', ...buildDisconnectPrompt({ baseUrl: connection.baseUrl }) });
  },
};
