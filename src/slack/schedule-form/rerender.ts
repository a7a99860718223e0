// A change in the form that alters its shape (dashboard, timing, destination, format, alert…): read the
// state, work out the next form and show it with views.update. The view's hash makes a stale update
// fail instead of overwriting a newer one; the next change redraws anyway.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import { choiceNotes } from '../../schedules/draft-choices.js';
import type { WorkspaceScope } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { logFailure } from '../errors.js';
import { slackErrorCode } from '../slack-errors.js';
import { buildScheduleForm, type ScheduleFormContext } from '../ui/schedule-form.js';
import { decodeFormMetadata } from '../ui/schedule-form-metadata.js';
import { shownChoices, type ViewStateValues } from '../ui/schedule-form-state.js';
import { cachedDashboardDetails, cachedDashboardName } from './dashboards.js';
import { chosenDashboard, nextFormState } from './form-state.js';
import { detailsFor } from './open-form.js';

export interface FormView {
  id: string;
  hash?: string;
  private_metadata?: string;
  state?: { values: ViewStateValues };
}

export interface RerenderRequest {
  deps: AppDeps;
  client: WebClient;
  logger: Logger;
  scope: WorkspaceScope;
  view: FormView;
}

export async function rerenderScheduleForm(request: RerenderRequest): Promise<void> {
  const { deps, client, logger, scope, view } = request;
  const values = view.state?.values ?? {};
  const metadata = decodeFormMetadata(view.private_metadata);
  const chosen = chosenDashboard(values);
  const identifier = chosen.identifier;
  const changedDashboard = identifier !== (metadata.identifier ?? '');
  const dashboardName =
    changedDashboard && identifier
      ? (chosen.name ?? (await cachedDashboardName(deps, scope, identifier)))
      : metadata.dashboardName;
  const cached = await cachedDashboardDetails(deps, scope, identifier);
  // What the form changes by itself (a format the new destination does not take…) is said under the field.
  const onScreen = shownChoices(values);
  let hash = view.hash;
  const redraw = async (dashboard?: DashboardDetails, dashboardStatus?: ScheduleFormContext['dashboardStatus']) => {
    const next = nextFormState({
      values,
      metadata,
      ...(dashboardName ? { dashboardName } : {}),
      ...(dashboard ? { dashboard } : {}),
    });
    const updated = buildScheduleForm(next.draft, {
      metadata: next.metadata,
      notes: choiceNotes(onScreen, next.draft),
      ...(dashboard ? { dashboard } : {}),
      ...(dashboardStatus ? { dashboardStatus } : {}),
      now: deps.now(),
    });
    const shown = await client.views.update({ view_id: view.id, ...(hash ? { hash } : {}), view: updated });
    hash = shown.view?.hash;
  };
  try {
    if (identifier && !cached) {
      // Show the new choice at once, then its filters and tiles when Omni answers.
      await redraw(undefined, 'loading');
      const loaded = await detailsFor(deps, scope, identifier);
      await redraw(loaded.dashboard, loaded.dashboardStatus);
      return;
    }
    await redraw(cached);
  } catch (error) {
    if (slackErrorCode(error) === 'hash_conflict') {
      logger.debug('The schedule form changed again before it was redrawn; the newer change redraws it.');
      return;
    }
    logFailure(logger, 'redrawing the schedule form', error);
  }
}
