// Slack's mrkdwn as the Slack client shows it: *bold*, _italic_, ~strike~, `code`, ```preformatted```,
// > quotes, <links|labels>, <@user> and <#channel> mentions, <!subteam^…> groups, <!here>, :emoji: and
// <!date^seconds^format|fallback> in the viewer's own time zone. Builds DOM nodes (never innerHTML), so the
// text the app sends cannot inject markup into the page.

const EMOJI = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  calendar: '📆',
  date: '📅',
  spiral_calendar_pad: '🗓️',
  clock1: '🕐',
  alarm_clock: '⏰',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  double_vertical_bar: '⏸️',
  arrow_forward: '▶️',
  arrows_counterclockwise: '🔄',
  repeat: '🔁',
  email: '📧',
  envelope: '✉️',
  link: '🔗',
  bell: '🔔',
  no_bell: '🔕',
  mag: '🔍',
  bar_chart: '📊',
  chart_with_upwards_trend: '📈',
  page_facing_up: '📄',
  inbox_tray: '📥',
  outbox_tray: '📤',
  rocket: '🚀',
  tada: '🎉',
  wave: '👋',
  bust_in_silhouette: '👤',
  busts_in_silhouette: '👥',
  lock: '🔒',
  key: '🔑',
  gear: '⚙️',
  information_source: 'ℹ️',
  bulb: '💡',
  zap: '⚡',
  sushi: '🍣',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  white_circle: '⚪',
  black_circle: '⚫',
  grey_question: '❔',
  question: '❓',
  speech_balloon: '💬',
  pencil2: '✏️',
  wastebasket: '🗑️',
  globe_with_meridians: '🌐',
  satellite_antenna: '📡',
  floppy_disk: '💾',
  cloud: '☁️',
  snowflake: '❄️',
  sleeping: '😴',
  rotating_light: '🚨',
  package: '📦',
  hand: '✋',
  file_folder: '📁',
  zzz: '💤',
};

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

function decode(text) {
  return text.replace(/&(lt|gt|amp);/g, (m) => ENTITIES[m]);
}

function ordinal(n) {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] || s[v] || s[0]}`;
}

function parts(date, tz, options) {
  const out = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone: tz, ...options }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

function dayKey(date, tz) {
  const p = parts(date, tz, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

function pretty(date, tz) {
  const day = 24 * 60 * 60 * 1000;
  const key = dayKey(date, tz);
  const now = Date.now();
  if (key === dayKey(new Date(now), tz)) return 'today';
  if (key === dayKey(new Date(now - day), tz)) return 'yesterday';
  if (key === dayKey(new Date(now + day), tz)) return 'tomorrow';
  return undefined;
}

function ago(date) {
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const future = seconds < 0;
  const abs = Math.abs(seconds);
  const units = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return future ? `in ${phrase}` : `${phrase} ago`;
    }
  }
  return future ? 'in a few seconds' : 'a few seconds ago';
}

/** Slack's <!date> tokens ({date_short_pretty}, {time}, …) for a moment, in the time zone `tz`. */
export function formatSlackDate(seconds, format, tz) {
  const date = new Date(seconds * 1000);
  const p = parts(date, tz, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  });
  const short = parts(date, tz, { month: 'short' }).month;
  const num = dayKey(date, tz);
  const dateLong = `${p.weekday}, ${p.month} ${ordinal(Number(p.day))}, ${p.year}`;
  const dateMid = `${p.month} ${ordinal(Number(p.day))}, ${p.year}`;
  const dateShort = `${short} ${p.day}, ${p.year}`;
  const tokens = {
    date_num: num,
    date: dateMid,
    date_short: dateShort,
    date_long: dateLong,
    date_pretty: pretty(date, tz) ?? dateMid,
    date_short_pretty: pretty(date, tz) ?? dateShort,
    date_long_pretty: pretty(date, tz) ?? dateLong,
    time: `${p.hour}:${p.minute} ${p.dayPeriod ?? ''}`.trim(),
    time_secs: `${p.hour}:${p.minute}:${p.second} ${p.dayPeriod ?? ''}`.trim(),
    ago: ago(date),
  };
  const text = format.replace(/\{(\w+)\}/g, (m, name) => tokens[name] ?? m);
  // Slack capitalizes "today" etc. when the line starts with it.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function safeHref(url) {
  return /^(https?:|mailto:)/i.test(url) ? url : undefined;
}

/** The node for one <…> token: a link, a mention, a group, a date, or the special mentions. */
function angle(token, ctx) {
  const [target, label] = splitLabel(token);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const user = ctx.directory.users.find((u) => u.id === id);
    return el('span', 'mention', `@${user ? user.realName : (label ?? id)}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const channel = ctx.directory.channels.find((c) => c.id === id);
    return el('span', 'mention channel', `#${channel ? channel.name : (label ?? id)}`);
  }
  if (target.startsWith('!subteam^')) {
    const id = target.slice('!subteam^'.length);
    const group = ctx.directory.usergroups.find((g) => g.id === id);
    return el('span', 'mention', group ? `@${group.handle}` : (label ?? `@${id}`));
  }
  if (target.startsWith('!date^')) {
    const [, seconds, format, link] = target.split('^');
    const n = Number(seconds);
    if (!Number.isFinite(n)) return document.createTextNode(label ?? '');
    const node = el(link && safeHref(link) ? 'a' : 'time', 'date', formatSlackDate(n, format ?? '{date}', ctx.tz));
    node.dataset.ts = String(n);
    node.title = `${new Date(n * 1000).toISOString()} (shown in ${ctx.tz})`;
    if (node.tagName === 'A') {
      node.href = safeHref(link);
      node.target = '_blank';
      node.rel = 'noopener noreferrer';
    }
    return node;
  }
  if (target === '!here' || target === '!channel' || target === '!everyone') {
    return el('span', 'mention', `@${target.slice(1)}`);
  }
  const href = safeHref(target);
  if (!href) return document.createTextNode(label ?? target);
  const a = el('a', 'link', label ?? target);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function splitLabel(token) {
  const bar = token.indexOf('|');
  if (bar < 0) return [decode(token), undefined];
  return [decode(token.slice(0, bar)), decode(token.slice(bar + 1))];
}

