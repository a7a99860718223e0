// One structured JSON log line per event (pino), behind Bolt's Logger interface, created before the App so that
// the store, the audit log, the request and Omni call lines and Bolt itself all write to one place: stdout, and
// warnings and errors to stderr. Every line is scrubbed of secrets before it is written (see scrubLine).
import { format } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';
import pino from 'pino';

export interface LogWriter {
  out(line: string): void;
  err(line: string): void;
}

const processWriter: LogWriter = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export interface LoggerOptions {
  /** Values that must never be printed (tokens, signing and client secrets), replaced wherever they appear. */
  secrets?: readonly (string | undefined)[];
  /**
   * Called for each Slack 429 that a WebClient Bolt created met. Bolt builds its WebClients itself (one per
   * token) and shares this logger with them, and the logger line is the one place every such 429 shows up.
   */
  onSlackRateLimited?: () => void;
  /** Name in each line (`name`); Bolt may change it with setName. */
  name?: string;
}

/** Bolt's Logger, plus `fields` for lines with structured fields (`logger.fields('info', {...}, 'msg')`). */
export interface AppLogger extends Logger {
  fields(level: `${LogLevel}`, fields: Record<string, unknown>, message: string): void;
}

/** What @slack/web-api logs (at info) on every 429 before it waits and retries. */
const SLACK_RATE_LIMITED = 'API Call failed due to rate limiting';

export function createLogger(
  level: `${LogLevel}` = 'info',
  writer: LogWriter = processWriter,
  options: LoggerOptions = {},
): AppLogger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const stream = (write: (line: string) => void) => ({
    write: (chunk: string) => write(scrubLine(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk, secrets)),
  });
  const root = pino(
    {
      level: 'debug',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(
      [
        { level: 'debug', stream: stream(writer.out) },
        { level: 'warn', stream: stream(writer.err) },
      ],
      { dedupe: true },
    ),
  );
  let current = level as LogLevel;
  let target = root.child({ name: options.name ?? 'omni-slack' });
  target.level = current;

  const emit = (at: LogLevel, msg: unknown[]) => {
    const [first, ...rest] = msg;
    if (options.onSlackRateLimited && typeof first === 'string' && first.startsWith(SLACK_RATE_LIMITED)) {
      options.onSlackRateLimited();
    }
    // The audit log hands over a JSON object as text: keep its fields as fields.
    if (msg.length === 1 && typeof first === 'string' && first.startsWith('{')) {
      const parsed = parseObject(first);
      if (parsed) return target[at](parsed);
    }
    if (isPlainObject(first) && rest.length > 0) return target[at](first, format(...rest));
    target[at](format(...msg));
  };
  return {
    debug: (...msg: unknown[]) => emit(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => emit(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => emit(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => emit(LogLevel.ERROR, msg),
    fields: (at, fields, message) => target[at as LogLevel](fields, message),
    setLevel: (next: LogLevel) => {
      current = next;
      target.level = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      target = root.child({ name: next });
      target.level = current;
    },
  };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const SLACK_TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
// Keys whose values are secrets even when nobody told the logger about them: @slack/web-api's debug line for
// oauth.v2.access prints `client_secret` (its own redaction only covers keys named like "token"), and Bolt's
// debug line of each incoming request holds Slack's verification `token` and a `response_url`, which lets
// anyone who has it post as the app for 30 minutes.
const SECRET_FIELD =
  /((?:client_secret|signing_secret|state_secret|api_?key|password|token|response_url)\\?"\s*:\s*\\?")[^"\\]*/gi;
const BEARER = /(Bearer\s+)[^\s"\\]+/gi;
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s"]*):[^@/\s"]*@/gi;

/**
 * A serialized line with every known secret, Slack token, `client_secret`-like field, bearer credential and URL
 * password replaced; at info level and above, email addresses too (they may show at debug, for troubleshooting).
 */
export function scrubLine(line: string, secrets: readonly string[] = []): string {
  let text = line;
  for (const secret of secrets) text = text.split(secret).join('[redacted]');
  text = text
    .replace(SLACK_TOKEN, '$1-[redacted]')
    .replace(SECRET_FIELD, '$1[redacted]')
    .replace(BEARER, '$1[redacted]')
    .replace(URL_CREDENTIALS, '$1:***@');
  if (!line.startsWith('{"level":"debug"')) text = text.replace(EMAIL, '[email]');
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && !Array.isArray(value);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
