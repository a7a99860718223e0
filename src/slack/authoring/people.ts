// People picked for an email delivery get the address in their Slack profile (users.info; needs the
// users:read.email scope). Someone without one keeps `email: null`, which the draft rules name.
import type { WebClient } from '@slack/web-api';
import type { EmailPerson } from '../../schedules/draft.js';

interface SlackUserLike {
  real_name?: string;
  name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { email?: string; display_name?: string; real_name?: string };
}

/** The people with their email (or null) and name, looked up in parallel. Slack errors propagate. */
export async function withSlackEmails(client: WebClient, people: readonly EmailPerson[]): Promise<EmailPerson[]> {
  return Promise.all(
    people.map(async (person) => {
      if (typeof person.email === 'string') return person;
      const answer = await client.users.info({ user: person.slackUserId });
      const user = answer.user as SlackUserLike | undefined;
      const email = user && !user.deleted && !user.is_bot ? user.profile?.email?.trim() || null : null;
      const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name;
      return { slackUserId: person.slackUserId, email, ...(name ? { name } : {}) };
    }),
  );
}
