import type Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** the raw store: events as stored */
  store: EventStore;
  db: Database.Database;
  projections: Projection[];
  /** brings a stored event to its type's newest schema version */
  upcast: (event: RecordedEvent) => RecordedEvent;
  /** events applied per read-model transaction while catching up */
  batchSize?: number;
  /** first wait before retrying after the read models failed to apply a batch; doubles up to 8x */
  retryDelayMs?: number;
  /** where the runner reports failure and recovery; console by default */
  log?: RunnerLog;
}

/** The little the runner says: a failure once with its cause, and the recovery. */
export interface RunnerLog {
  error(message: string, cause: unknown): void;
  info(message: string): void;
}

const consoleLog: RunnerLog = {
  error: (message, cause) => console.error(message, cause),
  info: (message) => console.log(message),
};

/** Why the read models cannot follow the log, and since when. */
export interface ReadModelsFailure {
  reason: string;
  since: string;
}

/** The read models could not apply events: the log holds them, the read models do not yet. */
export class ReadModelsUnavailable extends Error {
  constructor(readonly failure: ReadModelsFailure) {
    super(`the read models cannot follow the log (${failure.reason}) since ${failure.since}`);
    this.name = 'ReadModelsUnavailable';
  }
}

/** Sees each batch of stored events once every projection has applied and committed it. */
export type AppliedEventsListener = (events: readonly RecordedEvent[]) => void;

export interface CatchUpProgress {
  applied: number;
  target: number;
}

