// The "What" part of the schedule form: format and only that format's options, the dashboard's
// filters to override, whole dashboard or one tile, an alert condition, and a test delivery.
import type { types } from '@slack/bolt';
import { ActionIds, BlockIds } from '../../ids.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import {
  ALERT_CONDITIONS,
  type AlertCondition,
  PAPER_FORMATS,
  type PaperFormat,
  type ScheduleDraft,
} from '../../schedules/draft.js';
import { filterHint, filterLabel, filterText } from '../../schedules/draft-filters.js';
import {
  booleanOptionsFor,
  FORMAT_LABELS,
  formatsFor,
  type KeptFormat,
  OPTION_LABELS,
} from '../../schedules/draft-formats.js';
import { escapeSlackText } from '../../text/slack-escape.js';

import {
  type Block,
  checkboxes,
  context,
  input,
  mrkdwn,
  option,
  staticSelect,
  textInput,
  versioned,
} from './schedule-form-parts.js';

/** Filters shown as inputs; more would crowd the form (and Slack's 100 blocks). */
export const MAX_FILTER_INPUTS = 12;
export const DEFAULT_VALUE = 'default';
export const WHOLE_DASHBOARD = 'dashboard';
export const NO_ALERT = 'none';
export const TEST_NOW_VALUE = 'test_now';

export const PAPER_LABELS: Readonly<Record<PaperFormat, string>> = {
  letter: 'Letter',
  legal: 'Legal',
  tabloid: 'Tabloid',
  a3: 'A3',
  a4: 'A4',
  fit_page: 'Fit to page (one long page)',
};

export const ALERT_LABELS: Readonly<Record<AlertCondition, string>> = {
  RESULTS_PRESENT: 'Only when a tile has results',
  RESULTS_MISSING: 'Only when a tile has no results',
  RESULTS_CHANGED: "Only when a tile's results change",
  RESULTS_UNCHANGED: "Only when a tile's results stay the same",
};

export function formatBlocks(draft: ScheduleDraft, kept?: KeptFormat): Block[] {
  const formats = formatsFor(draft.destination.kind, kept).map((format) => option(FORMAT_LABELS[format], format));
  const blocks: Block[] = [
    input(
      versioned(BlockIds.formFormat, draft.destination.kind),
      staticSelect(ActionIds.formFormatSelect, formats, draft.format),
      {
        label: 'Format',
        dispatch: true,
      },
    ),
  ];
  const flags = booleanOptionsFor(draft.format);
  blocks.push(
    input(
      versioned(BlockIds.formOptions, draft.format),
      checkboxes(
        ActionIds.formOptionsCheckboxes,
        flags.map((flag) => option(OPTION_LABELS[flag], flag)),
        flags.filter((flag) => draft.options[flag]),
      ),
      { label: 'Options', optional: true },
    ),
  );
  if (draft.format === 'pdf') {
    const sizes = [option("Omni's default", DEFAULT_VALUE), ...PAPER_FORMATS.map((p) => option(PAPER_LABELS[p], p))];
    const orientations = [
      option("Omni's default", DEFAULT_VALUE),
      option('Portrait', 'portrait'),
      option('Landscape', 'landscape'),
    ];
    blocks.push(
      input(
        BlockIds.formPaperFormat,
        staticSelect(ActionIds.formPaperFormatSelect, sizes, draft.options.paperFormat ?? DEFAULT_VALUE),
        { label: 'Paper size', optional: true, dispatch: true },
      ),
      input(
        BlockIds.formPaperOrientation,
        staticSelect(
          ActionIds.formPaperOrientationSelect,
          orientations,
          draft.options.paperOrientation ?? DEFAULT_VALUE,
        ),
        { label: 'Orientation', optional: true },
      ),
    );
  }
  return blocks;
}

