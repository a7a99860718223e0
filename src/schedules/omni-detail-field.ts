// Which form field one of Omni's 400 (or 403/404) `detail` strings is about, so the modal can show
// Omni's own words on that field. Omni prefixes zod errors with the body property (`timezone: …`);
// its business-rule errors are matched by their documented wording.
import type { DraftField, ScheduleDraft } from './draft.js';

type DraftShape = Pick<ScheduleDraft, 'destination' | 'alert' | 'content'>;

const PHRASES: readonly [RegExp, DraftField][] = [
  [/^Analyses do not support dashboards/i, 'dashboard'],
  [/^Document does not have a dashboard/i, 'dashboard'],
  [/^Document with identifier .* not found/i, 'dashboard'],
  [/cannot schedule this dashboard/i, 'dashboard'],
  [/^hideTitle\b/, 'formatOptions'],
  [/^hideHiddenFields\b/, 'formatOptions'],
  [/^Print options are not supported/i, 'format'],
  [/FIT_PAGE/, 'paperFormat'],
  [/^Invalid filter keys/i, 'filters'],
  [/^Test delivery not supported/i, 'testNow'],
  [/^Alert conditions require/i, 'alertTile'],
  [/^Format \S+ is not supported/i, 'format'],
];

/** Body properties (as in `<property>: <message>`) and the field each belongs to; `recipients` and `textBody` depend on the destination. */
const PROPERTIES: Readonly<Record<string, DraftField>> = {
  identifier: 'dashboard',
  name: 'name',
  schedule: 'when',
  timezone: 'timezone',
  format: 'format',
  destinationType: 'destination',
  slackRecipientType: 'destination',
  filterConfig: 'filters',
  conditionType: 'alert',
  conditionQueryMapKey: 'alertTile',
  queryIdentifierMapKey: 'content',
  overrideRowLimit: 'rowLimit',
  maxRowLimit: 'rowLimit',
  testNow: 'testNow',
  hideTitle: 'formatOptions',
  hideHiddenFields: 'formatOptions',
  enableFormatting: 'formatOptions',
  showContentLink: 'formatOptions',
  showFilters: 'formatOptions',
  killJobsOnFailure: 'formatOptions',
  expandTablesToShowAllRows: 'formatOptions',
  singleColumnLayout: 'formatOptions',
  paperFormat: 'paperFormat',
  paperOrientation: 'paperOrientation',
  subject: 'emailSubject',
  fanOut: 'emailFanOut',
  url: 'webhookUrl',
  webhookUrl: 'webhookUrl',
  address: 'sftpAddress',
  port: 'sftpPort',
  username: 'sftpUsername',
  passwordUnencrypted: 'sftpPassword',
  bucketName: 's3Bucket',
  region: 's3Region',
  roleArn: 's3RoleArn',
  keyPrefix: 's3KeyPrefix',
};

/**
 * The field an Omni `detail` concerns, or undefined when it names none (then show it above the form).
 * The draft, when given, settles the ambiguous ones (`recipients: …`, an unknown query key).
 */
export function fieldForOmniDetail(detail: string, draft?: DraftShape): DraftField | undefined {
  const message = detail.trim().replace(/^Bad Request:\s*/i, '');
  for (const [pattern, field] of PHRASES) if (pattern.test(message)) return field;
  const queryKey = /^Couldn't find query presentation for key: (.*)$/i.exec(message)?.[1]?.trim();
  if (queryKey !== undefined) {
    if (draft?.alert.kind === 'condition' && draft.alert.queryKey === queryKey) return 'alertTile';
    return 'content';
  }
  const property = /^([A-Za-z]+)(?:\.[\w.[\]]+)?:/.exec(message)?.[1];
  if (property === undefined) return undefined;
  if (property === 'recipients') return recipientsField(draft);
  if (property === 'textBody') return draft?.destination.kind === 'email' ? 'emailBody' : 'slackMessage';
  return PROPERTIES[property];
}

function recipientsField(draft?: DraftShape): DraftField {
  switch (draft?.destination.kind) {
    case 'slack-channel':
      return 'slackChannel';
    case 'slack-dm':
      return 'slackUsers';
    case 'email':
      return 'emailAddresses';
    default:
      return 'destination';
  }
}
