import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs`, and at once when poked, never two runs at
 * a time in this process. Work that must run once across processes claims
 * its rows in the database (SELECT … FOR UPDATE SKIP LOCKED); this only
 * paces it. `work` returns how many items it handled: a full batch runs
 * again without waiting.
 */
export class PollingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private readonly logger: Logger;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly batchSize: number,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Run as soon as possible (after the current run, if one is going). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** One run now, for tests and for callers that need the work done. */
  async runOnce(): Promise<void> {
    await this.running;
    await this.tick(false);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(true), delayMs);
    this.timer.unref();
  }

  private async tick(reschedule: boolean): Promise<void> {
    let handled = 0;
    const run = (async () => {
      try {
        handled = await this.work();
      } catch (error) {
        this.logger.error(`${this.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
    this.running = run;
    await run;
    this.running = undefined;
    if (!reschedule || this.stopped) return;
    const more = handled >= this.batchSize || this.again;
    this.again = false;
    this.schedule(more ? 0 : this.intervalMs);
  }
}
