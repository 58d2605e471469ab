import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { DependencyError, dependencyOrder } from './dependency-order';
import type { LogBatch, LogConsumer } from './log-consumer';

export interface ProjectionRunnerOptions {
  /** the raw store: events as stored */
  store: EventStore;
  /** what follows the log; ordered by their dependsOn, not by this list */
  consumers: readonly LogConsumer[];
  /** brings a stored event to its type's newest schema version */
  upcast: (event: RecordedEvent) => RecordedEvent;
  /** events read from the store per batch (one transaction per batch for the SQLite read models) */
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

/** Sees each batch of stored events once every consumer that gates read-your-writes has committed it. */
export type AppliedEventsListener = (events: readonly RecordedEvent[]) => void;

export interface CatchUpProgress {
  applied: number;
  target: number;
}

/** One consumer as the runner drives it. */
interface Lane {
  readonly consumer: LogConsumer;
  /** commands wait for it (read-your-writes), and its failure refuses them */
  readonly gates: boolean;
  readonly dependencies: readonly Lane[];
  /** the sequence of the last event it has handled, as its own checkpoint says */
  position: number;
  failure: ReadModelsFailure | null;
}

/**
 * Follows the global log and feeds every consumer (LogConsumer) from its own checkpoint: it asks
 * each where it stands, reads the log once from the lowest of them, and hands each consumer the
 * events after its own checkpoint, dependencies first. A consumer keeps its checkpoint with its
 * state, so after a crash each resumes at the first event it did not keep: never twice, never
 * skipped.
 *
 * Read-your-writes: appliedThrough is the lowest position of the consumers that gate it, which is
 * what waitFor waits on and what onApplied listeners hear about.
 *
 * Failures: a batch a gating consumer cannot handle is retried after a growing pause, and
 * `unavailable` says why meanwhile (the write path refuses commands then). A consumer that does not
 * gate is left behind instead: the others go on, and it is fed again from its own checkpoint with
 * the next batch (or at the next start).
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly lanes: readonly Lane[];
  private abort?: AbortController;
  private running?: Promise<void>;
  private waiters: Array<{ sequence: number; resolve: () => void; reject: (e: unknown) => void }> = [];
  private readonly appliedListeners = new Set<AppliedEventsListener>();
  /** the log itself could not be read while following it */
  private readFailure: ReadModelsFailure | null = null;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.lanes = lanesOf(options.consumers);
    for (const lane of this.lanes) lane.position = lane.consumer.open();
  }

  /** the sequence of the newest event every consumer that gates read-your-writes has handled (-1: none) */
  get appliedThrough(): number {
    return lowest(this.lanes.filter((lane) => lane.gates));
  }

  /** where one consumer stands (the sequence of the last event it has handled) */
  positionOf(name: string): number {
    const lane = this.lanes.find((l) => l.consumer.name === name);
    if (!lane) throw new Error(`no consumer named ${name}`);
    return lane.position;
  }

  /**
   * Why the read models cannot follow the log right now (a full disk, a projection that throws),
   * or null while they do. The write path refuses commands while this is set, rather than append
   * events that nobody could read back. Only consumers that gate read-your-writes count.
   */
  get unavailable(): ReadModelsFailure | null {
    return this.lanes.find((lane) => lane.gates && lane.failure)?.failure ?? this.readFailure;
  }

  /** Makes every consumer forget what it handled, so the next catch-up replays from 0. */
  reset(): void {
    for (const lane of this.lanes) {
      lane.consumer.reset();
      lane.position = lane.consumer.open();
      lane.failure = null;
    }
  }

  /** Feeds every consumer the stored events up to the ledger's current end, then returns. */
  async catchUp(onProgress?: (progress: CatchUpProgress) => void): Promise<void> {
    const target = await this.options.store.lastSequence();
    const start = this.readPosition();
    while (this.readPosition() < target) {
      const from = this.readPosition() + 1;
      const events = await this.options.store.readAll(from, this.batchSize);
      if (events.length === 0) break;
      await this.applyBatch(events);
      // Only consumers that fail without gating can stall the read; they wait for the next batch.
      if (this.readPosition() < from) break;
      onProgress?.({ applied: this.readPosition() - start, target: target - start });
    }
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
        // A gating consumer's failure was recorded where it happened; anything else is the log's own.
        if (!this.lanes.some((lane) => lane.gates && lane.failure)) this.failedToRead(error);
        await pause(delay, signal);
        delay = Math.min(delay * 2, firstDelay * 8);
      }
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    await this.catchUp();
    this.readAgain();
    let batch: RecordedEvent[] = [];
    let head = await this.options.store.lastSequence();
    for await (const event of this.options.store.subscribe(this.readPosition() + 1, { signal })) {
      batch.push(event);
      // Apply at once when this is the newest event we know of; otherwise keep batching.
      if (batch.length >= this.batchSize || event.sequence >= head) {
        await this.applyBatch(batch);
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

  /** Resolves once every gating consumer has handled the event at this sequence (read-your-writes). */
  waitFor(sequence: number, timeoutMs = 10_000): Promise<void> {
    const failure = this.unavailable;
    if (failure) return Promise.reject(new ReadModelsUnavailable(failure));
    if (this.appliedThrough >= sequence) return Promise.resolve();
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
   * Observes every batch applied from now on (live subscriptions). Listeners run once every gating
   * consumer has committed the events, so whoever they notify can already read them from the read
   * models. Returns an unsubscribe.
   */
  onApplied(listener: AppliedEventsListener): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  private get log(): RunnerLog {
    return this.options.log ?? consoleLog;
  }

  /**
   * Where the next read starts: after the lowest consumer, leaving out those that failed without
   * gating (they are fed again from their own checkpoints; see bringUp).
   */
  private readPosition(): number {
    const followed = this.lanes.filter((lane) => lane.gates || !lane.failure);
    return lowest(followed.length > 0 ? followed : this.lanes);
  }

  private async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    const before = this.appliedThrough;
    const last = events[events.length - 1].sequence;
    const upcast = memoizedUpcast(this.options.upcast);
    let gatingFailure: unknown;
    try {
      for (const lane of this.lanes) {
        // A consumer reads its dependencies' state as of each event: it waits while one is behind.
        if (lane.dependencies.some((dependency) => dependency.position < last)) continue;
        try {
          const reached = await this.bringUp(lane, events[0].sequence - 1, upcast);
          const pending = events.filter((event) => event.sequence > lane.position);
          if (reached && pending.length > 0) await this.feed(lane, pending, upcast);
          this.recovered(lane);
        } catch (error) {
          this.failed(lane, error);
          if (lane.gates) {
            gatingFailure = error;
            break;
          }
        }
      }
    } finally {
      this.settle(before, events);
    }
    if (gatingFailure !== undefined) throw gatingFailure;
  }

  /**
   * Feeds a consumer that an earlier failure left behind one batch of the events it missed, up to
   * `through`; true once it has them all. One batch per round, so that catching up a consumer left
   * far behind never holds up the others (and the commands waiting on them) for long.
   */
  private async bringUp(lane: Lane, through: number, upcast: LogBatch['upcast']): Promise<boolean> {
    if (lane.position >= through) return true;
    const missed = await this.options.store.readAll(lane.position + 1, Math.min(this.batchSize, through - lane.position));
    if (missed.length === 0) throw new Error(`the log has no event ${lane.position + 1}, though it has later ones`);
    await this.feed(lane, missed, upcast);
    return lane.position >= through;
  }

  private async feed(lane: Lane, events: readonly RecordedEvent[], upcast: LogBatch['upcast']): Promise<void> {
    // Sequences are dense: a gap means the store lost or hid an event, and nothing built on the
    // rest could be trusted.
    events.forEach((event, i) => {
      const expected = lane.position + 1 + i;
      if (event.sequence !== expected) throw new Error(`expected sequence ${expected}, got ${event.sequence}`);
    });
    await lane.consumer.handleBatch({ events, upcast });
    lane.position = events[events.length - 1].sequence;
  }

  private failed(lane: Lane, error: unknown): void {
    const reason = reasonOf(error);
    if (lane.failure?.reason !== reason) {
      // Once per cause, with its stack; the retries that follow stay quiet until it changes.
      const retry = lane.gates ? 'retrying until they can' : 'the others go on, and it is fed again with the next batch';
      this.log.error(`${nameOf(lane)} cannot follow the log: ${reason}; ${retry}`, error);
      lane.failure = { reason, since: new Date().toISOString() };
    }
    if (!lane.gates) return;
    const unavailable = new ReadModelsUnavailable(lane.failure);
    for (const waiter of this.waiters.splice(0)) waiter.reject(unavailable);
  }

  private recovered(lane: Lane): void {
    if (!lane.failure) return;
    const subject = lane.gates ? 'read models follow' : `log consumer ${lane.consumer.name} follows`;
    this.log.info(`${subject} the log again (through sequence ${lane.position}), after failing since ${lane.failure.since}`);
    lane.failure = null;
  }

  private failedToRead(error: unknown): void {
    const reason = reasonOf(error);
    if (this.readFailure?.reason !== reason) {
      this.log.error(`read models cannot follow the log: it could not be read (${reason}); retrying until it can`, error);
      this.readFailure = { reason, since: new Date().toISOString() };
    }
    const unavailable = new ReadModelsUnavailable(this.readFailure);
    for (const waiter of this.waiters.splice(0)) waiter.reject(unavailable);
  }

  /** Caught up with the log again after failing to read it. */
  private readAgain(): void {
    if (!this.readFailure) return;
    this.log.info(`read models follow the log again (through sequence ${this.appliedThrough}), after failing to read it since ${this.readFailure.since}`);
    this.readFailure = null;
  }

  /** Tells waiters and listeners what the gating consumers committed in this batch. */
  private settle(before: number, events: readonly RecordedEvent[]): void {
    const after = this.appliedThrough;
    if (after <= before) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.sequence > after) return true;
      waiter.resolve();
      return false;
    });
    const applied = events.filter((event) => event.sequence > before && event.sequence <= after);
    for (const listener of this.appliedListeners) {
      try {
        listener(applied);
      } catch (error) {
        // An observer must never stop the read models (and, through read-your-writes, the appends).
        this.log.error('projection runner: an applied-events listener failed', error);
      }
    }
  }
}

