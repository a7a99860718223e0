// The name the form suggests: the dashboard and how often, e.g. "Orders — weekdays at 09:00".
import { describeCron } from './cron-describe.js';
import type { Preset, Weekday } from './presets.js';

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  SUN: 'Sundays',
  MON: 'Mondays',
  TUE: 'Tuesdays',
  WED: 'Wednesdays',
  THU: 'Thursdays',
  FRI: 'Fridays',
  SAT: 'Saturdays',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "weekdays at 09:00", "every hour at :15", "monthly on the last day at 06:30"… */
export function presetPhrase(preset: Preset): string {
  switch (preset.kind) {
    case 'hourly':
      return `every hour at :${pad(preset.minute)}`;
    case 'daily':
      return `daily at ${pad(preset.hour)}:${pad(preset.minute)}`;
    case 'weekdays':
      return `weekdays at ${pad(preset.hour)}:${pad(preset.minute)}`;
    case 'weekly': {
      const days = preset.days.map((day) => DAY_NAMES[day]);
      const list = days.length <= 1 ? (days[0] ?? 'weekly') : `${days.slice(0, -1).join(', ')} and ${days.at(-1)}`;
      return `${list} at ${pad(preset.hour)}:${pad(preset.minute)}`;
    }
    case 'monthly':
      return `monthly on ${preset.day === 'last' ? 'the last day' : `the ${ordinal(preset.day)}`} at ${pad(preset.hour)}:${pad(preset.minute)}`;
    case 'custom':
      try {
        const text = describeCron(preset.cron);
        return text.charAt(0).toLowerCase() + text.slice(1);
      } catch {
        return 'custom schedule';
      }
  }
}

/** The suggested schedule name (≤ 150 characters). */
export function defaultScheduleName(dashboardName: string | undefined, preset: Preset): string {
  const name = `${dashboardName?.trim() || 'Dashboard'} — ${presetPhrase(preset)}`;
  return name.length <= 150 ? name : `${name.slice(0, 149)}…`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
