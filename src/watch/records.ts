// What the failure watch keeps per workspace: its setting, the alerts it has posted (to update them in
// place on recovery), who muted which schedule, and the last check. A TtlCache namespace holds them; the
// store has no TTL-less generic namespace, so records live for RECORD_TTL_MS and are rewritten on change.
import type { TtlCache } from '../store/index.js';

/** Longer than any snooze (a year) and any alert worth updating. */
export const RECORD_TTL_MS = 400 * 24 * 60 * 60_000;

export interface WatchSetting {
  enabled: boolean;
  channelId: string;
  /** Slack user who turned it on or off. */
  setBy: string;
  setAt: number;
}

export interface MessageRef {
  channel: string;
  ts: string;
}

export interface OpenAlert {
  scheduleId: string;
  scheduleName: string;
  /** The failed run this alert is about (its `lastCompletedAt`), or the system-disable time. */
  runKey: string;
  reason: string;
  since: number;
  messages: MessageRef[];
}

export interface LastCheck {
  at: number;
  /** Omni list calls the check made. */
  omniCalls: number;
  error?: string;
}

export class WatchRecords {
  constructor(private readonly cache: TtlCache) {}

  setting(team: string): Promise<WatchSetting | undefined> {
    return this.cache.get<WatchSetting>(`setting:${team}`);
  }

  async setSetting(team: string, setting: WatchSetting): Promise<void> {
    await this.cache.set(`setting:${team}`, setting, RECORD_TTL_MS);
  }

  async openAlerts(team: string): Promise<Record<string, OpenAlert>> {
    return (await this.cache.get<Record<string, OpenAlert>>(`open:${team}`)) ?? {};
  }

  async setOpenAlerts(team: string, alerts: Record<string, OpenAlert>): Promise<void> {
    await this.cache.set(`open:${team}`, alerts, RECORD_TTL_MS);
  }

  lastCheck(team: string): Promise<LastCheck | undefined> {
    return this.cache.get<LastCheck>(`last-check:${team}`);
  }

  async setLastCheck(team: string, check: LastCheck): Promise<void> {
    await this.cache.set(`last-check:${team}`, check, RECORD_TTL_MS);
  }

  async mutedBy(team: string, scheduleId: string): Promise<string[]> {
    return (await this.cache.get<string[]>(`mute:${team}:${scheduleId}`)) ?? [];
  }

  async setMuted(team: string, scheduleId: string, userId: string, muted: boolean): Promise<void> {
    const users = new Set(await this.mutedBy(team, scheduleId));
    if (muted) users.add(userId);
    else users.delete(userId);
    await this.cache.set(`mute:${team}:${scheduleId}`, [...users], RECORD_TTL_MS);
  }

  /** Teams with a setting, so every replica's ticker knows whom to check (a small set: one per install). */
  async teams(): Promise<string[]> {
    return (await this.cache.get<string[]>('teams')) ?? [];
  }

  async addTeam(team: string): Promise<void> {
    const teams = new Set(await this.teams());
    if (teams.has(team)) return;
    teams.add(team);
    await this.cache.set('teams', [...teams], RECORD_TTL_MS);
  }
}
