import { createSubcommand, editSubcommand } from '../../commands/authoring.js';
import { connectSubcommand } from '../../commands/connect.js';
import { disconnectSubcommand } from '../../commands/disconnect.js';
import { helpSubcommand } from '../../commands/help.js';
import { listSubcommand } from '../../commands/list.js';
import {
  addRecipientsSubcommand,
  removeRecipientsSubcommand,
  subscribeSubcommand,
  unsubscribeSubcommand,
} from '../../commands/recipients.js';
import { deleteSubcommand, pauseSubcommand, resumeSubcommand, runSubcommand } from '../../commands/schedule-ops.js';
import { shareSubcommand, showSubcommand } from '../../commands/show.js';
import { statusSubcommand } from '../../commands/status.js';
import type { Subcommand } from '../../commands/types.js';
import { usersSubcommand } from '../../commands/users.js';

// Every `/schedule` subcommand, in the order help lists them. Each feature file exports its own
// Subcommand objects; add them here.
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
  // authoring: the create / edit form
  createSubcommand,
  editSubcommand,
  // recipients: who receives a schedule, and email-only users
  addRecipientsSubcommand,
  removeRecipientsSubcommand,
  subscribeSubcommand,
  unsubscribeSubcommand,
  usersSubcommand,
];

export function findSubcommand(name: string): Subcommand | undefined {
  const wanted = name.toLowerCase();
  return subcommands.find((s) => s.name === wanted || s.aliases?.includes(wanted));
}
