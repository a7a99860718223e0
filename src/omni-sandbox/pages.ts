// Plain pages for the links the sandbox hands out (dashboard URLs in deliveries and document
// lists), so clicking one while trying the app shows something instead of a 401.
import type { ServerResponse } from 'node:http';
import type { SandboxState } from './state.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Answers GET / and GET /dashboards/… or /w/…; returns false for any other path. */
export function servePage(state: SandboxState, path: string, res: ServerResponse): boolean {
  let title: string;
  let text: string;
  const match = /^\/(dashboards|w)\/([^/]+)(\/schedules\/([^/]+))?\/?$/.exec(path);
  if (path === '/' || path === '') {
    title = 'Omni sandbox';
    text = 'An in-memory Omni organization. The REST API is under /api/v1/.';
  } else if (match) {
    const doc = state.documents.get(decodeURIComponent(match[2]));
    const schedule = match[4] ? state.schedules.get(decodeURIComponent(match[4])) : undefined;
    if (!doc) return false;
    title = doc.name;
    text = schedule
      ? `Schedule "${schedule.name}" of ${doc.hasDashboard ? 'dashboard' : 'workbook'} "${doc.name}" (sandbox).`
      : `${doc.hasDashboard ? 'Dashboard' : 'Workbook'} "${doc.name}" (${doc.identifier}) in the Omni sandbox.`;
  } else {
    return false;
  }
  const html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
  return true;
}
