import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { RecordedEvent } from '@ledger/event-store';
import { EventLogQueries, ProjectionRunner, type EventLogFilter } from '@ledger/projections';
import { LedgerEventStream, type LedgerEventStreamOptions } from './ledger-event-stream';

/**
 * The live side of the event log: observes the projection runner, which calls it after each batch
 * is committed to the read models, and fans the events out to every open subscription stream.
 * Instead of a general-purpose PubSub, each subscriber gets a bounded stream that can fall back to
 * the event-log read model (see LedgerEventStream), so no subscriber can slow the appends.
 *
 * It is an observer of the runner (onApplied), not a log consumer of its own: it keeps no
 * checkpoint to resume from (what a subscriber missed it reads from the event-log read model), and
 * it may hear of an event only once the read models that commands wait for have committed it.
 */
@Injectable()
export class LedgerEventFeed implements OnModuleDestroy {
  private readonly streams = new Set<LedgerEventStream>();
  private readonly unobserve: () => void;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly eventLog: EventLogQueries,
  ) {
    this.unobserve = runner.onApplied((events) => this.publish(events));
  }

  get openStreams(): number {
    return this.streams.size;
  }

  subscribe(filter: EventLogFilter, options: Omit<LedgerEventStreamOptions, 'onClose'> = {}): LedgerEventStream {
    const source = {
      appliedThrough: () => this.runner.appliedThrough,
      eventsAfter: (f: EventLogFilter, after: number, limit: number) => this.eventLog.eventsAfter(f, after, limit),
    };
    const stream: LedgerEventStream = new LedgerEventStream(filter, source, { ...options, onClose: () => this.streams.delete(stream) });
    this.streams.add(stream);
    return stream;
  }

  private publish(events: readonly RecordedEvent[]): void {
    for (const stream of this.streams) stream.push(events);
  }

  /** Ends every subscription, so clients see them complete before the read models close. */
  onModuleDestroy(): void {
    this.unobserve();
    for (const stream of [...this.streams]) stream.close();
  }
}
