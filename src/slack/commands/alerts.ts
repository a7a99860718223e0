// `/schedule alerts`: the failure watch's setting, last check and what is failing now; `alerts on #channel`
// and `alerts off` (admins) turn it on and off, through alerts-setting.ts as App Home does.

import { alertIntervalS, alertsStatus, turnAlertsOff, turnAlertsOn } from '../alerts-setting.js';
import { buildAlertsStatus } from '../ui/alerts-status.js';
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
    const text =
      verb === 'off'
        ? await turnAlertsOff(ctx)
        : await turnAlertsOn(ctx, parseChannelArgument(channelArg, ctx.channelId));
    await ctx.respond({ response_type: 'ephemeral', text });
  },
};

async function showStatus(ctx: SubcommandContext): Promise<void> {
  const [status, display] = await Promise.all([alertsStatus(ctx), ctx.display()]);
  const message = buildAlertsStatus(status, {
    intervalS: alertIntervalS(ctx.deps),
    ...(display.zone ? { zone: display.zone } : {}),
  });
  await ctx.respond({ response_type: 'ephemeral', ...message });
}
