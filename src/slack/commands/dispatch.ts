// The `/schedule` dispatcher, after the ack: parse, find the subcommand, check who is asking (guests,
// admins), check the connection, run, and turn any failure into an ephemeral answer.
import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import { parseScheduleRef } from '../../schedules/schedule-id.js';
import { workspaceKey } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { errorMessage, logFailure, NotConnectedError, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { interimResponder, sayPacingWait } from '../interim.js';
import { type Actor, accessRefusal } from '../permissions.js';
import { rateLimitWaitText, withPacingNotice, withRateLimitNotice } from '../rate-limit-notice.js';
import { parseCommandText } from './parse.js';
import { findSubcommand, subcommands } from './subcommands.js';
import { type Subcommand, type SubcommandContext, UsageError } from './types.js';

export interface CommandInvocation {
  /** The text after `/schedule`, as typed. */
  text: string;
  interaction: Interaction;
  respond: RespondFn;
}

export async function dispatchScheduleCommand(given: CommandInvocation): Promise<void> {
  const interim = interimResponder(given.respond, given.interaction.logger);
  try {
    // A wait for this app's own pacing is known before it starts: say it at once, with how long.
    await withPacingNotice(
      (wait) => sayPacingWait(interim, wait),
      () => dispatch({ ...given, respond: interim.respond }),
    );
  } finally {
    await interim.finish();
  }
}

async function dispatch(invocation: CommandInvocation): Promise<void> {
  const { interaction } = invocation;
  const { logger } = interaction;
  const reply = (text: string) => answer({ respond: invocation.respond, logger }, { response_type: 'ephemeral', text });
  const parsed = parseCommandText(invocation.text);
  const name = parsed.name === '' ? 'help' : parsed.name;
  const subcommand = findSubcommand(name);
  if (!subcommand) {
    await reply(unknownSubcommandText(name));
    return;
  }

  try {
    const actor = await interaction.actor();
    const refusal = accessRefusal(actor, subcommand.access);
    if (refusal) {
      auditRefusal(invocation, subcommand, parsed.args, actor);
      await reply(refusal);
      return;
    }
    if (subcommand.needsConnection && !(await interaction.connection())) throw new NotConnectedError();

    const ctx: SubcommandContext = {
      ...interaction,
      channelId: interaction.channelId ?? '',
      triggerId: interaction.triggerId ?? '',
      args: parsed.args,
      rest: parsed.rest,
      respond: invocation.respond,
    };
    // A wait for Omni's rate limit (up to its 60 s window) is told to the person rather than looking stuck.
    await withRateLimitNotice(
      (wait) => reply(rateLimitWaitText(wait)),
      () => subcommand.run(ctx),
      (message) => logger.warn(message),
    );
  } catch (error) {
    await reply(failureText(subcommand, error, logger));
  }
}

/** A refused change is audited as the buttons audit theirs: who, what, which schedule, and why not. */
function auditRefusal(invocation: CommandInvocation, subcommand: Subcommand, args: readonly string[], actor: Actor) {
  const action = typeof subcommand.audit === 'function' ? subcommand.audit(args) : subcommand.audit;
  if (!action) return;
  const ref = parseScheduleRef(args[0]);
  const { deps, scope, userId } = invocation.interaction;
  deps.audit.record({
    workspace: workspaceKey(scope),
    user: userId,
    action,
    ...(ref.ok ? { schedule: ref.id } : {}),
    outcome: 'refused',
    detail: actor.isExternal
      ? 'from another organization'
      : actor.isGuest
        ? 'guest'
        : actor.isDeleted || actor.isBot
          ? 'not a person in this workspace'
          : 'not an admin or owner',
  });
}

function failureText(subcommand: Subcommand, error: unknown, logger: Logger): string {
  if (error instanceof UsageError) return `${error.message}\nUsage: \`${escapeSlackText(subcommand.usage)}\``;
  logFailure(logger, `/schedule ${subcommand.name}`, error);
  return userMessageForError(error);
}

/** One line saying what was not understood, then every subcommand's usage. */
export function unknownSubcommandText(name: string): string {
  const shown = name.replace(/[<>&`*_~]/g, '').slice(0, 40);
  return [
    `\`${shown}\` is not a /schedule subcommand. Try one of these:`,
    ...subcommands.map((s) => `• \`${escapeSlackText(s.usage)}\``),
  ].join('\n');
}

/** Answers through the response_url; a failure to answer is logged (there is nobody else to tell). */
export async function answer(invocation: { respond: RespondFn; logger: Logger }, message: RespondArguments) {
  try {
    await invocation.respond(message);
  } catch (error) {
    invocation.logger.warn(`Could not answer through the response_url: ${errorMessage(error)}`);
  }
}
