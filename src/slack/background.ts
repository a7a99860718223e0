// Background work of this process: every job kind's handler, registered before the runner starts, and the
// people features' hourly tick (index passes, the daily follow reconcile; claims make each run once across
// replicas). Start-up calls startBackgroundWork once the store and the job runner are open.
import type { Logger } from '@slack/bolt';
import type { Claims } from '../coordination/claims.js';
import type { Jobs } from '../jobs/types.js';
import { peopleTick, registerPeopleJobs, type TickOutcome } from '../people/index.js';
import { activeConnection } from './connection.js';
import type { AppDeps } from './deps.js';
import { errorMessage } from './errors.js';
import { createPeopleServices, type PeopleServices, scopeOfWorkspaceKey } from './people/services.js';

/** How often the people tick runs on each replica (the pieces it starts are claimed, so run once). */
export const PEOPLE_TICK_EVERY_MS = 60 * 60_000;

/** Every job kind this app runs: one line a feature. */
export function registerJobHandlers(jobs: Jobs, people: PeopleServices): void {
  registerPeopleJobs(jobs, people.work);
}

export interface BackgroundWork {
  people: PeopleServices;
  /** One tick now (tests call it instead of waiting an hour). */
  tick(): Promise<TickOutcome>;
  /** Stops the timer (the caller closes the job runner). */
  stop(): void;
}

export async function startBackgroundWork(
  deps: AppDeps,
  coordination: { jobs: Jobs; claims?: Claims | undefined },
  logger: Pick<Logger, 'warn' | 'error'>,
  options: { tickEveryMs?: number | false } = {},
): Promise<BackgroundWork> {
  const people = createPeopleServices(deps, coordination, { log: (message) => logger.warn(message) });
  deps.people = people;
  registerJobHandlers(coordination.jobs, people);
  await coordination.jobs.start();
  const tick = () =>
    peopleTick({
      ...people.work,
      jobs: people.jobs,
      follows: people.follows,
      claims: people.claims,
      // Only workspaces that have an Omni connection: the others have no schedules to index.
      workspaces: async () => {
        const connected: string[] = [];
        for (const key of await people.known.list()) {
          if (await activeConnection(deps, scopeOfWorkspaceKey(key)).catch(() => undefined)) connected.push(key);
        }
        return connected;
      },
    });
  const every = options.tickEveryMs ?? PEOPLE_TICK_EVERY_MS;
  let timer: NodeJS.Timeout | undefined;
  if (every !== false) {
    const run = () =>
      void tick().catch((error: unknown) => logger.error(`people: the hourly tick failed: ${errorMessage(error)}`));
    timer = setInterval(run, every);
    timer.unref();
    run();
  }
  return {
    people,
    tick,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
