// The failure-alert card (channel and owner DM) and the "Snoozed until … by …" line. Buttons carry only the
// schedule id.
import type { types } from '@slack/bolt';
import { WatchActionIds } from '../../ids.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import type { AlertView } from '../../watch/failure-check.js';
import { type Block, button, plain, section } from './blocks.js';

/** `omniUrl`: the schedule in Omni (https), for Open in Omni. */
export function failureAlertBlocks(alert: AlertView, omniUrl: string): { text: string; blocks: Block[] } {
  const name = escapeSlackText(alert.scheduleName);
  if (alert.state !== 'failing') {
    const said = alert.state === 'recovered' ? 'recovered: its last run succeeded' : 'was deleted in Omni';
    const text = `${alert.scheduleName} ${said}`;
    return {
      text,
      blocks: [section(`:white_check_mark: *${name}* ${said}.`)],
    };
  }
  const id = alert.scheduleId;
  return {
    text: `${alert.scheduleName} is failing: ${alert.reason}`,
    blocks: [
      section(`:warning: *${name}* is failing\n${escapeSlackText(alert.reason)}`),
      {
        type: 'actions',
        elements: [
          button('Run again', WatchActionIds.alertRunAgain, id, { style: 'primary' }),
          button('Pause', WatchActionIds.alertPause, id),
          button('Edit', WatchActionIds.alertEdit, id),
          { ...button('Open in Omni', WatchActionIds.alertOpenInOmni, id), url: omniUrl },
          button('Mute for me', WatchActionIds.alertMute, id),
        ],
      },
      { type: 'actions', elements: [snoozeMenu(id)] },
    ],
  };
}

/** Snooze choices on the alert card; `/schedule snooze` takes any other end. */
export const ALERT_SNOOZE_CHOICES = [
  { label: '1 day', duration: '1d' },
  { label: '3 days', duration: '3d' },
  { label: '1 week', duration: '1w' },
  { label: '2 weeks', duration: '2w' },
] as const;

/**
 * A snooze menu's choice (`<duration>|<schedule id>`, as both menus draw it) read back; undefined for a
 * duration the menus do not offer or an id that is not one's shape (the same shape as a row's).
 */
export function parseSnoozeChoice(value: string | undefined): { duration: string; scheduleId: string } | undefined {
  const match = /^([a-z0-9]+)\|([0-9a-fA-F-]{1,64})$/.exec(value ?? '');
  const duration = match?.[1];
  const scheduleId = match?.[2];
  if (!duration || !scheduleId || !ALERT_SNOOZE_CHOICES.some((c) => c.duration === duration)) return undefined;
  return { duration, scheduleId };
}

function snoozeMenu(scheduleId: string): types.StaticSelect {
  return {
    type: 'static_select',
    action_id: WatchActionIds.alertSnooze,
    placeholder: plain('Snooze for…'),
    options: ALERT_SNOOZE_CHOICES.map((c) => ({
      text: plain(c.label),
      value: `${c.duration}|${scheduleId}`,
    })),
  };
}

/** The card's snooze line; `until` is already formatted in the viewer's zone (formatInZone). */
export function snoozedBlock(scheduleId: string, until: string, byUserId: string): types.SectionBlock {
  return {
    ...section(`:zzz: Snoozed until ${escapeSlackText(until)} by <@${byUserId}>`),
    accessory: button('Resume now', WatchActionIds.snoozeResumeNow, scheduleId),
  };
}
