// Text Slack shows as typed. Slack's formatting rules ("Escaping text" in Slack's message formatting
// docs) reserve three characters in message text and mrkdwn: `&`, `<` and `>`, to be sent as `&amp;`,
// `&lt;` and `&gt;`. Everything Slack treats as a command (`<!channel>`, `<!here>`, `<@U…>`, `<#C…>`,
// `<!subteam^…>`, `<!date^…>`, `<https://…|label>`) starts with `<`, so escaping those three characters
// turns such a command, arriving inside someone else's text, into visible characters that notify nobody.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * `text` escaped for a Slack message's `text`, a mrkdwn or a plain_text object: `&`, `<`, `>` become
 * entities. For every text that is not the app's own markup: names of schedules, dashboards and owners
 * from Omni, Omni's error details, what a person typed, and usage lines such as
 * `/schedule show <name or id>`. Apply it once, to the piece, before wrapping it in the app's own markup.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ENTITIES[ch] as string);
}

/** Escapes each interpolated value, not the template: `` slackText`*${name}* is paused` ``. */
export function slackText(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += escapeSlackText(String(value)) + (strings[i + 1] ?? '');
  });
  return out;
}