/** The dashboard's filters with the values this schedule uses (its overrides, else the dashboard's own). */
export function filterBlocks(draft: ScheduleDraft, dashboard: DashboardDetails | undefined): Block[] {
  if (!dashboard || dashboard.filters.length === 0) return [];
  const blocks: Block[] = [
    {
      type: 'section',
      text: mrkdwn("*Filters*\nThe values this schedule uses. Change one to override the dashboard's own."),
    },
  ];
  const readOnly: string[] = [];
  let shown = 0;
  for (const { key, filter } of dashboard.filters) {
    const current = draft.filters[key] ?? filter;
    const text = filterText(current);
    if (text === undefined || shown >= MAX_FILTER_INPUTS) {
      readOnly.push(filterLabel(key, filter));
      continue;
    }
    shown += 1;
    blocks.push(
      input(
        versioned(`${BlockIds.formFilterPrefix}${key}`, dashboard.identifier),
        textInput(ActionIds.formFilterInput, text),
        {
          label: filterLabel(key, filter),
          hint: filterHint(current),
          optional: true,
        },
      ),
    );
  }
  if (readOnly.length > 0) {
    blocks.push(context(`Kept as set in Omni: ${readOnly.map((label) => escapeSlackText(label)).join(', ')}.`));
  }
  return blocks;
}

export function contentBlocks(draft: ScheduleDraft, dashboard: DashboardDetails | undefined): Block[] {
  const tiles = tileOptions(draft, dashboard);
  const blocks: Block[] = [
    input(
      versioned(BlockIds.formContent, dashboard?.identifier ?? 'none'),
      staticSelect(
        ActionIds.formContentSelect,
        [option('The whole dashboard', WHOLE_DASHBOARD), ...tiles.slice(0, 99)],
        draft.content.kind === 'tile' ? draft.content.queryKey : WHOLE_DASHBOARD,
      ),
      { label: 'Deliver', hint: tiles.length === 0 ? 'Choose a dashboard to pick one of its tiles.' : undefined },
    ),
    input(
      BlockIds.formRowLimit,
      {
        type: 'number_input',
        action_id: ActionIds.formRowLimitInput,
        is_decimal_allowed: false,
        min_value: '1',
        ...(draft.rowLimit !== undefined ? { initial_value: String(draft.rowLimit) } : {}),
      } as types.NumberInput,
      { label: 'Row limit', hint: "Rows per query; leave empty for Omni's default.", optional: true },
    ),
  ];
  const alerts = [
    option('Always, on schedule', NO_ALERT),
    ...ALERT_CONDITIONS.map((condition) => option(ALERT_LABELS[condition], condition)),
  ];
  blocks.push(
    input(
      BlockIds.formAlert,
      staticSelect(ActionIds.formAlertSelect, alerts, draft.alert.kind === 'none' ? NO_ALERT : draft.alert.condition),
      { label: 'Send', dispatch: true },
    ),
  );
  if (draft.alert.kind === 'condition') {
    if (tiles.length > 0) {
      blocks.push(
        input(
          versioned(BlockIds.formAlertTile, dashboard?.identifier ?? 'none'),
          staticSelect(ActionIds.formAlertTileSelect, tiles.slice(0, 100), draft.alert.queryKey, 'Choose a tile'),
          { label: 'Tile the alert watches' },
        ),
      );
    } else {
      blocks.push(context('Choose a dashboard to pick the tile the alert watches.'));
    }
  }
  const test = option(
    'Send a test delivery now',
    TEST_NOW_VALUE,
    'A real delivery to the destination above, right away',
  );
  blocks.push(
    input(
      BlockIds.formTestNow,
      checkboxes(ActionIds.formTestNowCheckboxes, [test], draft.testNow ? [TEST_NOW_VALUE] : []),
      {
        label: 'Test',
        optional: true,
      },
    ),
  );
  return blocks;
}

/** The dashboard's tiles; a tile the draft names but the list lacks (not loaded yet) is kept by its key. */
function tileOptions(draft: ScheduleDraft, dashboard: DashboardDetails | undefined) {
  const tiles = (dashboard?.tiles ?? []).map((tile) => option(tile.name || `Tile ${tile.key}`, tile.key));
  const named = [
    draft.content.kind === 'tile' ? draft.content.queryKey : '',
    draft.alert.kind === 'condition' ? draft.alert.queryKey : '',
  ];
  for (const key of named) {
    if (key && !tiles.some((tile) => tile.value === key)) tiles.push(option(`Tile ${key}`, key));
  }
  return tiles;
}
