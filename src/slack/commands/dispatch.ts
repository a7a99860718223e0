// The `/schedule` dispatcher (DESIGN.md §3.3), after the ack: parse, find the subcommand, check who is
// asking (guests, admins), check the connection, run, and turn any failure into an ephemeral answer.
// Used by the slash command and by help's buttons, which run a subcommand on the user's behalf.
import type { Logger, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { parseScheduleRef } from '../../schedules/schedule-id.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import { activeConnection } from '../connection.js';
import type { AppDeps } from '../deps.js';
import { logFailure, NotConnectedError, userMessageForError } from '../errors.js';
import { findSubcommand, subcommands } from '../listeners/commands/subcommands.js';
import { type Actor, accessRefusal, getActor } from '../permissions.js';
import { parseCommandText } from './parse.js';
import { type Subcommand, type SubcommandContext, UsageError } from './types.js';

export interface CommandInvocation {
  /** The text after `/schedule`, as typed. */
  text: string;
  command: SlashCommand;
  client: WebClient;
  respond: RespondFn;
  logger: Logger;
  scope: WorkspaceScope;
  deps: AppDeps;
}

export async function dispatchScheduleCommand(invocation: CommandInvocation): Promise<void> {
  const { client, logger, scope, deps, command } = invocation;
  const reply = (text: string) => answer(invocation, { response_type: 'ephemeral', text });
  const parsed = parseCommandText(invocation.text);
  const name = parsed.name === '' ? 'help' : parsed.name;
  const subcommand = findSubcommand(name);
  if (!subcommand) {
    await reply(unknownSubcommandText(name));
    return;
  }

  try {
    const actor = await getActor(deps, client, scope, command.user_id);
    const refusal = accessRefusal(actor, subcommand.access);
    if (refusal) {
      auditRefusal(invocation, subcommand, parsed.args, actor);
      await reply(refusal);
      return;
    }
    if (subcommand.needsConnection && !(await activeConnection(deps, scope))) throw new NotConnectedError();

    const ctx: SubcommandContext = {
      args: parsed.args,
      rest: parsed.rest,
      command,
      client,
      respond: invocation.respond,
      logger,
      scope,
      deps,
    };
    await subcommand.run(ctx);
  } catch (error) {
    await reply(failureText(subcommand, error, logger));
  }
}

/** A refused change is audited as the buttons audit theirs: who, what, which schedule, and why not. */
function auditRefusal(invocation: CommandInvocation, subcommand: Subcommand, args: readonly string[], actor: Actor) {
  const action = typeof subcommand.audit === 'function' ? subcommand.audit(args) : subcommand.audit;
  if (!action) return;
  const ref = parseScheduleRef(args[0]);
  invocation.deps.audit.record({
    workspace: workspaceKey(invocation.scope),
    user: invocation.command.user_id,
    action,
    ...(ref.ok ? { schedule: ref.id } : {}),
    outcome: 'refused',
    detail: actor.isGuest
      ? 'guest'
      : actor.isDeleted || actor.isBot
        ? 'not a person in this workspace'
        : 'not an admin or owner',
  });
}

function failureText(subcommand: Subcommand, error: unknown, logger: Logger): string {
  if (error instanceof UsageError) return `${error.message}\nUsage: \`${subcommand.usage}\``;
  logFailure(logger, `/schedule ${subcommand.name}`, error);
  return userMessageForError(error);
}

/** One line saying what was not understood, then every subcommand's usage. */
export function unknownSubcommandText(name: string): string {
  const shown = name.replace(/[<>&`*_~]/g, '').slice(0, 40);
  return [
    `\`${shown}\` is not a /schedule subcommand. Try one of these:`,
    ...subcommands.map((s) => `• \`${s.usage}\``),
  ].join('\n');
}

/** Answers through the response_url; a failure to answer is logged (there is nobody else to tell). */
export async function answer(invocation: Pick<CommandInvocation, 'respond' | 'logger'>, message: RespondArguments) {
  try {
    await invocation.respond(message);
  } catch (error) {
    invocation.logger.warn(`Could not answer through the response_url: ${(error as Error).message}`);
  }
}
