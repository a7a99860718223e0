import { describe, expect, it } from 'vitest';
import { BlockIds } from '../../../src/ids.js';
import { OmniApiError } from '../../../src/omni/index.js';
import { findDashboardLink } from '../../../src/schedules/dashboard-ref.js';
import { searchDashboards } from '../../../src/schedules/dashboard-search.js';
import { messageLinks } from '../../../src/slack/listeners/shortcuts/create-from-message.js';
import { nextFormState } from '../../../src/slack/schedule-form/form-state.js';
import { createFromDraft, TestSentButNotSavedError } from '../../../src/slack/schedule-form/save.js';
import type { ViewStateValues } from '../../../src/slack/ui/schedule-form-state.js';
import { validDraft } from '../../schedules/draft-fixtures.js';

function fakeOmni(answers: ({ id?: string } | Error)[]) {
  const bodies: Record<string, unknown>[] = [];
  return {
    bodies,
    async createSchedule(body: Record<string, unknown>) {
      bodies.push(body);
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return { message: 'ok', ...next };
    },
  };
}

describe('createFromDraft', () => {
  it('creates once without a test', async () => {
    const omni = fakeOmni([{ id: 'a' }]);
    expect(await createFromDraft(omni as never, validDraft())).toEqual({ scheduleId: 'a', tested: false });
    expect(omni.bodies.map((b) => b.testNow)).toEqual([undefined]);
  });

  it('sends the test, then creates the schedule when the test saved nothing (Omni’s spec)', async () => {
    const omni = fakeOmni([{}, { id: 'b' }]);
    expect(await createFromDraft(omni as never, validDraft({ testNow: true }))).toEqual({
      scheduleId: 'b',
      tested: true,
    });
    expect(omni.bodies.map((b) => b.testNow)).toEqual([true, undefined]);
  });

  it('stops after the test when Omni saved the schedule with it', async () => {
    const omni = fakeOmni([{ id: 'c' }]);
    expect(await createFromDraft(omni as never, validDraft({ testNow: true }))).toEqual({
      scheduleId: 'c',
      tested: true,
    });
    expect(omni.bodies).toHaveLength(1);
  });

  it('says a test went out when saving afterwards fails', async () => {
    const refusal = new OmniApiError({
      status: 400,
      detail: 'nope',
      method: 'POST',
      path: '/api/v1/schedules',
      attempts: 1,
    });
    const omni = fakeOmni([{}, refusal]);
    const error = await createFromDraft(omni as never, validDraft({ testNow: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestSentButNotSavedError);
    expect((error as TestSentButNotSavedError).cause).toBe(refusal);
  });
});

describe('nextFormState', () => {
  const values = (name: string, identifier = '12db1a0a', label = 'Orders (12db1a0a)'): ViewStateValues => ({
    [BlockIds.formDashboard]: {
      schedule_form_dashboard_select: {
        type: 'external_select',
        selected_option: { value: identifier, text: { text: label } },
      },
    },
    [`${BlockIds.formName}~~0`]: { schedule_form_name_input: { type: 'plain_text_input', value: name } },
    [BlockIds.formRepeat]: {
      schedule_form_repeat_select: { type: 'static_select', selected_option: { value: 'daily' } },
    },
    [`${BlockIds.formTime}~~daily`]: { schedule_form_time_picker: { type: 'timepicker', selected_time: '08:15' } },
  });

  it('follows the dashboard and timing while the suggested name is untouched', () => {
    const meta = {
      mode: 'create' as const,
      autoName: 'Orders — weekdays at 09:00',
      identifier: '12db1a0a',
      dashboardName: 'Orders',
    };
    const next = nextFormState({ values: values('Orders — weekdays at 09:00'), metadata: meta });
    expect(next.draft.name).toBe('Orders — daily at 08:15');
    expect(next.metadata).toMatchObject({ autoName: 'Orders — daily at 08:15', nameRev: 1 });
  });

  it('takes the new dashboard’s name from the chosen option', () => {
    const meta = {
      mode: 'create' as const,
      autoName: 'Orders — daily at 08:15',
      identifier: '12db1a0a',
      dashboardName: 'Orders',
    };
    const next = nextFormState({
      values: values('Orders — daily at 08:15', 'dashboard-abc123', 'Regional Sales (dashboard-abc123)'),
      metadata: meta,
      dashboardName: 'Regional Sales',
    });
    expect(next.metadata).toMatchObject({ identifier: 'dashboard-abc123', dashboardName: 'Regional Sales' });
    expect(next.draft.name).toBe('Regional Sales — daily at 08:15');
  });

  it('keeps a name the person typed, from then on', () => {
    const meta = {
      mode: 'create' as const,
      autoName: 'Orders — weekdays at 09:00',
      identifier: '12db1a0a',
      dashboardName: 'Orders',
    };
    const next = nextFormState({ values: values('Morning orders'), metadata: meta });
    expect(next.draft.name).toBe('Morning orders');
    expect(next.metadata.autoName).toBeUndefined();
  });
});

describe('searchDashboards', () => {
  const list = [
    { identifier: '12db1a0a', name: 'Orders' },
    { identifier: 'dashboard-abc123', name: 'Regional Sales' },
    { identifier: 'eadde573', name: 'Blob R Us Sales' },
  ];
  it('finds by words of the name, by id and by pasted URL; offers an unknown id as typed', () => {
    expect(searchDashboards(list, 'sales').map((d) => d.identifier)).toEqual(['eadde573', 'dashboard-abc123']);
    expect(searchDashboards(list, 'reg sal').map((d) => d.identifier)).toEqual(['dashboard-abc123']);
    expect(searchDashboards(list, '12db1a0a')[0]).toEqual(list[0]);
    expect(searchDashboards(list, 'https://x.omniapp.co/dashboards/zz99')[0]).toEqual({
      identifier: 'zz99',
      name: 'zz99',
      pasted: true,
    });
    expect(searchDashboards(list, 'ord').map((d) => d.identifier)).toEqual(['12db1a0a']);
    expect(searchDashboards(list, '')).toHaveLength(3);
  });
});

describe('messageLinks', () => {
  it('finds a dashboard link in text, unfurls and rich-text blocks', () => {
    const find = (message: unknown) => messageLinks(message).map(findDashboardLink).find(Boolean);
    expect(find({ text: 'see <https://o.omniapp.co/dashboards/12db1a0a|Orders>' })).toBe('12db1a0a');
    expect(find({ text: 'unfurled', attachments: [{ from_url: 'https://o.omniapp.co/dashboards/eadde573' }] })).toBe(
      'eadde573',
    );
    const richText = {
      text: 'rich',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [{ type: 'link', url: 'https://o.omniapp.co/dashboards/dashboard-abc123?x=1' }],
            },
          ],
        },
      ],
    };
    expect(find(richText)).toBe('dashboard-abc123');
    expect(find({ text: 'nothing here' })).toBeUndefined();
  });
});
