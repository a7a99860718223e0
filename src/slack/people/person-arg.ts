// `<@person|email>` as `/schedule who` and `remove-everywhere` take it: a Slack mention becomes the
// person's email through users.info; an email is taken as typed (someone already deactivated in Slack, or
// an address that was never a Slack user, can still be found in schedules).
import { UsageError } from '../commands/types.js';
import type { Interaction } from '../interaction.js';
import { slackErrorCode } from '../slack-errors.js';
import { pacedSlackCall } from '../slack-pacing.js';

export interface NamedPerson {
  userId?: string;
  email: string;
}

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function personFromArg(
  interaction: Pick<Interaction, 'deps' | 'scope' | 'client'>,
  arg: string | undefined,
): Promise<NamedPerson> {
  const { deps, scope, client } = interaction;
  const text = (arg ?? '').trim();
  if (!text) throw new UsageError('Name someone: a @person or an email.');
  const mention = MENTION.exec(text);
  if (mention) {
    const userId = mention[1] as string;
    let email: string | undefined;
    try {
      const answer = await pacedSlackCall(deps, scope, 'users.info', () => client.users.info({ user: userId }));
      email = answer.user?.profile?.email;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === 'user_not_found') throw new UsageError(`Slack does not know <@${userId}>.`);
      throw error;
    }
    if (!email) throw new UsageError(`Slack shows no email for <@${userId}>: name them by email instead.`);
    return { userId, email };
  }
  const email = MAILTO.exec(text)?.[1] ?? text;
  if (!EMAIL.test(email)) throw new UsageError(`\`${text.replace(/[`<>]/g, '')}\` is neither a @person nor an email.`);
  return { email };
}
