import { escapeSlackText } from '../../text/slack-escape.js';
// Submitting the schedule form. Every rule is checked before the ack: a mistake goes back onto its
// field (`response_action: errors`) and nothing is sent to Omni. A valid form is acked with a
// "Saving…" view, then saved; Omni's refusal is put back on the field it concerns (the form is shown
// again from the draft), and success shows the schedule's card, with its buttons, in the modal.

import type { types } from '@slack/bolt';
import { OmniApiError, type RateLimitWait } from '../../omni/index.js';
import type { EmailOnlyOutcome, Skipped } from '../../recipients/index.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import { type DraftError, type ScheduleDraft, withEmailRecipients } from '../../schedules/draft.js';
import { type RuleContext, validateDraft } from '../../schedules/draft-rules.js';
import { fieldForOmniDetail } from '../../schedules/omni-detail-field.js';
import { workspaceKey } from '../../store/index.js';
import { claimsFor } from '../claims.js';
import type { AppDeps } from '../deps.js';
import { errorMessage, logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { rateLimitWaitText, withRateLimitNotice } from '../rate-limit-notice.js';
import { loadCardForViewer } from '../schedule-actions/display.js';
import { settledWithin } from '../time-limit.js';
import { truncate } from '../ui/format.js';
import { emailOnlyLine, skippedLines } from '../ui/recipients-summary.js';
import { buildScheduleCardModal, withNotice } from '../ui/schedule-card-modal.js';
import {
  buildScheduleForm,
  buildScheduleFormDone,
  buildScheduleFormLoading,
  buildScheduleFormSaving,
  viewErrors,
} from '../ui/schedule-form.js';
import { decodeFormMetadata, type FormMetadata } from '../ui/schedule-form-metadata.js';
import { cachedDashboardDetails, cachedDashboardName } from './dashboards.js';
import { applyEmailPolicy, RecipientsNotReadyError } from './email-policy.js';
import { type EmailRecipients, resolveEmailRecipients } from './email-recipients.js';
import { chosenDashboard, nextFormState } from './form-state.js';
import { existingDraft } from './open-form.js';
import { ownerFor, ownerLine, slackEmailOf } from './owner.js';
import { pickStore } from './picks.js';
import type { FormView } from './rerender.js';
import { createFromDraft, type SaveOutcome, TestSentButNotSavedError, updateFromDraft } from './save.js';

export type SubmissionAck = (
  response?:
    | { response_action: 'errors'; errors: Record<string, string> }
    | { response_action: 'update'; view: types.ModalView },
) => Promise<void>;

export interface SubmitRequest {
  /** Who submits it. */
  interaction: Interaction;
  view: FormView & { blocks: types.ModalView['blocks'] };
  ack: SubmissionAck;
  /** Default RESOLVE_BEFORE_ACK_MS; tests choose either side of it. */
  resolveWithinMs?: number;
}

interface Form {
  metadata: FormMetadata;
  dashboard?: DashboardDetails;
  draft: ScheduleDraft;
}

/** How long the submission waits for Slack to resolve email recipients before it acks (Slack allows 3 s in all). */
export const RESOLVE_BEFORE_ACK_MS = 2000;

export async function submitScheduleForm(request: SubmitRequest): Promise<void> {
  const { view, ack } = request;
  const { deps, scope } = request.interaction;
  const values = view.state?.values ?? {};
  const stored = decodeFormMetadata(view.private_metadata);
  const chosen = chosenDashboard(values);
  const identifier = chosen.identifier;
  const [dashboard, dashboardName] = await Promise.all([
    cachedDashboardDetails(deps, scope, identifier),
    identifier === stored.identifier
      ? stored.dashboardName
      : (chosen.name ?? cachedDashboardName(deps, scope, identifier)),
  ]);
  const state = nextFormState({
    values,
    metadata: stored,
    ...(dashboard ? { dashboard } : {}),
    ...(dashboardName ? { dashboardName } : {}),
  });
  const form: Form = { metadata: state.metadata, draft: state.draft, ...(dashboard ? { dashboard } : {}) };
  const errors = [...state.errors, ...validateDraft(state.draft, ruleContext(form, deps))];
  if (errors.length > 0) {
    const onFields = viewErrors(view, form.draft, errors);
    await ack(
      onFields
        ? { response_action: 'errors', errors: onFields }
        : { response_action: 'update', view: formView(form, withPasswordNote(form.draft, { errors }), deps) },
    );
    return;
  }
  // One submission of a view saves once: a double click or a second Slack delivery of the same form finds
  // the first one's claim and only shows "Saving…". A failed save gives the claim back, so the form can be
  // corrected and submitted again.
  const claims = claimsFor(deps, 'schedule-form-submissions');
  const submission = `${workspaceKey(scope)}:${view.id}`;
  const first = await claims.claim(submission, { userId: request.interaction.userId }, SUBMISSION_CLAIM_MS);
  if (!first.ok) {
    request.interaction.logger.info(`schedule form ${view.id}: submitted again while saving; not saved twice`);
    await ack({ response_action: 'update', view: buildScheduleFormSaving(form.metadata, form.draft.name) });
    return;
  }
  let saved = false;
  try {
    saved = await saveSubmission(request, form);
  } finally {
    if (!saved) await claims.release(submission).catch(() => undefined);
  }
}

/** How long a saved submission's view id is remembered (the view becomes the schedule's card after). */
const SUBMISSION_CLAIM_MS = 60 * 60_000;

/** Acks and saves a valid form; true when the schedule was saved, false when the form came back. */
async function saveSubmission(request: SubmitRequest, form: Form): Promise<boolean> {
  const { view, ack } = request;
  const { deps, scope } = request.interaction;
  const refuse = async (problems: readonly DraftError[]) => {
    const onFields = viewErrors(view, form.draft, problems);
    await ack(
      onFields
        ? { response_action: 'errors', errors: onFields }
        : { response_action: 'update', view: formView(form, withPasswordNote(form.draft, { errors: problems }), deps) },
    );
    return false;
  };
  const { destination } = form.draft;
  if (destination.kind !== 'email') {
    await ack({ response_action: 'update', view: buildScheduleFormSaving(form.metadata, form.draft.name) });
    return save(request, form);
  }
  // Email recipients are resolved in Slack first: quickly enough, their problems go on the fields
  // before the ack; a large channel takes longer, and then the form comes back with them instead.
  const pending = resolveEmailRecipients(deps, request.interaction.client, scope, destination);
  let early: EmailRecipients | undefined;
  try {
    early = await settledWithin(pending, request.resolveWithinMs ?? RESOLVE_BEFORE_ACK_MS);
  } catch (error) {
    logFailure(request.interaction.logger, 'resolving the email recipients', error);
    await ack({ response_action: 'update', view: formView(form, { notice: recipientsFailure(error) }, deps) });
    return false;
  }
  if (early && early.errors.length > 0) return refuse(early.errors);
  const lookingUp = early === undefined;
  await ack({ response_action: 'update', view: buildScheduleFormSaving(form.metadata, form.draft.name, lookingUp) });
  const showForm = (extra: { errors?: readonly DraftError[]; notice?: string }) =>
    request.interaction.client.views.update({ view_id: view.id, view: formView(form, extra, deps) });
  let recipients: EmailRecipients;
  try {
    recipients = early ?? (await pending);
  } catch (error) {
    logFailure(request.interaction.logger, 'resolving the email recipients', error);
    await showForm({ notice: recipientsFailure(error) }).catch((e: unknown) =>
      logFailure(request.interaction.logger, 'showing the form again after the recipients could not be read', e),
    );
    return false;
  }
  if (recipients.errors.length > 0) {
    await showForm({ errors: recipients.errors }).catch((e: unknown) =>
      logFailure(request.interaction.logger, 'showing the recipients that cannot receive email', e),
    );
    return false;
  }
  return save(request, form, recipients);
}

function recipientsFailure(error: unknown): string {
  return `The recipients could not be looked up in Slack, so nothing was saved: ${userMessageForError(error)} Try again.`;
}

function ruleContext(form: Form, deps: AppDeps): RuleContext {
  const { dashboard, metadata } = form;
  return {
    // Webhook destinations obey the same host rules as Omni URLs (OMNI_ALLOWED_HOSTS, NODE_ENV).
    hosts: deps.config.omniHosts,
    ...(dashboard && dashboard.identifier === form.draft.identifier
      ? { filterKeys: dashboard.filters.map((f) => f.key), queryKeys: dashboard.tiles.map((t) => t.key) }
      : {}),
    ...(metadata.passwordOnFile ? { passwordOnFile: true } : {}),
    ...(metadata.keptFormat ? { keptFormat: metadata.keptFormat } : {}),
  };
}

function formView(
  form: Form,
  extra: { errors?: readonly DraftError[]; notice?: string },
  deps: AppDeps,
): types.ModalView {
  return buildScheduleForm(form.draft, {
    metadata: form.metadata,
    ...(form.dashboard ? { dashboard: form.dashboard } : {}),
    ...extra,
    now: deps.now(),
  });
}

/** Saves in Omni; email recipients arrive resolved to addresses, and the form keeps them as they were chosen. */
async function save(request: SubmitRequest, form: Form, recipients?: EmailRecipients): Promise<boolean> {
  const { client, logger } = request.interaction;
  // While Omni's rate limit holds the save back (up to its 60 s window), the modal says so instead of spinning.
  const tell = (wait: RateLimitWait) =>
    client.views.update({
      view_id: request.view.id,
      view: buildScheduleFormLoading(form.metadata, rateLimitWaitText(wait).replace(/^:\S+: /, '')),
    });
  return withRateLimitNotice(
    tell,
    () => saveNow(request, form, recipients),
    (message) => logger.warn(message),
  );
}

async function saveNow(request: SubmitRequest, form: Form, recipients?: EmailRecipients): Promise<boolean> {
  const { view } = request;
  const { deps, client, logger, scope, userId } = request.interaction;
  const { metadata } = form;
  const action = metadata.mode === 'edit' ? 'edit' : 'create';
  const showForm = (extra: { errors?: readonly DraftError[]; notice?: string }) =>
    client.views.update({ view_id: view.id, view: formView(form, withPasswordNote(form.draft, extra), deps) });
  try {
    await request.interaction.requireAccess('member');
    const omni = await request.interaction.omni();
    const toSend = (draft: ScheduleDraft) => (recipients ? withEmailRecipients(draft, recipients.emails) : draft);
    // The non-member policy, as `/schedule add` applies it: before anything is saved, so a refusal saves nothing.
    let emailOnly: EmailOnlyOutcome | undefined;
    const makeReady = async (already: readonly string[]) => {
      const { destination } = form.draft;
      if (!recipients || destination.kind !== 'email') return;
      emailOnly = await applyEmailPolicy({ deps, client, scope, destination, recipients, already });
    };
    let outcome: SaveOutcome;
    if (metadata.mode === 'edit') {
      const scheduleId = metadata.scheduleId ?? '';
      const { identifier, dashboardName } = form.draft;
      const previous = await existingDraft(omni, scheduleId, 'edit', {
        identifier,
        ...(dashboardName ? { dashboardName } : {}),
      });
      // Read again against the schedule as saved, so filters left as shown keep Omni's own objects.
      const again = nextFormState({
        values: view.state?.values ?? {},
        metadata,
        ...(form.dashboard ? { dashboard: form.dashboard } : {}),
        previousFilters: previous.filters,
      });
      form.draft = { ...form.draft, filters: again.draft.filters };
      await makeReady(previous.destination.kind === 'email' ? previous.destination.addresses : []);
      outcome = await updateFromDraft(omni, scheduleId, toSend(form.draft), previous);
    } else {
      await makeReady([]);
      const email = await slackEmailOf(request.interaction, userId).catch(() => undefined);
      outcome = await createFromDraft(omni, toSend(form.draft), await ownerFor(omni, email));
    }
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: userId,
      action,
      schedule: outcome.scheduleId,
      outcome: 'ok',
    });
    await rememberPick(request, form, outcome.scheduleId, recipients);
    await showResult(request, form, outcome, recipients?.leftOut ?? [], emailOnly);
    return true;
  } catch (error) {
    if (error instanceof RecipientsNotReadyError) {
      deps.audit.record({
        workspace: workspaceKey(scope),
        user: userId,
        action,
        ...(metadata.scheduleId ? { schedule: metadata.scheduleId } : {}),
        outcome: 'refused',
        detail: truncate(error.message, 300),
      });
      const extra = { errors: error.errors, ...(error.notice ? { notice: error.notice } : {}) };
      await showForm(extra).catch((e: unknown) => logFailure(logger, 'showing recipients Omni refused', e));
      return false;
    }
    const cause = error instanceof TestSentButNotSavedError ? error.cause : error;
    logFailure(logger, `schedule ${action}`, cause);
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: userId,
      action,
      ...(metadata.scheduleId ? { schedule: metadata.scheduleId } : {}),
      outcome: cause instanceof OmniApiError ? 'refused' : 'failed',
      detail: cause instanceof OmniApiError ? cause.detail : errorMessage(cause),
    });
    const prefix = error instanceof TestSentButNotSavedError ? 'A test delivery was sent, but saving failed. ' : '';
    const field = cause instanceof OmniApiError ? fieldForOmniDetail(cause.detail, form.draft) : undefined;
    const message = cause instanceof OmniApiError ? `Omni: ${cause.detail}` : userMessageForError(cause);
    const extra = field
      ? { errors: [{ field, message }], ...(prefix ? { notice: prefix.trim() } : {}) }
      : { notice: `${prefix}${message}` };
    await showForm(extra).catch((e: unknown) => logFailure(logger, 'showing the form again after a failed save', e));
    return false;
  }
}

