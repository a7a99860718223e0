// Slack's date formatting: `<!date^UNIX^{tokens}|fallback>` is shown to each viewer in their own time
// zone and locale; clients that cannot render it show the fallback text (Slack's message formatting docs,
// "Date formatting").
import { escapeSlackText } from './slack-escape.js';

/** `{date_short_pretty} at {time}`: "today at 09:00", "Mon, Dec 7 at 9:00 AM", as the viewer's settings say. */
export const DATE_AT_TIME = '{date_short_pretty} at {time}';

/**
 * The `<!date>` token for an instant. The fallback is escaped (a `>` or `|` in it would end the token early);
 * the template must be Slack's `{…}` tokens and words only.
 */
export function slackDate(at: Date, fallback: string, template: string = DATE_AT_TIME): string {
  const unix = Math.floor(at.getTime() / 1000);
  if (!Number.isFinite(unix)) throw new RangeError('slackDate needs a valid date');
  if (/[|<>^]/.test(template)) throw new RangeError(`A <!date> template cannot hold | < > or ^: ${template}`);
  return `<!date^${unix}^${template}|${escapeSlackText(fallback).replaceAll('|', '/')}>`;
}
