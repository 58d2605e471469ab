import type DataLoader from 'dataloader';
import type { RecordedEvent } from '@ledger/event-store';
import type { EventLogQueries } from '@ledger/projections';
import { groupByKeys, type RequestLoaders } from '../dataloader/request-loaders';

/** Whole stream histories, one statement per batch: the `history` field of every node. */
export function streamsHistoryLoader(loaders: RequestLoaders, eventLog: EventLogQueries): DataLoader<string, RecordedEvent[]> {
  return loaders.get<string, RecordedEvent[]>('event-log.by-streams', (streamIds) => groupByKeys(streamIds, eventLog.byStreams(streamIds), (event) => event.streamId));
}
