import type Database from 'better-sqlite3';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { MalformedTraceId, PublicView, TraceService, TraceSubjectNotFound, type TraceView, type Viewer } from '@ledger/investigation';
import { DataRequestQueries, DirectoryQueries, EventLogQueries, LegislationQueries } from '@ledger/projections';
import { CheckFailed, UsageError } from '../cli-errors';

/** The read-model queries a trace and a report read, on one connection (one point of the ledger). */
export function traceQueriesOn(db: Database.Database) {
  return {
    eventLog: new EventLogQueries(db),
    directory: new DirectoryQueries(db),
    legislation: new LegislationQueries(db),
    dataRequests: new DataRequestQueries(db),
    view: new PublicView(EventSchemaRegistry.fromDirectory()),
  };
}

/**
 * trace(id) for `viewer`, as GraphQL's trace(id) answers it (the same TraceService), with the
 * refusals a console user reads: a malformed id is a usage error (exit 2), an unknown one a
 * failed check (exit 1).
 */
export function traceAtTheConsole(queries: ReturnType<typeof traceQueriesOn>, id: string, viewer: Viewer): TraceView {
  const traces = new TraceService(queries.eventLog, queries.directory, queries.legislation, queries.dataRequests, queries.view);
  try {
    return traces.trace(id, viewer);
  } catch (error) {
    if (error instanceof MalformedTraceId) throw new UsageError(error.message);
    if (error instanceof TraceSubjectNotFound) throw new CheckFailed(error.message);
    throw error;
  }
}
