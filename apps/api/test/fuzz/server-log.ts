import type { LoggerService } from '@nestjs/common';

export interface ServerLogEntry {
  level: 'error' | 'warn' | 'fatal';
  /** The Nest logger's context (`Errors` for the problem filter). */
  context: string;
  message: string;
}

/**
 * The app's logger during a fuzz run: keeps what was logged at warn level
 * and above since the last `take()`, so a 500 is reported with the error and
 * stack the server logged for it (requests run one at a time). Nothing is
 * printed while the run goes on: a few hundred stacks would bury the report.
 */
export class ServerLog implements LoggerService {
  private entries: ServerLogEntry[] = [];

  log(): void {}

  error(message: unknown, ...params: unknown[]): void {
    this.keep('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.keep('warn', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.keep('fatal', message, params);
  }

  /** What was logged since the last call. */
  take(): ServerLogEntry[] {
    const taken = this.entries;
    this.entries = [];
    return taken;
  }

  private keep(level: ServerLogEntry['level'], message: unknown, params: unknown[]): void {
    const strings = params.filter((p): p is string => typeof p === 'string');
    // Nest appends the context last; a stack, when given apart, comes before it
    const context = strings.length ? strings[strings.length - 1] : '';
    const text = [message instanceof Error ? (message.stack ?? message.message) : String(message), ...strings.slice(0, -1)].join('\n');
    this.entries.push({ level, context, message: text });
  }
}
