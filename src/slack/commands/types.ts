import type { RespondFn } from '@slack/bolt';
import type { AuditAction } from '../audit.js';
import type { Interaction } from '../interaction.js';

/** What a `/schedule <sub>` handler gets once the command is acked, authorised and parsed: the request, and its words. */
export type SubcommandContext = Interaction & {
  /** Arguments after the subcommand, split on white space (Slack mentions kept whole, e.g. `<@U1|maria>`). */
  args: string[];
  /** The text after the subcommand, as typed. */
  rest: string;
  /** A slash command always has both (a DM's channel is the app's DM). */
  channelId: string;
  triggerId: string;
  /** Answers only the person who asked, through the command's response_url (or the note a button leaves). */
  respond: RespondFn;
};

export interface Subcommand {
  name: string;
  aliases?: readonly string[];
  /** One line, e.g. `/schedule run <name or id>`; shown with every argument error. */
  usage: string;
  /** A few words for help. */
  summary: string;
  /** `admin`: workspace admins and owners only. Guests are refused everything. */
  access: 'member' | 'admin';
  /** When true, the dispatcher answers "not connected" before calling `run`. */
  needsConnection: boolean;
  /**
   * The change this subcommand makes, for the audit line the dispatcher writes when someone is refused it
   * (the subcommand audits what it does itself); a function when it depends on the arguments. Unset: a read.
   */
  audit?: AuditAction | ((args: readonly string[]) => AuditAction | undefined);
  run(ctx: SubcommandContext): Promise<void>;
}

/** Thrown by a handler for a bad argument: the dispatcher answers with the message and the usage line. */
export class UsageError extends Error {}
