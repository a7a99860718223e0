// `/schedule connect` (admins): opens the connect modal; listeners/views/connect.ts checks and saves it.

import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { WorkspaceScope } from '../../store/index.js';
import { storedConnection } from '../connection.js';
import type { AppDeps } from '../deps.js';
import { errorMessage } from '../errors.js';
import { buildConnectModal } from '../ui/connection.js';
import type { Subcommand } from './types.js';

export const connectSubcommand: Subcommand = {
  name: 'connect',
  usage: '/schedule connect',
  summary: 'connect this workspace to your Omni organization (admins)',
  access: 'admin',
  needsConnection: false,
  audit: 'connect',
  async run(ctx) {
    await openConnectModal(ctx.deps, ctx.client, ctx.scope, ctx.triggerId, ctx.logger);
  },
};

/** Opens the modal at once (the trigger id lives 3 s); prefilled with the current URL, never the key. */
export async function openConnectModal(
  deps: Pick<AppDeps, 'store'>,
  client: WebClient,
  scope: WorkspaceScope,
  triggerId: string,
  logger: Logger,
): Promise<void> {
  let current: Awaited<ReturnType<typeof storedConnection>>;
  try {
    current = await storedConnection(deps, scope);
  } catch (error) {
    logger.warn(`connect: could not read the current connection to prefill the form: ${errorMessage(error)}`);
  }
  await client.views.open({
    trigger_id: triggerId,
    view: buildConnectModal({ currentBaseUrl: current?.baseUrl, rateLimitPerMinute: current?.rateLimitPerMinute }),
  });
}
