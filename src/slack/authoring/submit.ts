// Submitting the schedule form. Every rule is checked before the ack: a mistake goes back onto its
// field (`response_action: errors`) and nothing is sent to Omni. A valid form is acked with a
// "Saving…" view, then saved; Omni's refusal is put back on the field it concerns (the form is shown
// again from the draft), and success shows the schedule's card, with its buttons, in the modal.
import type { Logger, types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { OmniApiError } from '../../omni/index.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import type { DraftError, ScheduleDraft } from '../../schedules/draft.js';
import { type RuleContext, validateDraft } from '../../schedules/draft-rules.js';
import { fieldForOmniDetail } from '../../schedules/omni-detail-field.js';
import { loadScheduleView } from '../../schedules/schedule-lookup.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { logFailure, userMessageForError } from '../errors.js';
import { requireAccess } from '../permissions.js';
import { cardOptions, displayFor } from '../schedules/display.js';
import { escapeMrkdwn, truncate } from '../ui/format.js';
import { buildScheduleCard } from '../ui/schedule-card.js';
import { buildScheduleCardModal, withNotice } from '../ui/schedule-card-modal.js';
import { decodeFormMetadata, type FormMetadata } from '../ui/schedule-form-metadata.js';
import {
  buildScheduleDoneModal,
  buildScheduleModal,
  buildScheduleSavingModal,
  viewErrors,
} from '../ui/schedule-modal.js';
import { cachedDashboardDetails, cachedDashboardName } from './dashboards.js';
import { chosenDashboard, nextFormState } from './form-state.js';
import { existingDraft } from './open-form.js';
import { withSlackEmails } from './people.js';
import type { FormView } from './rerender.js';
import { createFromDraft, type SaveOutcome, TestSentButNotSavedError, updateFromDraft } from './save.js';

export type SubmissionAck = (
  response?:
    | { response_action: 'errors'; errors: Record<string, string> }
    | { response_action: 'update'; view: types.ModalView },
) => Promise<void>;

export interface SubmitRequest {
  deps: AppDeps;
  client: WebClient;
  logger: Logger;
  scope: WorkspaceScope;
  userId: string;
  view: FormView & { blocks: types.ModalView['blocks'] };
  ack: SubmissionAck;
}

interface Form {
  metadata: FormMetadata;
  dashboard?: DashboardDetails;
  draft: ScheduleDraft;
}

export async function submitScheduleForm(request: SubmitRequest): Promise<void> {
  const { deps, scope, view, ack } = request;
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
  const errors = [...state.errors, ...validateDraft(state.draft, ruleContext(form))];
  if (errors.length > 0) {
    const onFields = viewErrors(view, state.draft, errors);
    await ack(
      onFields
        ? { response_action: 'errors', errors: onFields }
        : { response_action: 'update', view: formView(form, withPasswordNote(form.draft, { errors }), deps) },
    );
    return;
  }
  await ack({ response_action: 'update', view: buildScheduleSavingModal(form.metadata, form.draft.name) });
  await save(request, form);
}

function ruleContext(form: Form): RuleContext {
  const { dashboard, metadata } = form;
  return {
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
  return buildScheduleModal(form.draft, {
    metadata: form.metadata,
    ...(form.dashboard ? { dashboard: form.dashboard } : {}),
    ...extra,
    now: deps.now(),
  });
}

async function save(request: SubmitRequest, form: Form): Promise<void> {
  const { deps, client, logger, scope, userId, view } = request;
  const { metadata } = form;
  const action = metadata.mode === 'edit' ? 'edit' : 'create';
  const showForm = (extra: { errors?: readonly DraftError[]; notice?: string }) =>
    client.views.update({ view_id: view.id, view: formView(form, withPasswordNote(form.draft, extra), deps) });
  try {
    await requireAccess(deps, client, scope, userId, 'member');
    const omni = await deps.omniFor(scope);
    if (form.draft.destination.kind === 'email') {
      const people = await withSlackEmails(client, form.draft.destination.people);
      form.draft = { ...form.draft, destination: { ...form.draft.destination, people } };
      const missing = validateDraft(form.draft, ruleContext(form)).filter((e) => e.field === 'emailPeople');
      if (missing.length > 0) {
        await showForm({ errors: missing });
        return;
      }
    }
    let outcome: SaveOutcome;
    if (metadata.mode === 'edit') {
      const scheduleId = metadata.scheduleId ?? '';
      const previous = await existingDraft(omni, scheduleId, 'edit');
      // Read again against the schedule as saved, so filters left as shown keep Omni's own objects.
      const again = nextFormState({
        values: view.state?.values ?? {},
        metadata,
        ...(form.dashboard ? { dashboard: form.dashboard } : {}),
        previousFilters: previous.filters,
      });
      form.draft = { ...form.draft, filters: again.draft.filters };
      outcome = await updateFromDraft(omni, scheduleId, form.draft, previous);
    } else {
      outcome = await createFromDraft(omni, form.draft);
    }
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: userId,
      action,
      schedule: outcome.scheduleId,
      outcome: 'ok',
    });
    await showResult(request, form, outcome);
  } catch (error) {
    const cause = error instanceof TestSentButNotSavedError ? error.cause : error;
    logFailure(logger, `schedule ${action}`, cause);
    deps.audit.record({
      workspace: workspaceKey(scope),
      user: userId,
      action,
      ...(metadata.scheduleId ? { schedule: metadata.scheduleId } : {}),
      outcome: cause instanceof OmniApiError ? 'refused' : 'failed',
      detail: cause instanceof OmniApiError ? cause.detail : (cause as Error)?.message,
    });
    const prefix = error instanceof TestSentButNotSavedError ? 'A test delivery was sent, but saving failed. ' : '';
    const field = cause instanceof OmniApiError ? fieldForOmniDetail(cause.detail, form.draft) : undefined;
    const message = cause instanceof OmniApiError ? `Omni: ${cause.detail}` : userMessageForError(cause);
    const extra = field
      ? { errors: [{ field, message }], ...(prefix ? { notice: prefix.trim() } : {}) }
      : { notice: `${prefix}${message}` };
    await showForm(extra).catch((e: unknown) => logFailure(logger, 'showing the form again after a failed save', e));
  }
}

