// Texts for a recipient change that runs in the background: the progress message's first line, and the
// answer to the person who asked, by what became of the request (started, queued behind others, joined).

export type JobOutcome = 'started' | 'queued' | 'joined';

export interface ChangeDescription {
  op: 'add' | 'remove' | 'users';
  scheduleId?: string;
  /** For `users`: add, set or sync. */
  action?: string;
}

export function describeChange(change: ChangeDescription): string {
  if (change.op === 'users') return `\`/schedule users ${change.action ?? 'sync'}\``;
  const verb = change.op === 'add' ? 'Adding people to' : 'Removing people from';
  return `${verb} schedule \`${change.scheduleId ?? ''}\``;
}

/** The progress message as first posted, before a worker takes the job. */
export function queuedProgressText(change: ChangeDescription): string {
  return `:hourglass_flowing_sand: ${describeChange(change)}: queued… this message shows the progress, then the summary.`;
}

/** The answer in the channel where it was asked. */
export function jobOutcomeText(change: ChangeDescription, outcome: JobOutcome, ahead: number): string {
  const what = describeChange(change);
  const where = 'Progress and the summary are in your messages with the app.';
  if (outcome === 'joined') {
    return `:hourglass_flowing_sand: ${what}: the same change is already under way (asked earlier), so this one joins it. Its progress message shows how it goes.`;
  }
  if (outcome === 'queued') {
    const scope = change.op === 'users' ? 'email-only user changes in this workspace' : 'changes to this schedule';
    const n = ahead === 1 ? '1 other' : `${ahead} other`;
    return `:hourglass_flowing_sand: ${what}: waiting behind ${n} ${scope}; it starts when they finish. ${where}`;
  }
  return `:hourglass_flowing_sand: ${what}: started. ${where}`;
}
