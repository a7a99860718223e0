// Fills the Recipients modal: Omni's recipients of the schedule, each matched to a Slack person by email
// (users.lookupByEmail, cached) so that people show as mentions.
import type { WebClient } from '@slack/web-api';
import { mapWithConcurrency } from '../../recipients/index.js';
import type { WorkspaceScope } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import type { AppDeps } from '../deps.js';

import {
  MAX_ROWS,
  type RecipientRow,
  type RecipientsMetadata,
  recipientsMessageView,
  recipientsView,
} from '../ui/recipients-modal.js';
import { workspaceDirectory } from './context.js';

/** users.lookupByEmail is Tier 3 (50+ a minute): a few at a time, and only for the rows shown. */
const LOOKUP_CONCURRENCY = 4;

export async function loadRecipientsView(args: {
  deps: AppDeps;
  client: WebClient;
  scope: WorkspaceScope;
  scheduleId: string;
  notice?: string;
  metadata?: Omit<RecipientsMetadata, 'scheduleId'>;
}) {
  const { deps, client, scope, scheduleId } = args;
  const omni = await deps.omniFor(scope);
  const [detail, recipients] = await Promise.all([omni.getSchedule(scheduleId), omni.listRecipients(scheduleId)]);
  if (recipients.type !== 'email') {
    return recipientsMessageView(
      scheduleId,
      `*${escapeSlackText(detail.name)}* delivers to ${escapeSlackText(recipients.type)}, not by email, so it has no email recipients to list. Omni only changes recipients of email deliveries; use *Edit* on the schedule's card to change where it goes.`,
      args.metadata,
    );
  }
  const { directory } = await workspaceDirectory(deps, client, scope);
  const shown = recipients.recipients.slice(0, MAX_ROWS);
  const matched = await mapWithConcurrency(shown, LOOKUP_CONCURRENCY, async (r): Promise<RecipientRow> => {
    // Showing a name is a nicety: a failed look-up leaves the email on its own.
    const user = await directory.lookupByEmail(r.email).catch(() => null);
    return {
      email: r.email,
      name: r.name,
      ...(r.emailOnly !== undefined ? { emailOnly: r.emailOnly } : {}),
      ...(user && !user.deleted ? { slackUserId: user.id } : {}),
    };
  });
  const rows = [...matched, ...recipients.recipients.slice(MAX_ROWS).map((r) => ({ email: r.email, name: r.name }))];
  return recipientsView({
    scheduleId,
    scheduleName: detail.name,
    rows,
    groups: recipients.userGroupRecipients.map((g) => ({ name: g.name ?? g.id, size: g.recipients.length })),
    ...(args.notice ? { notice: args.notice } : {}),
    ...(args.metadata ? { metadata: args.metadata } : {}),
  });
}
