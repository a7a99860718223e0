// The store logs through whatever logger the app passes (Bolt's Logger fits); errors are reduced to name, code
// and message, because backend errors can carry connection details.

export interface StoreLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

export const consoleStoreLogger: StoreLogger = {
  debug: () => {},
  info: (...msg) => console.info('[store]', ...msg),
  warn: (...msg) => console.warn('[store]', ...msg),
  error: (...msg) => console.error('[store]', ...msg),
};

const MAX_DESCRIPTION = 300;

/** One line describing an error for logs: name, code and message, credentials in URLs masked. */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    text = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}: ${error.message}`;
    if (error instanceof AggregateError && error.errors.length > 0) {
      text += ` (${error.errors.map((inner) => describeError(inner)).join('; ')})`;
    }
  } else {
    text = String(error);
  }
  text = maskUrlCredentials(text);
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}

/** `redis://user:secret@host` → `redis://user:***@host`, anywhere in a string. */
export function maskUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/gi, '$1:***@');
}
