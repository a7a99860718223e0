// Who receives what, offboarding and recipients that follow a channel: below the Slack listeners, on
// Omni, the store and the job runner.
import type { Jobs } from '../jobs/types.js';
import { FOLLOW_JOB, type FollowDeps, followHandler } from './follow.js';
import { INDEX_CRAWL_JOB, indexCrawlHandler } from './index-crawl.js';
import { OFFBOARD_JOB, offboardHandler } from './offboarding.js';

export * from './follow.js';
export * from './follow-store.js';
export * from './index-crawl.js';
export * from './offboarding.js';
export * from './recipient-index.js';
export * from './types.js';

/** Registers the three job kinds (before `jobs.start()`). */
export function registerPeopleJobs(jobs: Jobs, deps: FollowDeps): void {
  jobs.register(INDEX_CRAWL_JOB, indexCrawlHandler(deps));
  jobs.register(OFFBOARD_JOB, offboardHandler(deps));
  jobs.register(FOLLOW_JOB, followHandler(deps));
}
export * from './maintenance.js';
