// Which formats each destination takes, and which format options each format takes.
import type { DestinationKind, DraftFormat, DraftFormatOptions } from './draft.js';

/**
 * Formats offered per destination. Omni documents per-destination support only for its UI (older
 * docs: email and Slack take CSV, link-only, PDF, PNG; webhooks all six). Decided here:
 * - email also takes XLSX (an attachment like CSV; Omni's API enum allows it and newer docs list it);
 * - Slack stays on the documented four;
 * - SFTP and S3 write files, so every format but link-only (a link is not a file; the sandbox
 *   refuses it too: "Format link_only is not supported for destination type sftp").
 */
export const FORMATS_BY_DESTINATION: Readonly<Record<DestinationKind, readonly DraftFormat[]>> = {
  'slack-channel': ['pdf', 'png', 'csv', 'link_only'],
  'slack-dm': ['pdf', 'png', 'csv', 'link_only'],
  email: ['pdf', 'png', 'csv', 'xlsx', 'link_only'],
  webhook: ['pdf', 'png', 'csv', 'xlsx', 'json', 'link_only'],
  sftp: ['pdf', 'png', 'csv', 'xlsx', 'json'],
  s3: ['pdf', 'png', 'csv', 'xlsx', 'json'],
};

export const FORMAT_LABELS: Readonly<Record<DraftFormat, string>> = {
  pdf: 'PDF',
  png: 'PNG image',
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  json: 'JSON',
  link_only: 'Link only',
};

export type BooleanOption = {
  [K in keyof DraftFormatOptions]-?: DraftFormatOptions[K] extends boolean ? K : never;
}[keyof DraftFormatOptions];

/**
 * Formats each option is valid for. From Omni: hideTitle PDF/PNG ("hideTitle can only be used with
 * PDF or PNG formats"); paper size/orientation PDF and table expansion PDF/PNG ("Print options are
 * not supported for this format"); hideHiddenFields CSV/XLSX (spec). enableFormatting keeps number
 * and date formatting in data files (CSV/XLSX/JSON; a third-party wrapper only). The rest apply to all.
 */
export const OPTION_FORMATS: Readonly<Record<keyof DraftFormatOptions, readonly DraftFormat[]>> = {
  hideTitle: ['pdf', 'png'],
  paperFormat: ['pdf'],
  paperOrientation: ['pdf'],
  expandTablesToShowAllRows: ['pdf', 'png'],
  hideHiddenFields: ['csv', 'xlsx'],
  enableFormatting: ['csv', 'xlsx', 'json'],
  showFilters: ['pdf', 'png', 'csv', 'xlsx', 'json', 'link_only'],
  showContentLink: ['pdf', 'png', 'csv', 'xlsx', 'json', 'link_only'],
  killJobsOnFailure: ['pdf', 'png', 'csv', 'xlsx', 'json', 'link_only'],
};

export const BOOLEAN_OPTIONS: readonly BooleanOption[] = [
  'hideTitle',
  'expandTablesToShowAllRows',
  'hideHiddenFields',
  'enableFormatting',
  'showFilters',
  'showContentLink',
  'killJobsOnFailure',
];

export const OPTION_LABELS: Readonly<Record<BooleanOption, string>> = {
  hideTitle: 'Hide the dashboard title',
  expandTablesToShowAllRows: 'Expand tables to show all rows (up to 1,000)',
  hideHiddenFields: 'Leave out hidden fields',
  enableFormatting: 'Keep number and date formatting',
  showFilters: 'Show the filters applied',
  showContentLink: 'Include a link to the dashboard',
  killJobsOnFailure: 'Send nothing if any query fails',
};

/**
 * A format an existing schedule already has although the table above does not offer it for its
 * destination: Omni accepted it, so editing keeps it available rather than change it unasked.
 */
export interface KeptFormat {
  kind: DestinationKind;
  format: DraftFormat;
}

export function formatsFor(kind: DestinationKind, kept?: KeptFormat): readonly DraftFormat[] {
  const offered = FORMATS_BY_DESTINATION[kind];
  return kept && kept.kind === kind && !offered.includes(kept.format) ? [...offered, kept.format] : offered;
}

export function optionAppliesTo(option: keyof DraftFormatOptions, format: DraftFormat): boolean {
  return OPTION_FORMATS[option].includes(format);
}

/** The boolean options shown (and sent) for a format, in display order. */
export function booleanOptionsFor(format: DraftFormat): BooleanOption[] {
  return BOOLEAN_OPTIONS.filter((option) => optionAppliesTo(option, format));
}
