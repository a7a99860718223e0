// How schedules look on the wire. Each shape satisfies the operation's response schema in Omni's
// spec and also carries the fields of the docs' examples.
import type { EmailRecipient, SandboxState, Schedule } from './state.js';

/** null for a schedule the organization owns. */
export function ownerName(state: SandboxState, ownerId: string | null): string | null {
  if (ownerId === null) return null;
  return state.members.get(ownerId)?.name ?? 'Unknown user';
}

/** The schedule once per destination, each as if it were the only one (how Omni lists them). */
export function perDestination(schedule: Schedule): Schedule[] {
  return [
    schedule,
    ...(schedule.moreDestinations ?? []).map((extra) => ({
      ...schedule,
      destinationId: extra.id,
      destination: extra.destination,
      lastStatus: extra.lastStatus,
      lastCompletedAt: extra.lastCompletedAt,
      moreDestinations: undefined,
    })),
  ];
}

export function dashboardName(state: SandboxState, schedule: Schedule): string {
  return state.documents.get(schedule.identifier)?.name ?? schedule.identifier;
}

/** A record of GET /api/v1/schedules. */
export function listRecord(state: SandboxState, schedule: Schedule): Record<string, unknown> {
  const { destination } = schedule;
  const record: Record<string, unknown> = {
    id: schedule.id,
    name: schedule.name,
    schedule: schedule.schedule,
    timezone: schedule.timezone,
    identifier: schedule.identifier,
    dashboardName: dashboardName(state, schedule),
    ownerId: schedule.ownerId,
    ownerName: ownerName(state, schedule.ownerId),
    destinationType: destination.type,
    format: schedule.format,
    content: schedule.options.queryIdentifierMapKey ? 'single tile' : 'dashboard',
    recipientCount: destination.type === 'email' ? destination.recipients.length : -1,
    slackRecipientType: destination.type === 'slack' ? destination.slackRecipientType : null,
    disabledAt: schedule.disabledAt,
    systemDisabledAt: schedule.systemDisabledAt,
    systemDisabledReason: schedule.systemDisabledReason,
    lastCompletedAt: schedule.lastCompletedAt,
    lastStatus: schedule.lastStatus,
  };
  // The spec types `alert` as an object "only present for alert-type schedules".
  if (schedule.conditionType) {
    const query = state.documents
      .get(schedule.identifier)
      ?.queries.find((q) => q.queryIdentifierMapKey === schedule.conditionQueryMapKey);
    record.alert = { conditionQueryName: query?.name ?? null, conditionType: schedule.conditionType };
  }
  return record;
}

type Person = { id: string; email: string; name: string; emailOnly: boolean };

export function person(state: SandboxState, recipient: EmailRecipient): Person {
  const member = state.members.get(recipient.userId);
  if (member) return { id: member.id, email: member.email, name: member.name, emailOnly: false };
  const user = state.findEmailOnlyUserById(recipient.userId);
  const email = user?.email ?? '';
  return { id: recipient.userId, email, name: email, emailOnly: true };
}

function destinationMetadata(schedule: Schedule): Record<string, unknown> {
  const { destination } = schedule;
  switch (destination.type) {
    case 'email':
      return { type: 'email', subject: destination.subject, textBody: destination.textBody };
    case 'slack':
      return {
        type: 'slack',
        slackRecipientType: destination.slackRecipientType,
        recipients: destination.recipients,
        textBody: destination.textBody,
      };
    case 'webhook':
      return { type: 'webhook', url: destination.url };
    case 'sftp':
      // The password is encrypted by Omni and never returned.
      return {
        type: 'sftp',
        address: destination.address,
        port: destination.port,
        username: destination.username,
        path: destination.path,
      };
    case 's3':
      return {
        type: 's3',
        bucketName: destination.bucketName,
        region: destination.region,
        roleArn: destination.roleArn,
        keyPrefix: destination.keyPrefix,
      };
  }
}

/** GET /api/v1/schedules/{id}. */
export function scheduleDetail(state: SandboxState, schedule: Schedule): Record<string, unknown> {
  const { options } = schedule;
  const document = state.documents.get(schedule.identifier);
  return {
    id: schedule.id,
    name: schedule.name,
    organizationId: state.organizationId,
    entityId: document?.id ?? schedule.identifier,
    identifier: schedule.identifier,
    dashboardName: dashboardName(state, schedule),
    ownerId: schedule.ownerId,
    owner: schedule.ownerId === null ? null : { name: ownerName(state, schedule.ownerId) },
    schedule: schedule.schedule,
    timezone: schedule.timezone,
    fanOut: options.fanOut,
    killJobsOnFailure: options.killJobsOnFailure,
    filterConfig: schedule.filterConfig,
    metadata: scheduleMetadata(schedule),
    conditionType: schedule.conditionType,
    conditionQueryMapKey: schedule.conditionQueryMapKey,
    disabledAt: schedule.disabledAt,
    systemDisabledAt: schedule.systemDisabledAt,
    systemDisabledReason: schedule.systemDisabledReason,
    createdAt: schedule.createdAt,
    updatedAt: schedule.updatedAt,
    destinations: perDestination(schedule).map((one) => destinationView(state, one)),
  };
}

/** One entry of a schedule's `destinations`; `schedule` as perDestination() gives it. */
function destinationView(state: SandboxState, schedule: Schedule): Record<string, unknown> {
  const { destination } = schedule;
  const recipients =
    destination.type === 'email'
      ? destination.recipients.map((r) => {
          const p = person(state, r);
          const member = state.members.get(r.userId);
          return {
            id: `${schedule.destinationId.slice(0, 24)}${p.id.slice(-12)}`,
            membershipId: member?.membershipId ?? p.id,
            membership: { user: { email: p.email, name: p.emailOnly ? null : p.name } },
          };
        })
      : [];
  return {
    id: schedule.destinationId,
    format: schedule.format,
    lastStatus: schedule.lastStatus,
    lastCompletedAt: schedule.lastCompletedAt,
    metadata: destinationMetadata(schedule),
    recipients,
    userGroupRecipients: [],
  };
}

/** Format options as set (unset ones omitted), the way the schedule's `metadata` carries them. */
function scheduleMetadata(schedule: Schedule): Record<string, unknown> {
  const { fanOut: _fanOut, killJobsOnFailure: _kill, ...rest } = schedule.options;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
}

/** GET /api/v1/schedules/{id}/recipients. */
export function recipientsView(state: SandboxState, schedule: Schedule): Record<string, unknown> {
  const { destination } = schedule;
  switch (destination.type) {
    case 'email':
      return {
        type: 'email',
        recipients: destination.recipients.map((r) => person(state, r)),
        userGroupRecipients: [],
      };
    case 'slack':
      // The docs' shape; Omni's spec describes `recipients` for email destinations only.
      return {
        type: 'slack',
        recipients: destination.recipients.map((slackId) => ({
          recipientType: destination.slackRecipientType,
          slackId,
        })),
      };
    case 'webhook':
      return { type: 'webhook', url: destination.url };
    case 'sftp':
      return { type: 'sftp', address: destination.address, port: destination.port, username: destination.username };
    case 's3':
      return {
        type: 's3',
        bucketName: destination.bucketName,
        region: destination.region,
        keyPrefix: destination.keyPrefix,
      };
  }
}
