// The schedule form's external selects. Slack waits 3 s at most, so dashboards come from the cache
// (refreshed in the background) and time zones from the runtime's own list.
import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { searchDashboards } from '../../../schedules/dashboard-search.js';
import { searchTimeZones } from '../../../schedules/timezones.js';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { dashboardsForOptions } from '../../schedule-form/dashboards.js';
import { option } from '../../ui/schedule-form-parts.js';

type OptionsArgs = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<'block_suggestion'>;

/** The dashboard menu of the form: the cached list (refreshed when old), filtered by what was typed. */
export function dashboardOptionsCallback() {
  return async (args: OptionsArgs) => {
    const { ack, body, logger } = args;
    try {
      const { deps, scope } = interactionOf(args);
      const list = await dashboardsForOptions(deps, scope, logger);
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
