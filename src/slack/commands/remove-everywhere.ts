// `/schedule remove-everywhere <@person|email>` (admins): what the person receives, from the recipient
// index, and Remove from all behind a confirmation naming the count. The click runs the offboarding job.
import { offboardingReport } from '../../people/index.js';
import { workspaceKey } from '../../store/index.js';
import { peopleOf } from '../people/people-of.js';
import { personFromArg } from '../people/person-arg.js';
import { indexUnlessComplete } from '../people/services.js';
import { buildRemoveEverywherePrompt } from '../ui/remove-everywhere.js';
import type { Subcommand } from './types.js';

export const removeEverywhereSubcommand: Subcommand = {
  name: 'remove-everywhere',
  usage: '/schedule remove-everywhere <@person|email>',
  summary: 'find every schedule someone receives and remove them from all (e.g. when they leave)',
  access: 'admin',
  needsConnection: true,
  audit: 'remove_recipients',
  async run(ctx) {
    const person = await personFromArg(ctx, ctx.args[0]);
    const people = peopleOf(ctx.deps);
    await people.known.remember(ctx.scope);
    const report = await offboardingReport(people.work, workspaceKey(ctx.scope), person.email);
    await indexUnlessComplete(people, workspaceKey(ctx.scope), report.complete);
    const prompt = buildRemoveEverywherePrompt(person, report);
    await ctx.respond({ response_type: 'ephemeral', ...prompt });
  },
};
