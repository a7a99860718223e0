// `/schedule status`: which Omni organization, connected by whom and when, and whether Omni answers.
// Never the key.
import { activeConnection } from '../connection.js';
import { errorMessage, userMessageForError } from '../errors.js';
import { buildStatusText } from '../ui/connection.js';
import type { Subcommand, SubcommandContext } from './types.js';

export const statusSubcommand: Subcommand = {
  name: 'status',
  usage: '/schedule status',
  summary: 'which Omni organization this workspace uses, who connected it and when',
  access: 'member',
  needsConnection: false,
  async run(ctx) {
    const actor = await ctx.actor();
    const connection = await activeConnection(ctx.deps, ctx.scope);
    if (!connection) {
      const text = buildStatusText({ kind: 'not_connected', isAdmin: actor.isAdmin || actor.isOwner });
      await ctx.respond({ response_type: 'ephemeral', text });
      return;
    }
    const check = await checkOmni(ctx);
    const dialect = await knownDialect(ctx);
    const text =
      connection.source === 'workspace'
        ? buildStatusText({
            kind: 'workspace',
            baseUrl: connection.baseUrl,
            connectedBy: connection.connectedBy,
            connectedAt: connection.connectedAt,
            rateLimitPerMinute: connection.rateLimitPerMinute,
            check,
            zone: actor.tz,
            dialect,
          })
        : buildStatusText({ kind: 'config', baseUrl: connection.baseUrl, check, dialect });
    await ctx.respond({ response_type: 'ephemeral', text });
  },
};

/** The reading the client has learnt (kept with the stored connection); a failure only loses the line's detail. */
async function knownDialect(ctx: SubcommandContext): Promise<'docs' | 'spec' | undefined> {
  try {
    return await (await ctx.omni()).knownDialect();
  } catch (error) {
    ctx.logger.info(`/schedule status: could not read the learnt reading: ${errorMessage(error)}`);
    return undefined;
  }
}

async function checkOmni(
  ctx: SubcommandContext,
): Promise<{ ok: true; totalSchedules: number } | { ok: false; message: string }> {
  try {
    const omni = await ctx.omni();
    const page = await omni.listSchedules({ pageSize: 1 });
    return { ok: true, totalSchedules: page.pageInfo.totalRecords };
  } catch (error) {
    ctx.logger.info(`/schedule status: Omni check failed: ${errorMessage(error)}`);
    return { ok: false, message: userMessageForError(error) };
  }
}
