import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Decider, DomainEvent } from '@ledger/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@ledger/event-store';

/** How a stream is folded into what the write path needs of it (a decider's state, a clause history). */
export interface StreamFolder<S> {
  readonly initial: S;
  /** pure: returns a new state, never changes the one it is given (cached states are shared) */
  evolve(state: S, event: RecordedEvent): S;
}

export interface FoldedStream<S> {
  state: S;
  /** revision of the last event folded; -1 for a stream with no events */
  revision: number;
}

interface Entry {
  revision: number;
  state: unknown;
}

/** Streams whose folds are kept; the least recently used beyond this are dropped (and read whole again if needed). */
const DEFAULT_CAPACITY = 50_000;
/** Optional provider: how many folds to keep (tests make it small). */
export const STREAM_FOLDS_CAPACITY = Symbol('STREAM_FOLDS_CAPACITY');

/**
 * Folds of streams kept between commands, so that no command re-reads and re-folds a stream's whole
 * history (a council's membership stream grows for decades; every vote needs who sat that day).
 * Each call still asks the store for the events after the revision it folded, so a state is never
 * stale, whoever appended (this process, or the CLI beside it): the work per command is bounded by
 * what changed since, not by the stream's length.
 */
@Injectable()
export class StreamFolds {
  private readonly entries = new Map<string, Entry>();
  private readonly folderIds = new WeakMap<StreamFolder<unknown>, number>();
  private nextFolderId = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(STREAM_FOLDS_CAPACITY) private readonly capacity: number = DEFAULT_CAPACITY,
  ) {}

  async fold<S>(streamId: string, folder: StreamFolder<S>): Promise<FoldedStream<S>> {
    const key = `${this.folderId(folder)}:${streamId}`;
    const cached = this.entries.get(key);
    const revision = cached?.revision ?? -1;
    const events = await this.store.readStream(streamId, revision + 1);
    // Another call may have folded further meanwhile; keep whichever saw more.
    const latest = this.entries.get(key);
    let state = (cached?.state as S | undefined) ?? folder.initial;
    for (const event of events) state = folder.evolve(state, event);
    const folded: Entry = { revision: events.length > 0 ? events[events.length - 1].streamRevision : revision, state };
    if (!latest || latest.revision <= folded.revision) this.remember(key, folded);
    return folded as FoldedStream<S>;
  }

  private remember(key: string, entry: Entry): void {
    // A Map iterates in insertion order: deleting and setting again makes this key the newest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  private folderId(folder: StreamFolder<unknown>): number {
    let id = this.folderIds.get(folder);
    if (id === undefined) this.folderIds.set(folder, (id = this.nextFolderId++));
    return id;
  }
}

const deciderFolders = new WeakMap<object, StreamFolder<unknown>>();

/** A decider's own fold (initialState, evolve) as a StreamFolder: one per decider, so its folds are shared. */
export function deciderFolder<S>(decider: Pick<Decider<never, DomainEvent, S>, 'initialState' | 'evolve'>): StreamFolder<S> {
  let folder = deciderFolders.get(decider) as StreamFolder<S> | undefined;
  if (!folder) {
    // A recorded event carries the type, data and occurredAt a domain event has.
    folder = { initial: decider.initialState, evolve: (state, event) => decider.evolve(state, event as unknown as DomainEvent) };
    deciderFolders.set(decider, folder as StreamFolder<unknown>);
  }
  return folder;
}
