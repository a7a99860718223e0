// The Recipients modal's user group menu: the workspace's groups (cached), filtered by what was typed.
import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { matchUsergroups, usergroupLabel, workspaceUsergroups } from '../../recipient-actions/usergroups.js';
import { option } from '../../ui/schedule-form-parts.js';

type OptionsArgs = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<'block_suggestion'>;

export function usergroupOptionsCallback() {
  return async (args: OptionsArgs) => {
    const { ack, body, logger } = args;
    try {
      const { deps, scope, client } = interactionOf(args);
      const groups = await workspaceUsergroups(deps, client, scope);
      const matches = matchUsergroups(groups, (body as BlockSuggestion).value ?? '');
      await ack({ options: matches.map((g) => option(usergroupLabel(g), g.id)) });
    } catch (error) {
      logFailure(logger, 'listing user groups for the Recipients modal', error);
      await ack({ options: [] });
    }
  };
}