// One pass over a line: tokens first (so that *…* inside a link label is not bold), then styles.
const INLINE =
  /<([^<>\n]+)>|`([^`\n]+)`|(^|[\s(])\*([^*\n]+)\*(?=$|[\s.,;:!?)])|(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])|(^|[\s(])~([^~\n]+)~(?=$|[\s.,;:!?)])|:([a-z0-9_+-]+):/g;

function inline(text, ctx, into) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const [whole] = m;
    const prefix = m[3] ?? m[5] ?? m[7] ?? '';
    into.append(decode(text.slice(last, m.index) + prefix));
    last = m.index + whole.length;
    if (m[1] !== undefined) into.append(angle(m[1], ctx));
    else if (m[2] !== undefined) into.append(el('code', '', decode(m[2])));
    else if (m[4] !== undefined) inline(m[4], ctx, into.appendChild(el('strong')));
    else if (m[6] !== undefined) inline(m[6], ctx, into.appendChild(el('em')));
    else if (m[8] !== undefined) inline(m[8], ctx, into.appendChild(el('s')));
    else if (m[9] !== undefined) into.append(EMOJI[m[9]] ?? `:${m[9]}:`);
  }
  into.append(decode(text.slice(last)));
}

/** mrkdwn text → a node to append. `ctx`: { tz, directory }. */
export function renderMrkdwn(text, ctx) {
  const root = el('span', 'mrkdwn');
  const chunks = String(text).split(/```/);
  chunks.forEach((chunk, i) => {
    if (i % 2 === 1) {
      root.append(el('pre', '', decode(chunk.replace(/^\n/, ''))));
      return;
    }
    const lines = chunk.split('\n');
    let quote;
    lines.forEach((line, n) => {
      const quoted = /^(>|&gt;)\s?/.exec(line);
      if (quoted) {
        if (!quote) quote = root.appendChild(el('blockquote'));
        else quote.append(el('br'));
        inline(line.slice(quoted[0].length), ctx, quote);
        return;
      }
      quote = undefined;
      if (n > 0 && !(lines[n - 1] ?? '').match(/^(>|&gt;)/)) root.append(el('br'));
      inline(line, ctx, root);
    });
  });
  return root;
}

/** A text object (plain_text or mrkdwn) → a node. */
export function renderText(obj, ctx) {
  if (!obj) return document.createTextNode('');
  if (obj.type === 'mrkdwn') return renderMrkdwn(obj.text ?? '', ctx);
  const text =
    obj.emoji === false ? obj.text : String(obj.text ?? '').replace(/:([a-z0-9_+-]+):/g, (m, n) => EMOJI[n] ?? m);
  return el('span', 'plain', text);
}

/** The plain words of a text object, for labels and options. */
export function plainText(obj) {
  if (!obj) return '';
  return String(obj.text ?? '').replace(/:([a-z0-9_+-]+):/g, (m, n) => EMOJI[n] ?? m);
}
