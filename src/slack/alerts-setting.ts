// Turning failure alerts on and off: one code path for `/schedule alerts on|off` (commands/alerts.ts) and
// App Home's channel picker and Turn off button (listeners/actions/home-alerts.ts). Admins and owners only;
// a refusal is audited like the dispatcher audits a refused command. Turning on posts a note in the channel
// first, so a channel the app cannot post in is refused now rather than at the first failure.
import { workspaceKey } from '../store/index.js';
import { setWatch, type WatchStatus, watchStatus } from '../watch/watcher.js';
import { AccessDeniedError } from './errors.js';
import type { Interaction } from './interaction.js';
import { watchServices } from './watch-services.js';

type Who = Pick<Interaction, 'deps' | 'scope' | 'userId' | 'client' | 'omni' | 'requireAccess'>;

/** Seconds between checks, as the answers say it. */
export function alertIntervalS(deps: Interaction['deps']): number {
  return Math.round(deps.config.alertCheckIntervalMs / 1000);
}

/** Failure alerts on in `channelId`; returns the line to tell the person. */
export async function turnAlertsOn(who: Who, channelId: string): Promise<string> {
  await requireAdmin(who, 'on');
  // Alerts need Omni; say so now rather than at the first check.
  await who.omni();
  await who.client.chat.postMessage({
    channel: channelId,
    text: `:bell: <@${who.userId}> turned on failure alerts for Omni schedules: a schedule whose run fails, or that Omni disables, is announced here.`,
  });
  await setWatch(
    watchServices(who.deps).records,
    workspaceKey(who.scope),
    { enabled: true, channelId, by: who.userId },
    who.deps.now().getTime(),
  );
  audit(who, 'ok', `on in ${channelId}`);
  return `:bell: Failure alerts are on in <#${channelId}>. Omni is checked every ${alertIntervalS(who.deps)} s.`;
}

/** Failure alerts off; returns the line to tell the person. */
export async function turnAlertsOff(who: Who): Promise<string> {
  await requireAdmin(who, 'off');
  await setWatch(
    watchServices(who.deps).records,
    workspaceKey(who.scope),
    { enabled: false, by: who.userId },
    who.deps.now().getTime(),
  );
  audit(who, 'ok', 'off');
  return ':no_bell: Failure alerts are off.';
}

/** The setting, the last check and what is failing now (what `/schedule alerts` and App Home show). */
export function alertsStatus(who: Pick<Interaction, 'deps' | 'scope'>): Promise<WatchStatus> {
  return watchStatus(watchServices(who.deps).records, workspaceKey(who.scope));
}

async function requireAdmin(who: Who, verb: 'on' | 'off'): Promise<void> {
  try {
    await who.requireAccess('admin');
  } catch (error) {
    if (error instanceof AccessDeniedError) audit(who, 'refused', `${verb}: ${error.message}`);
    throw error;
  }
}

function audit(who: Who, outcome: 'ok' | 'refused', detail: string): void {
  who.deps.audit.record({ workspace: workspaceKey(who.scope), user: who.userId, action: 'alerts', outcome, detail });
}
