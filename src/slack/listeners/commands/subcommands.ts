import type { Subcommand } from '../../commands/types.js';

// Every `/schedule` subcommand, in the order help lists them. Each feature file exports its own
// Subcommand objects; add them here.
export const subcommands: readonly Subcommand[] = [];

export function findSubcommand(name: string): Subcommand | undefined {
  const wanted = name.toLowerCase();
  return subcommands.find((s) => s.name === wanted || s.aliases?.includes(wanted));
}
