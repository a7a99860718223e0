// The `/schedule` subcommand table, and help, which reads it.

import { errorMessage } from '../errors.js';
import { buildHelpMessage } from '../ui/help.js';
import { alertsSubcommand } from './alerts.js';
import { connectSubcommand } from './connect.js';
import { createSubcommand, editSubcommand } from './create-edit.js';
import { disconnectSubcommand } from './disconnect.js';
import { followSubcommand, unfollowSubcommand } from './follow.js';
import { listSubcommand } from './list.js';
import {
  addRecipientsSubcommand,
  removeRecipientsSubcommand,
  subscribeSubcommand,
  unsubscribeSubcommand,
} from './recipients.js';
import { removeEverywhereSubcommand } from './remove-everywhere.js';
import { deleteSubcommand, pauseSubcommand, resumeSubcommand, runSubcommand } from './schedule-ops.js';
import { shareSubcommand, showSubcommand } from './show.js';
import { snoozeSubcommand } from './snooze.js';
import { statusSubcommand } from './status.js';
import type { Subcommand, SubcommandContext } from './types.js';
import { usersSubcommand } from './users.js';
import { whoSubcommand } from './who.js';

/** `/schedule` and `/schedule help`: lives with the table it reads, so nothing imports back into this module. */
export const helpSubcommand: Subcommand = {
  name: 'help',
  usage: '/schedule help [all]',
  summary: 'what people do most, with buttons; `all`: every command',
  access: 'member',
  needsConnection: false,
  async run(ctx: SubcommandContext) {
    const actor = await ctx.actor();
    let connection: string | undefined | 'unknown';
    try {
      connection = (await ctx.connection())?.baseUrl;
    } catch (error) {
      // Help must still help when the store is down; say the state is unknown.
      ctx.logger.warn(`/schedule help: could not read the connection: ${errorMessage(error)}`);
      connection = 'unknown';
    }
    const message = buildHelpMessage({
      subcommands,
      connection,
      isAdmin: actor.isAdmin || actor.isOwner,
      canList: findSubcommand('list') !== undefined,
      all: ctx.args[0]?.toLowerCase() === 'all',
    });
    await ctx.respond({ response_type: 'ephemeral', ...message });
  },
};

// Every `/schedule` subcommand, in the order help lists them: the one table of which function serves which
// subcommand. Each feature file exports its own Subcommand objects; add them here.
export const subcommands: readonly Subcommand[] = [
  helpSubcommand,
  // core: the connection
  connectSubcommand,
  disconnectSubcommand,
  statusSubcommand,
  // schedules: find, show and operate
  listSubcommand,
  showSubcommand,
  shareSubcommand,
  runSubcommand,
  pauseSubcommand,
  resumeSubcommand,
  deleteSubcommand,
  // the schedule form: create / edit
  createSubcommand,
  editSubcommand,
  // recipients: who receives a schedule, and email-only users
  addRecipientsSubcommand,
  removeRecipientsSubcommand,
  subscribeSubcommand,
  unsubscribeSubcommand,
  usersSubcommand,
  // people: who receives what, offboarding, schedules that follow a channel or group
  whoSubcommand,
  removeEverywhereSubcommand,
  followSubcommand,
  unfollowSubcommand,
  // watching: failure alerts and snooze
  alertsSubcommand,
  snoozeSubcommand,
];

export function findSubcommand(name: string): Subcommand | undefined {
  const wanted = name.toLowerCase();
  return subcommands.find((s) => s.name === wanted || s.aliases?.includes(wanted));
}