/**
 * Checkpointed catch-up over the global log. Each batch of events and the checkpoints it moves are
 * written in one transaction, so after a crash the runner resumes at the first event not applied:
 * never twice, never skipped.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private checkpoints = new Map<string, number>();
  private position = -1;
  private abort?: AbortController;
  private running?: Promise<void>;
  private failure: ReadModelsFailure | null = null;
  private waiters: Array<{ sequence: number; resolve: () => void; reject: (e: unknown) => void }> = [];
  private readonly appliedListeners = new Set<AppliedEventsListener>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.prepare();
  }

  /** the sequence of the newest event every projection has applied (-1: none) */
  get appliedThrough(): number {
    return this.position;
  }

  /** Creates tables, and drops and resets any projection whose version changed. */
  private prepare(): void {
    const { db, projections } = this.options;
    const read = db.prepare('SELECT version, sequence FROM projection_checkpoints WHERE name = ?');
    const save = db.prepare('INSERT OR REPLACE INTO projection_checkpoints (name, version, sequence) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const projection of projections) {
        const stored = read.get(projection.name) as { version: number; sequence: number } | undefined;
        if (stored && stored.version !== projection.version) projection.drop(db);
        projection.setup(db);
        const sequence = stored && stored.version === projection.version ? stored.sequence : -1;
        save.run(projection.name, projection.version, sequence);
        this.checkpoints.set(projection.name, sequence);
      }
    })();
    this.position = Math.min(...this.checkpoints.values());
  }

  /** Drops every projection's rows and checkpoint, so the next catch-up replays from 0. */
  reset(): void {
    const { db, projections } = this.options;
    db.transaction(() => {
      for (const projection of projections) projection.drop(db);
      db.prepare('DELETE FROM projection_checkpoints').run();
    })();
    this.checkpoints.clear();
    this.prepare();
  }

  /** Applies every stored event up to the ledger's current end, then returns. */
  async catchUp(onProgress?: (progress: CatchUpProgress) => void): Promise<void> {
    const target = await this.options.store.lastSequence();
    const start = this.position;
    while (this.position < target) {
      const events = await this.options.store.readAll(this.position + 1, this.batchSize);
      if (events.length === 0) break;
      this.applyBatch(events);
      onProgress?.({ applied: this.position - start, target: target - start });
    }
  }

  /**
   * Why the read models cannot follow the log right now (a full disk, a projection that throws),
   * or null while they do. The write path refuses commands while this is set, rather than append
   * events that nobody could read back.
   */
  get unavailable(): ReadModelsFailure | null {
    return this.failure;
  }

  /**
   * Catches up, then follows live appends until stop(). A batch that fails is rolled back with
   * its checkpoints (nothing is skipped) and retried after a growing pause, so the read models
   * recover by themselves once the cause goes (space freed); until then `unavailable` says why.
   */
  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    this.running = this.followWithRetries(this.abort.signal);
  }

  private async followWithRetries(signal: AbortSignal): Promise<void> {
    const firstDelay = this.options.retryDelayMs ?? 1000;
    let delay = firstDelay;
    while (!signal.aborted) {
      try {
        await this.follow(signal);
        return;
      } catch (error) {
        if (signal.aborted) return;
        this.fail(error);
        await pause(delay, signal);
        delay = Math.min(delay * 2, firstDelay * 8);
      }
    }
  }

  private fail(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    if (this.failure?.reason !== reason) {
      // Once per cause, with its stack; the retries that follow stay quiet until it changes.
      (this.options.log ?? consoleLog).error(`read models cannot follow the log: ${reason}; retrying until they can`, error);
      this.failure = { reason, since: new Date().toISOString() };
    }
    const unavailable = new ReadModelsUnavailable(this.failure);
    for (const waiter of this.waiters.splice(0)) waiter.reject(unavailable);
  }

  private async follow(signal: AbortSignal): Promise<void> {
    await this.catchUp();
    let batch: RecordedEvent[] = [];
    let head = await this.options.store.lastSequence();
    for await (const event of this.options.store.subscribe(this.position + 1, { signal })) {
      batch.push(event);
      // Apply at once when this is the newest event we know of; otherwise keep batching.
      if (batch.length >= this.batchSize || event.sequence >= head) {
        this.applyBatch(batch);
        batch = [];
        head = await this.options.store.lastSequence();
      }
    }
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.running = undefined;
  }

  /** Resolves once every projection has applied the event at this sequence (read-your-writes). */
  waitFor(sequence: number, timeoutMs = 10_000): Promise<void> {
    if (this.failure) return Promise.reject(new ReadModelsUnavailable(this.failure));
    if (this.position >= sequence) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`read models did not reach sequence ${sequence} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ sequence, resolve: done, reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  /**
   * Observes every batch applied from now on (live subscriptions). Listeners run after the commit,
   * so whoever they notify can already read the events from the read models. Returns an unsubscribe.
   */
  onApplied(listener: AppliedEventsListener): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  private applyBatch(events: RecordedEvent[]): void {
    const { db, projections, upcast } = this.options;
    const save = db.prepare('UPDATE projection_checkpoints SET sequence = ? WHERE name = ?');
    const last = events[events.length - 1].sequence;
    db.transaction(() => {
      let expected = this.position + 1;
      for (const event of events) {
        // Sequences are dense: a gap means the store lost or hid an event, and nothing built on
        // the rest could be trusted.
        if (event.sequence !== expected++) throw new Error(`expected sequence ${expected - 1}, got ${event.sequence}`);
        let upcasted: RecordedEvent | undefined;
        for (const projection of projections) {
          if (event.sequence <= (this.checkpoints.get(projection.name) ?? -1)) continue;
          projection.apply(db, projection.readsStoredForm ? event : (upcasted ??= upcast(event)));
        }
      }
      for (const projection of projections) {
        if ((this.checkpoints.get(projection.name) ?? -1) < last) save.run(last, projection.name);
      }
    })();
    for (const projection of projections) {
      if ((this.checkpoints.get(projection.name) ?? -1) < last) this.checkpoints.set(projection.name, last);
    }
    this.position = Math.min(...this.checkpoints.values());
    if (this.failure) {
      (this.options.log ?? consoleLog).info(`read models follow the log again (through sequence ${last}), after failing since ${this.failure.since}`);
      this.failure = null;
    }
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.sequence > this.position) return true;
      waiter.resolve();
      return false;
    });
    for (const listener of this.appliedListeners) {
      try {
        listener(events);
      } catch (error) {
        // An observer must never stop the read models (and, through read-your-writes, the appends).
        (this.options.log ?? consoleLog).error('projection runner: an applied-events listener failed', error);
      }
    }
  }
}

/** Resolves after ms, or at once when the signal aborts (shutdown does not wait for a retry). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
