/**
 * Which events of `$all` make up the ledger, and how ledger stream ids map to EventStoreDB streams.
 *
 * The ledger is every event of `$all` except system events (type or stream starting with `$`),
 * optionally narrowed to the streams under one prefix so that several ledgers (a test run, a
 * staging tenant) can share a server without seeing each other's events or sequences.
 */
import { excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';

export class LedgerScope {
  constructor(readonly streamPrefix = '') {
    if (streamPrefix.startsWith('$')) throw new Error(`stream prefix ${JSON.stringify(streamPrefix)} would make every ledger stream a system stream`);
  }

  /** The EventStoreDB stream that holds a ledger stream. */
  esdbStream(streamId: string): string {
    return this.streamPrefix + streamId;
  }

  /** The ledger stream id of an EventStoreDB stream inside this scope. */
  ledgerStream(esdbStream: string): string {
    return esdbStream.slice(this.streamPrefix.length);
  }

  /** Whether an EventStoreDB stream can hold ledger events: not a system stream, inside the prefix. */
  holdsStream(esdbStream: string): boolean {
    return !esdbStream.startsWith('$') && esdbStream.startsWith(this.streamPrefix);
  }

  includes(event: { streamId: string; type: string }): boolean {
    return this.holdsStream(event.streamId) && !event.type.startsWith('$');
  }

  /**
   * A server-side filter that lets through at least every event of the scope, so the server does
   * not ship system events; includes() still decides, since a filter matches on one field only.
   */
  subscriptionFilter(): Filter {
    return this.streamPrefix ? streamNameFilter({ prefixes: [this.streamPrefix] }) : excludeSystemEvents();
  }
}