/** Keeps what was picked for an email schedule, so that Edit and Duplicate show it again (picks.ts). */
async function rememberPick(
  request: SubmitRequest,
  form: Form,
  scheduleId: string,
  recipients: EmailRecipients | undefined,
): Promise<void> {
  const { deps, scope, userId, logger } = request.interaction;
  const { destination } = form.draft;
  const picks = pickStore(deps);
  try {
    if (destination.kind !== 'email' || !recipients) {
      if (form.metadata.mode === 'edit') await picks.delete(workspaceKey(scope), scheduleId);
      return;
    }
    await picks.save(workspaceKey(scope), scheduleId, {
      userIds: [...destination.userIds],
      channelIds: [...destination.channelIds],
      usergroupIds: [...recipients.usergroups.keys()],
      addresses: [...destination.addresses],
      emails: recipients.emails,
      by: userId,
      savedAt: deps.now().toISOString(),
    });
  } catch (error) {
    // Saved in Omni all the same; Edit will show the addresses instead of the pick.
    logger.warn(`The pick for schedule ${scheduleId} was not kept: ${errorMessage(error)}`);
  }
}

/**
 * After a failed save the form is shown again without the SFTP password: it is never sent back to Slack
 * nor kept by the app, so the person must type it again. Said on the field and above the form, because
 * on an edit an empty password would otherwise quietly keep the old one.
 */
