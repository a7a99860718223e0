// `/schedule who <@person|email>`: the schedules that person receives, from the recipient index (Omni's
// search cannot look at recipients), as rows with the list's menu, and how fresh the index is.
import type { types } from '@slack/bolt';
import { PeopleBlockIds } from '../../ids.js';
import { loadScheduleView } from '../../schedules/schedule-lookup.js';
import { workspaceKey } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { peopleOf } from '../people/people-of.js';
import { personFromArg } from '../people/person-arg.js';
import { indexUnlessComplete } from '../people/services.js';
import { freshnessLine } from '../ui/offboarding-message.js';
import { buildScheduleRow } from '../ui/schedule-row.js';
import type { Subcommand } from './types.js';

/** Rows drawn with their menu (each costs one Omni read); the rest are named. */
export const WHO_ROWS = 10;

export const whoSubcommand: Subcommand = {
  name: 'who',
  usage: '/schedule who <@person|email>',
  summary: 'the schedules someone receives by email',
  access: 'member',
  needsConnection: true,
  async run(ctx) {
    const person = await personFromArg(ctx, ctx.args[0]);
    const people = peopleOf(ctx.deps);
    await people.known.remember(ctx.scope);
    const found = await people.index.deliveringTo(workspaceKey(ctx.scope), person.email);
    const who = person.userId ? `<@${person.userId}>` : escapeSlackText(person.email);
    const n = found.schedules.length;
    const text = `${who} receives ${n} schedule${n === 1 ? '' : 's'} by email.`;
    const reading = await indexUnlessComplete(people, workspaceKey(ctx.scope), found.complete);
    const freshness = reading
      ? `${freshnessLine(found)} The app is reading every schedule now: ask again in a few minutes.`
      : freshnessLine(found);
    const blocks: types.KnownBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: freshness }] },
    ];
    const omni = await ctx.omni();
    const { zone } = await ctx.display();
    const shown = found.schedules.slice(0, WHO_ROWS);
    const views = await Promise.all(shown.map((s) => loadScheduleView(omni, s.id).catch(() => undefined)));
    views.forEach((view, i) => {
      const listed = shown[i] as { name: string };
      blocks.push(
        view
          ? buildScheduleRow(view, `${PeopleBlockIds.whoRowPrefix}${i}`, zone)
          : {
              type: 'section',
              text: { type: 'mrkdwn', text: `• ${escapeSlackText(listed.name)} (Omni did not answer for it)` },
            },
      );
    });
    const rest = found.schedules.slice(WHO_ROWS).map((s) => escapeSlackText(s.name));
    if (rest.length > 0) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `…and ${rest.length} more: ${rest.join(', ')}`.slice(0, 2900) }],
      });
    }
    await ctx.respond({ response_type: 'ephemeral', text, blocks });
  },
};
