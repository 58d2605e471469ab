import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { LedgerUnavailable } from './ledger-unavailable';

/** Raised for a command that arrives while the server is shutting down. */
export class ShuttingDown extends LedgerUnavailable {
  constructor() {
    super('the ledger is shutting down; retry against another node or after restart');
    this.name = 'ShuttingDown';
  }
}

/**
 * Counts commands in flight, so that a shutdown (SIGTERM) lets every accepted command finish its
 * append before the store closes, and refuses new ones instead of tearing them.
 */
@Injectable()
export class CommandGate implements BeforeApplicationShutdown {
  private inFlight = 0;
  private draining = false;
  private idle?: () => void;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.draining) throw new ShuttingDown();
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => (this.idle = resolve));
  }
}