function withPasswordNote(draft: ScheduleDraft, extra: { errors?: readonly DraftError[]; notice?: string }) {
  if (draft.destination.kind !== 'sftp' || draft.destination.password === '') return extra;
  const note: DraftError = {
    field: 'sftpPassword',
    message: 'Type the password again before saving: the app keeps no copy of it, so it cannot refill this field.',
  };
  const reminder = 'Nothing was saved. The SFTP password is not kept between tries: type it again below.';
  return {
    ...extra,
    errors: [...(extra.errors ?? []), note],
    notice: extra.notice ? `${extra.notice}\n${reminder}` : reminder,
  };
}

/** The card of the saved schedule, with its buttons, in the modal; and in the channel it was opened from, for the author. */
async function showResult(
  request: SubmitRequest,
  form: Form,
  outcome: SaveOutcome,
  leftOut: readonly Skipped[],
  emailOnly?: EmailOnlyOutcome,
): Promise<void> {
  const { view } = request;
  const { client, logger, userId } = request.interaction;
  const name = `*${escapeSlackText(truncate(form.draft.name, 200))}*`;
  const lines = [
    form.metadata.mode === 'edit'
      ? `:white_check_mark: Saved your changes to ${name}.`
      : `:white_check_mark: Created ${name}${form.metadata.mode === 'duplicate' ? ', a copy' : ''}.`,
  ];
  if (outcome.tested) lines.push(':outbox_tray: A test delivery was sent just now.');
  if (outcome.owner) lines.push(ownerLine(outcome.owner));
  const emailOnlyUsers = emailOnly && emailOnlyLine(emailOnly);
  if (emailOnlyUsers) lines.push(emailOnlyUsers);
  if (leftOut.length > 0) {
    lines.push(':information_source: Left out of the channels and groups chosen (the others were added):');
    lines.push(...skippedLines(leftOut));
  }
  if (outcome.s3Trust) {
    lines.push(
      `For the IAM role's trust policy: principal \`${outcome.s3Trust.delivererRoleArn}\`, external id \`${outcome.s3Trust.externalId}\`.`,
    );
  }
  const notice = lines.join('\n');
  try {
    const { card } = await loadCardForViewer(request.interaction, outcome.scheduleId);
    const blocks = withNotice(card.blocks, notice);
    await client.views.update({ view_id: view.id, view: buildScheduleCardModal({ text: card.text, blocks }, '') });
    if (form.metadata.channelId) {
      await client.chat
        .postEphemeral({ channel: form.metadata.channelId, user: userId, text: `${lines[0]} ${card.text}`, blocks })
        .catch((error: unknown) => logger.debug(`No ephemeral copy of the card: ${errorMessage(error)}`));
    }
  } catch (error) {
    // Saved, but it could not be read back: say so rather than look failed (a retry would create it twice).
    logFailure(logger, 'reading back a saved schedule', error);
    await client.views.update({
      view_id: view.id,
      view: buildScheduleFormDone(form.metadata, [
        notice,
        `It could not be read back to show its card (${userMessageForError(error)}); \`/schedule show ${outcome.scheduleId}\` shows it.`,
      ]),
    });
  }
}
