// Finding a dashboard by what someone types: part of its name, its id, or a pasted Omni URL.
import { parseDashboardRef } from './dashboard-ref.js';

export interface DashboardSummary {
  identifier: string;
  name: string;
}

export interface DashboardMatch extends DashboardSummary {
  /** True when the text is an id or URL not among the known dashboards: offered as typed. */
  pasted?: boolean;
}

/**
 * The dashboards matching `query`, best first, at most `limit`: an exact id or a pasted URL first,
 * then names starting with the words typed, then names containing them. An empty query lists all.
 */
export function searchDashboards(list: readonly DashboardSummary[], query: string, limit = 100): DashboardMatch[] {
  const text = query.trim();
  const matches: DashboardMatch[] = [];
  const ref = text === '' ? undefined : parseDashboardRef(text);
  if (ref?.ok) {
    const known = list.find((d) => d.identifier === ref.identifier);
    const isLink = /^<?https?:\/\//i.test(text);
    if (known) matches.push(known);
    else if (isLink || !/\s/.test(text))
      matches.push({ identifier: ref.identifier, name: ref.identifier, pasted: true });
  }
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const scored = list
    .filter((d) => !matches.some((m) => m.identifier === d.identifier))
    .map((d) => {
      const name = d.name.toLowerCase();
      if (words.length === 0) return { d, score: 1 };
      if (!words.every((w) => name.includes(w) || d.identifier.toLowerCase().includes(w))) return { d, score: 0 };
      return { d, score: name.startsWith(words[0] ?? '') ? 3 : 2 };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.d.name.localeCompare(b.d.name));
  // A bare word that matched names is probably not an id: drop the "as typed" guess then.
  if (matches[0]?.pasted && !/^<?https?:\/\//i.test(text) && scored.length > 0) matches.shift();
  return [...matches, ...scored.map((entry) => entry.d)].slice(0, limit);
}