/** The consumers as lanes, dependencies first; refuses a wiring that cannot work (DependencyError). */
function lanesOf(consumers: readonly LogConsumer[]): Lane[] {
  if (consumers.length === 0) throw new DependencyError('the runner needs at least one consumer');
  const lanes = new Map<string, Lane>();
  for (const consumer of dependencyOrder(consumers, 'consumer')) {
    const gates = consumer.gatesReadYourWrites !== false;
    const dependencies = (consumer.dependsOn ?? []).map((name) => lanes.get(name)!);
    const lagging = dependencies.find((dependency) => gates && !dependency.gates);
    if (lagging) {
      throw new DependencyError(`consumer ${consumer.name} gates read-your-writes but depends on ${lagging.consumer.name}, which does not`);
    }
    lanes.set(consumer.name, { consumer, gates, dependencies, position: -1, failure: null });
  }
  return [...lanes.values()];
}

function lowest(lanes: readonly Lane[]): number {
  return lanes.length === 0 ? -1 : Math.min(...lanes.map((lane) => lane.position));
}

/** Gating consumers are what commands read back: the read models. */
function nameOf(lane: Lane): string {
  return lane.gates ? 'read models' : `log consumer ${lane.consumer.name}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Each event upcast at most once per batch, however many consumers ask. */
function memoizedUpcast(upcast: (event: RecordedEvent) => RecordedEvent): LogBatch['upcast'] {
  const done = new Map<number, RecordedEvent>();
  return (event) => {
    let upcasted = done.get(event.sequence);
    if (!upcasted) done.set(event.sequence, (upcasted = upcast(event)));
    return upcasted;
  };
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
