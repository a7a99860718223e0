// `/schedule alerts`: the failure watch's setting, last check and what is failing now; `alerts on #channel`
// and `alerts off` (admins) turn it on and off. Turning it on posts a note in the channel first, so a channel
// the app cannot post in is refused now rather than at the first failure.

import { workspaceKey } from '../../store/index.js';
import { setWatch, watchStatus } from '../../watch/watcher.js';
import { buildAlertsStatus } from '../ui/alerts-status.js';
import { watchServices } from '../watch-services.js';
import { type Subcommand, type SubcommandContext, UsageError } from './types.js';

const USAGE = '/schedule alerts [on #channel | off]';

/** `<#C123|name>` (Slack's escaped channel) or a bare id; plain `#name` cannot be resolved without a lookup. */
export function parseChannelArgument(arg: string | undefined, here: string): string {
  if (arg === undefined) return here;
  const linked = /^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/.exec(arg);
  if (linked?.[1]) return linked[1];
  if (/^[CG][A-Z0-9]{6,}$/.test(arg)) return arg;
  throw new UsageError(
    `I could not tell which channel \`${arg}\` is: pick it from the list Slack shows when you type \`#\`, or run \`/schedule alerts on\` in the channel itself.`,
  );
}

export const alertsSubcommand: Subcommand = {
  name: 'alerts',
  usage: USAGE,
  summary: 'failure alerts: see what is failing; admins turn them on in a channel or off',
  access: 'member',
  needsConnection: false,
  audit: (args) => (args[0] === 'on' || args[0] === 'off' ? 'alerts' : undefined),
  async run(ctx) {
    const [verb, channelArg, ...extra] = ctx.args.map((a) => a.trim());
    if (verb === undefined || verb === 'status') return showStatus(ctx);
    if (verb !== 'on' && verb !== 'off')
      throw new UsageError(`\`alerts\` takes \`on #channel\` or \`off\`, not \`${verb}\`.`);
    if (extra.length > 0 || (verb === 'off' && channelArg !== undefined))
      throw new UsageError(`\`alerts ${verb}\` takes ${verb === 'on' ? 'one channel' : 'nothing more'}.`);
    await ctx.requireAccess('admin');
    const { records } = watchServices(ctx.deps);
    const team = workspaceKey(ctx.scope);
    const at = ctx.deps.now().getTime();
    if (verb === 'off') {
      await setWatch(records, team, { enabled: false, by: ctx.userId }, at);
      ctx.deps.audit.record({ workspace: team, user: ctx.userId, action: 'alerts', outcome: 'ok', detail: 'off' });
      await ctx.respond({ response_type: 'ephemeral', text: ':no_bell: Failure alerts are off.' });
      return;
    }
    // Alerts need Omni; say so now rather than at the first check.
    await ctx.omni();
    const channelId = parseChannelArgument(channelArg, ctx.channelId);
    await ctx.client.chat.postMessage({
      channel: channelId,
      text: `:bell: <@${ctx.userId}> turned on failure alerts for Omni schedules: a schedule whose run fails, or that Omni disables, is announced here.`,
    });
    await setWatch(records, team, { enabled: true, channelId, by: ctx.userId }, at);
    ctx.deps.audit.record({
      workspace: team,
      user: ctx.userId,
      action: 'alerts',
      outcome: 'ok',
      detail: `on in ${channelId}`,
    });
    await ctx.respond({
      response_type: 'ephemeral',
      text: `:bell: Failure alerts are on in <#${channelId}>. Omni is checked every ${Math.round(ctx.deps.config.alertCheckIntervalMs / 1000)} s.`,
    });
  },
};

async function showStatus(ctx: SubcommandContext): Promise<void> {
  const { records } = watchServices(ctx.deps);
  const [status, display] = await Promise.all([watchStatus(records, workspaceKey(ctx.scope)), ctx.display()]);
  const message = buildAlertsStatus(status, {
    intervalS: Math.round(ctx.deps.config.alertCheckIntervalMs / 1000),
    ...(display.zone ? { zone: display.zone } : {}),
  });
  await ctx.respond({ response_type: 'ephemeral', ...message });
}
