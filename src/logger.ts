// A small logger with Bolt's Logger interface, created before the App so that the store, the audit log
// and Bolt all write to one place (stdout; warnings and errors to stderr).
import { format } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export interface LogWriter {
  out(line: string): void;
  err(line: string): void;
}

const processWriter: LogWriter = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function createLogger(level: `${LogLevel}` = 'info', writer: LogWriter = processWriter): Logger {
  let current = level as LogLevel;
  let name = 'omni-slack';
  const emit = (at: LogLevel, msg: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${name} ${format(...msg)}`;
    if (ORDER[at] >= ORDER[LogLevel.WARN]) writer.err(line);
    else writer.out(line);
  };
  return {
    debug: (...msg: unknown[]) => emit(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => emit(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => emit(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => emit(LogLevel.ERROR, msg),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}