/** After a failed save the form is shown again without the SFTP password (it is never sent back to Slack). */
function withPasswordNote(draft: ScheduleDraft, extra: { errors?: readonly DraftError[]; notice?: string }) {
  if (draft.destination.kind !== 'sftp' || draft.destination.password === '') return extra;
  const note: DraftError = { field: 'sftpPassword', message: 'Type the password again: the app does not keep it.' };
  return { ...extra, errors: [...(extra.errors ?? []), note] };
}

/** The card of the saved schedule, with its buttons, in the modal; and in the channel it was opened from, for the author. */
async function showResult(request: SubmitRequest, form: Form, outcome: SaveOutcome): Promise<void> {
  const { deps, client, logger, scope, userId, view } = request;
  const name = `*${escapeMrkdwn(truncate(form.draft.name, 200))}*`;
  const lines = [
    form.metadata.mode === 'edit'
      ? `:white_check_mark: Saved your changes to ${name}.`
      : `:white_check_mark: Created ${name}${form.metadata.mode === 'duplicate' ? ', a copy' : ''}.`,
  ];
  if (outcome.tested) lines.push(':outbox_tray: A test delivery was sent just now.');
  if (outcome.s3Trust) {
    lines.push(
      `For the IAM role's trust policy: principal \`${outcome.s3Trust.delivererRoleArn}\`, external id \`${outcome.s3Trust.externalId}\`.`,
    );
  }
  const notice = lines.join('\n');
  try {
    const omni = await deps.omniFor(scope);
    const [schedule, display] = await Promise.all([
      loadScheduleView(omni, outcome.scheduleId),
      displayFor(deps, client, scope, userId),
    ]);
    const card = buildScheduleCard(schedule, cardOptions(display, schedule));
    const blocks = withNotice(card.blocks, notice);
    await client.views.update({ view_id: view.id, view: buildScheduleCardModal({ text: card.text, blocks }, '') });
    if (form.metadata.channelId) {
      await client.chat
        .postEphemeral({ channel: form.metadata.channelId, user: userId, text: `${lines[0]} ${card.text}`, blocks })
        .catch((error: unknown) => logger.debug(`No ephemeral copy of the card: ${(error as Error).message}`));
    }
  } catch (error) {
    // Saved, but it could not be read back: say so rather than look failed (a retry would create it twice).
    logFailure(logger, 'reading back a saved schedule', error);
    await client.views.update({
      view_id: view.id,
      view: buildScheduleDoneModal(form.metadata, [
        notice,
        `It could not be read back to show its card (${userMessageForError(error)}); \`/schedule show ${outcome.scheduleId}\` shows it.`,
      ]),
    });
  }
}
