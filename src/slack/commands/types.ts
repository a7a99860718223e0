import type { Logger, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { WorkspaceScope } from '../../store/index.js';
import type { AuditAction } from '../audit.js';
import type { AppDeps } from '../deps.js';

/** What a `/schedule <sub>` handler gets once the command is acked, authorised and parsed. */
export interface SubcommandContext {
  /** Arguments after the subcommand, split on white space (Slack mentions kept whole, e.g. `<@U1|maria>`). */
  args: string[];
  /** The text after the subcommand, as typed. */
  rest: string;
  command: SlashCommand;
  client: WebClient;
  respond: RespondFn;
  logger: Logger;
  scope: WorkspaceScope;
  deps: AppDeps;
}

export interface Subcommand {
  name: string;
  aliases?: readonly string[];
  /** One line, e.g. `/schedule run <schedule-id>`; shown with every argument error. */
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
