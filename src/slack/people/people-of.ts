import type { AppDeps } from '../deps.js';
import type { PeopleServices } from './services.js';

/** The people services; an error that says why when this process runs no background jobs. */
export function peopleOf(deps: AppDeps): PeopleServices {
  if (!deps.people) throw new Error('Background jobs are not running in this process, so this cannot be done now');
  return deps.people;
}
