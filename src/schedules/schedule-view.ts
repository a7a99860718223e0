// What the app shows about a schedule: the fields of Omni's list record. A list record satisfies this
// interface as is; a schedule read on its own (GET one) lacks a few of them and is completed here.
import type { DestinationPlace } from './destination-summary.js';
import type { ScheduleStateFields } from './schedule-state.js';

export interface ScheduleView extends ScheduleStateFields {
  id: string;
  name: string;
  /** Omni's cron (EventBridge dialect). */
  schedule: string;
  timezone: string;
  /** The dashboard's identifier. */
  identifier: string;
  dashboardName: string;
  /** Null when Omni does not say (e.g. an owner who has left). */
  ownerName: string | null;
  destinationType: string;
  format: string | null;
  /** `dashboard` or `single tile`. */
  content: string;
  /** -1 for destinations other than email. */
  recipientCount: number;
  slackRecipientType: string | null;
  lastCompletedAt: string | null;
  alert: { conditionType: string; conditionQueryName: string | null } | null;
  /**
   * Exactly where it delivers (channel, people, webhook host, SFTP folder, bucket), when the schedule was
   * read one by one (GET one); a list record does not say, and the card then names only the kind.
   */
  places?: DestinationPlace[];
}

/** The parts of a GET-one answer (`ScheduleDetail`) used here. */
export interface ScheduleDetailLike extends Omit<ScheduleStateFields, 'lastStatus'> {
  id: string;
  name: string;
  schedule: string;
  timezone: string;
  entityId: string | null;
  owner?: { name: string | null } | null;
  conditionType: string | null;
  conditionQueryMapKey: string | null;
  destinations: {
    format: string | null;
    lastStatus: string | null;
    lastCompletedAt: string | null;
    metadata?: unknown;
    recipients: unknown[];
    userGroupRecipients: unknown[];
  }[];
}

/**
 * A view from a GET-one answer, for when the list record cannot be found. The dashboard's name is not
 * in that answer: `dashboardName` is used when the caller knows it, else the identifier stands in.
 */
export function viewFromDetail(detail: ScheduleDetailLike, dashboardName?: string): ScheduleView {
  const destination = detail.destinations[0];
  const metadata = (destination?.metadata ?? {}) as Record<string, unknown>;
  const destinationType = typeof metadata.type === 'string' ? metadata.type : 'unknown';
  const slackRecipientType =
    typeof metadata.slackRecipientType === 'string'
      ? metadata.slackRecipientType
      : typeof metadata.recipientType === 'string'
        ? metadata.recipientType
        : null;
  const identifier = detail.entityId ?? '';
  return {
    id: detail.id,
    name: detail.name,
    schedule: detail.schedule,
    timezone: detail.timezone,
    identifier,
    dashboardName: dashboardName ?? (identifier || 'unknown dashboard'),
    ownerName: detail.owner?.name ?? null,
    destinationType,
    format: destination?.format ?? null,
    content: 'dashboard',
    recipientCount:
      destinationType === 'email' && destination
        ? destination.recipients.length + destination.userGroupRecipients.length
        : -1,
    slackRecipientType: destinationType === 'slack' ? slackRecipientType : null,
    disabledAt: detail.disabledAt,
    systemDisabledAt: detail.systemDisabledAt,
    systemDisabledReason: detail.systemDisabledReason,
    lastStatus: destination?.lastStatus ?? null,
    lastCompletedAt: destination?.lastCompletedAt ?? null,
    alert: detail.conditionType
      ? { conditionType: detail.conditionType, conditionQueryName: detail.conditionQueryMapKey }
      : null,
  };
}
