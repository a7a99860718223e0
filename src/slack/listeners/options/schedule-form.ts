// The schedule form's external selects. Slack waits 3 s at most, so dashboards come from the cache
// (refreshed in the background) and time zones from the runtime's own list.
import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { searchDashboards } from '../../../schedules/dashboard-search.js';
import { searchTimeZones } from '../../../schedules/timezones.js';
import type { AppDeps } from '../../deps.js';
import { logFailure } from '../../errors.js';
import { dashboardsForOptions } from '../../schedule-form/dashboards.js';
import { scopeFromContext } from '../../scope.js';
import { option } from '../../ui/schedule-form-parts.js';

type OptionsArgs = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<'block_suggestion'>;

export function dashboardOptionsCallback(deps: AppDeps) {
  return async ({ ack, body, logger, context }: OptionsArgs) => {
    try {
      const list = await dashboardsForOptions(deps, scopeFromContext(context), logger);
      const matches = searchDashboards(list, (body as BlockSuggestion).value ?? '');
      await ack({
        options: matches.map((d) =>
          d.pasted
            ? option(`Dashboard id ${d.identifier}`, d.identifier)
            : option(`${d.name} (${d.identifier})`, d.identifier),
        ),
      });
    } catch (error) {
      logFailure(logger, 'listing dashboards for the form', error);
      await ack({ options: [] });
    }
  };
}

export function timezoneOptionsCallback() {
  return async ({ ack, body }: OptionsArgs) => {
    const zones = searchTimeZones((body as BlockSuggestion).value ?? '', { limit: 100 });
    await ack({ options: zones.map((zone) => option(zone.label, zone.id)) });
  };
}
