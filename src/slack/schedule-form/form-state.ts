// The form's next state from what is on screen: the draft read from the inputs, the dashboard it now
// names, and the suggested name following the dashboard and timing until the person types their own.
import { BlockIds } from '../../ids.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import type { DraftError, FilterValue, ScheduleDraft } from '../../schedules/draft.js';
import { defaultScheduleName } from '../../schedules/draft-naming.js';
import type { FormMetadata } from '../ui/schedule-form-metadata.js';
import { baseBlockId } from '../ui/schedule-form-parts.js';
import { draftFromViewState, type ViewStateValues } from '../ui/schedule-form-state.js';

export interface FormState {
  draft: ScheduleDraft;
  /** Values that could not be read (e.g. a malformed filter). */
  errors: DraftError[];
  metadata: FormMetadata;
}

export interface FormStateInput {
  values: ViewStateValues;
  metadata: FormMetadata;
  /** The details of the dashboard now chosen, when known. */
  dashboard?: DashboardDetails;
  /** The name of the dashboard now chosen, when known (it is not in the state for a pasted id). */
  dashboardName?: string;
  previousFilters?: Record<string, FilterValue>;
}

/** The identifier chosen in the form's state ('' when none). */
export function chosenIdentifier(values: ViewStateValues): string {
  return chosenDashboard(values).identifier;
}

/** The chosen dashboard, with its name when the option's text carries it ("Orders (12db1a0a)"). */
export function chosenDashboard(values: ViewStateValues): { identifier: string; name?: string } {
  for (const [blockId, actions] of Object.entries(values)) {
    if (baseBlockId(blockId) !== BlockIds.formDashboard) continue;
    const selected = Object.values(actions)[0]?.selected_option;
    const identifier = selected?.value ?? '';
    const suffix = ` (${identifier})`;
    const text = selected?.text?.text ?? '';
    return identifier && text.endsWith(suffix) ? { identifier, name: text.slice(0, -suffix.length) } : { identifier };
  }
  return { identifier: '' };
}

export function nextFormState(input: FormStateInput): FormState {
  const metadata: FormMetadata = { ...input.metadata };
  const identifier = chosenIdentifier(input.values);
  if (identifier !== (metadata.identifier ?? '')) {
    if (identifier) metadata.identifier = identifier;
    else delete metadata.identifier;
    if (input.dashboardName) metadata.dashboardName = input.dashboardName;
    else delete metadata.dashboardName;
  }
  const { draft, errors } = draftFromViewState(input.values, {
    metadata,
    ...(input.dashboard ? { dashboard: input.dashboard } : {}),
    ...(input.previousFilters ? { previousFilters: input.previousFilters } : {}),
  });
  if (metadata.autoName !== undefined) {
    const typed = draft.name.trim();
    if (typed === '' || typed === metadata.autoName) {
      const suggested = defaultScheduleName(metadata.dashboardName ?? (identifier || undefined), draft.when);
      if (suggested !== draft.name) {
        draft.name = suggested;
        metadata.nameRev = (metadata.nameRev ?? 0) + 1;
      }
      metadata.autoName = suggested;
    } else {
      // They typed their own: it is theirs from now on.
      delete metadata.autoName;
    }
  }
  return { draft, errors, metadata };
}
