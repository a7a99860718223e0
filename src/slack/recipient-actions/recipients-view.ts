// Fills the Recipients modal: Omni's recipients of the schedule, each matched to a Slack person by email
// (users.lookupByEmail, cached) so that people show as mentions.
import type { types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { mapWithConcurrency } from '../../recipients/index.js';
import type { WorkspaceScope } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import type { AppDeps } from '../deps.js';
import { section } from '../ui/blocks.js';

import {
  MAX_ROWS,
  type RecipientRow,
  type RecipientsMetadata,
  recipientsMessageView,
  recipientsView,
} from '../ui/recipients-modal.js';
import type { ChangeResult } from './change-spec.js';
import { workspaceDirectory } from './context.js';

/** users.lookupByEmail is Tier 3 (50+ a minute): a few at a time, and only for the rows shown. */
const LOOKUP_CONCURRENCY = 4;

export async function loadRecipientsView(args: {
  deps: AppDeps;
  client: WebClient;
  scope: WorkspaceScope;
  scheduleId: string;
  notice?: string;
  summary?: readonly types.KnownBlock[];
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
    ...(args.summary ? { summary: args.summary } : {}),
    ...(args.metadata ? { metadata: args.metadata } : {}),
  });
}

/**
 * After an Add: the modal with the new list and the change's summary (as `/schedule add` words it). Marked
 * changed when Omni's list may have changed, so that closing it redraws the card it came from.
 */
export async function redrawRecipientsModal(
  deps: AppDeps,
  client: WebClient,
  scope: WorkspaceScope,
  scheduleId: string,
  modal: { id: string; metadata: Omit<RecipientsMetadata, 'scheduleId'> },
  result: ChangeResult,
): Promise<void> {
  const metadata = { ...modal.metadata, ...(result.outcome === 'ok' ? { changed: true } : {}) };
  const summary = result.message.blocks ?? [section(result.message.text)];
  const view = await loadRecipientsView({ deps, client, scope, scheduleId, summary, metadata });
  await client.views.update({ view_id: modal.id, view });
}
