// The people features (who receives what, offboarding, follows) bound to this app: the job runner, the
// claims that make a departure announced once, and the per-workspace Omni client and Slack directory that
// background work uses when there is no request to take them from.
import { WebClient } from '@slack/web-api';
import type { Claims } from '../../coordination/claims.js';
import { StoreClaims } from '../../coordination/claims.js';
import type { Jobs } from '../../jobs/types.js';
import { enqueueIndexCrawl, type FollowDeps, FollowEvents, RecipientIndexStore } from '../../people/index.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { errorMessage } from '../errors.js';
import { lookupClient, webClientDirectory } from '../recipient-actions/directory.js';
import { budgetTeamOf } from '../slack-pacing.js';
import { offboardEventText } from '../ui/offboarding-message.js';

export const PEOPLE_CACHE = 'people';

export interface PeopleServices {
  jobs: Jobs;
  claims: Claims;
  follows: FollowEvents;
  index: RecipientIndexStore;
  /** What the people jobs run on: workspaces are named by `workspaceKey(scope)`. */
  work: FollowDeps;
  /** Workspaces the app has heard from (their tick keeps the index and follows current). */
  known: KnownWorkspaces;
}

/** The scope a `workspaceKey` names (`team:T…` or `enterprise:E…`). */
export function scopeOfWorkspaceKey(key: string): WorkspaceScope {
  const [kind, id] = key.split(':');
  if (kind === 'team' && id) return { teamId: id, isEnterpriseInstall: false };
  if (kind === 'enterprise' && id) return { enterpriseId: id, isEnterpriseInstall: true };
  throw new Error(`Not a workspace key: ${key}`);
}

/**
 * The workspaces that have sent the app anything, remembered in the store so that the hourly tick (on any
 * replica, after any restart) knows whose index to keep. Written once per workspace per process.
 */
export class KnownWorkspaces {
  private readonly seen = new Set<string>();
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: Pick<AppDeps, 'store'>) {}

  remember(scope: WorkspaceScope): Promise<void> {
    const key = workspaceKey(scope);
    if (this.seen.has(key)) return Promise.resolve();
    this.seen.add(key);
    const next = this.lock.then(async () => {
      const cache = this.deps.store.cache(PEOPLE_CACHE);
      const list = (await cache.get<string[]>('workspaces')) ?? [];
      if (!list.includes(key)) await cache.set('workspaces', [...list, key], 10 * 365 * 24 * 3600_000);
    });
    this.lock = next.catch(() => this.seen.delete(key));
    return next;
  }

  async list(): Promise<string[]> {
    return (await this.deps.store.cache(PEOPLE_CACHE).get<string[]>('workspaces')) ?? [];
  }
}

/** The workspace's bot client: the configured token (one workspace) or its installation's (OAuth). */
export async function botClientFor(deps: Pick<AppDeps, 'config' | 'store'>, scope: WorkspaceScope): Promise<WebClient> {
  const { config } = deps;
  let token = config.install === 'single' ? config.slack.botToken : undefined;
  if (!token) {
    const installation = await deps.store.installations.fetchInstallation({
      teamId: scope.teamId,
      enterpriseId: scope.enterpriseId,
      isEnterpriseInstall: scope.isEnterpriseInstall === true,
    });
    token = installation.bot?.token;
  }
  if (!token) throw new Error('This workspace has no bot token: reinstall the app');
  return new WebClient(token, { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 2 } });
}

export function createPeopleServices(
  deps: AppDeps,
  coordination: { jobs: Jobs; claims?: Claims | undefined },
  options: { pace?: () => Promise<void>; log?: (message: string) => void } = {},
): PeopleServices {
  const cache = deps.store.cache(PEOPLE_CACHE);
  const log = options.log ?? (() => undefined);
  const work: FollowDeps = {
    cache,
    now: () => deps.now().getTime(),
    omniFor: (workspace) => deps.omniFor(scopeOfWorkspaceKey(workspace)),
    async slackFor(workspace) {
      const scope = scopeOfWorkspaceKey(workspace);
      const client = await botClientFor(deps, scope);
      const settings = await deps.store.settings.get(scope);
      // Uncached: a follow must see who is in the channel now, not what a look-up cached minutes ago.
      return {
        directory: webClientDirectory(lookupClient(client, { paced: true }), {
          budget: deps.slackBudget,
          teamId: budgetTeamOf(scope),
        }),
        settings,
        home: {
          ...(scope.teamId ? { teamId: scope.teamId } : {}),
          ...(scope.enterpriseId ? { enterpriseId: scope.enterpriseId } : {}),
        },
      };
    },
    // From whichever process runs the job, so the summary survives a restart (a response_url would not).
    async offboardingUpdate(data, event) {
      if (!data.message) return;
      const { channel, ts } = data.message;
      const scope = scopeOfWorkspaceKey(data.workspace);
      try {
        const client = await deps.slackClientFor(scope);
        const text = offboardEventText(data, event);
        await deps.slackBudget.call(budgetTeamOf(scope), 'chat.update', () =>
          client.chat.update({ channel, ts, text, blocks: [] }),
        );
      } catch (error) {
        log(`Could not update the offboarding message ${channel}/${ts}: ${errorMessage(error)}`);
      }
    },
    ...(options.pace ? { pace: options.pace } : {}),
  };
  return {
    jobs: coordination.jobs,
    claims: coordination.claims ?? new StoreClaims(deps.store.cache('claims')),
    follows: new FollowEvents(coordination.jobs, { cache }),
    index: new RecipientIndexStore(cache),
    work,
    known: new KnownWorkspaces(deps),
  };
}

/**
 * When the index has not read every schedule (a workspace the tick has not reached yet), start a pass now
 * rather than wait for the next tick; a pass already queued is joined. True when one is under way.
 */
export async function indexUnlessComplete(
  people: PeopleServices,
  workspace: string,
  complete: boolean,
): Promise<boolean> {
  if (complete) return false;
  await enqueueIndexCrawl(people.jobs, workspace);
  return true;
}
