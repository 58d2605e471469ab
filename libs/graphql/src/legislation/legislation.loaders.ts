import { pageKey, type SequencePageArgs } from '../relay/pagination';
import type DataLoader from 'dataloader';
import type { RecordedEvent } from '@ledger/event-store';
import type {
  ClauseRow,
  ClauseVersionRow,
  EventLogQueries,
  LegislationQueries,
  MeasureActionRow,
  MeasureRow,
  SponsorRow,
  VoteCastPage,
  VoteCastRow,
  VoteEventRow,
  VoteRow,
} from '@ledger/projections';
import { groupByKeys, pickByKeys, type RequestLoaders } from '../dataloader/request-loaders';

/**
 * The legislation read side's per-request loaders: every resolver that reaches a measure, clause,
 * vote or action loads it here, so a list of N parents costs one statement per kind of child.
 */

export function measuresLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, MeasureRow | null> {
  return loaders.get<string, MeasureRow | null>('legislation.measures', (ids) => pickByKeys(ids, queries.measuresByIds(ids), (row) => row.id));
}

export function sponsorsLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, SponsorRow[]> {
  return loaders.get<string, SponsorRow[]>('legislation.sponsors-of-measures', (ids) =>
    groupByKeys(ids, queries.sponsorsOfMeasures(ids), (row) => row.measureId),
  );
}

export function clausesLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, ClauseRow | null> {
  return loaders.get<string, ClauseRow | null>('legislation.clauses', (ids) => pickByKeys(ids, queries.clausesByIds(ids), (row) => row.id));
}

/** One loader per date (or "latest"): measures asked about the same day share a batch. */
export function clauseVersionsOfMeasuresLoader(
  loaders: RequestLoaders,
  queries: LegislationQueries,
  on: string | null,
): DataLoader<string, ClauseVersionRow[]> {
  return loaders.get<string, ClauseVersionRow[]>(`legislation.clause-versions-of-measures:${on ?? 'latest'}`, (ids) =>
    groupByKeys(ids, queries.clauseVersionsOfMeasures(ids, on), (row) => row.measureId),
  );
}

export function clauseVersionsOfClausesLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, ClauseVersionRow[]> {
  return loaders.get<string, ClauseVersionRow[]>('legislation.clause-versions-of-clauses', (ids) =>
    groupByKeys(ids, queries.clauseVersionsOfClauses(ids), (row) => row.clauseId),
  );
}

/**
 * One version of a clause by (clause id, version), e.g. what a citation or a compliance finding
 * names; every version asked in a request's tick shares one statement. Keys are versionKey(...).
 */
export function clauseVersionsLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, ClauseVersionRow | null> {
  return loaders.get<string, ClauseVersionRow | null>('legislation.clause-versions', (keys) =>
    pickByKeys(
      keys,
      queries.clauseVersionsByKeys(
        keys.map((key) => {
          const at = key.lastIndexOf(' v');
          return { clauseId: key.slice(0, at), version: Number(key.slice(at + 2)) };
        }),
      ),
      (row) => versionKey(row.clauseId, row.version),
    ),
  );
}

/** the clauseVersionsLoader key of a clause version, "<clause id> v<version>" (cheap to make: one per finding of a page) */
export const versionKey = (clauseId: string, version: number): string => `${clauseId} v${version}`;

export function votesLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, VoteRow | null> {
  return loaders.get<string, VoteRow | null>('legislation.votes', (ids) => pickByKeys(ids, queries.votesByIds(ids), (row) => row.id));
}

export function votesOfMeasuresLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, VoteRow[]> {
  return loaders.get<string, VoteRow[]>('legislation.votes-of-measures', (ids) =>
    groupByKeys(ids, queries.votesOfMeasures(ids), (row) => row.measureId),
  );
}

export function castsOfVotesLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, VoteCastRow[]> {
  return loaders.get<string, VoteCastRow[]>('legislation.casts-of-votes', (ids) => groupByKeys(ids, queries.castsOfVotes(ids), (row) => row.voteId));
}

/** One loader per page request (first, after): people asked for the same page share a batch. */
export function castsOfPeopleLoader(loaders: RequestLoaders, queries: LegislationQueries, page: SequencePageArgs): DataLoader<string, VoteCastPage> {
  return loaders.get<string, VoteCastPage>(`legislation.casts-of-people:${pageKey(page)}`, (ids) =>
    pickByKeys(ids, queries.castsOfPeople(ids, page.size, page.cursor, page.direction), (casts) => casts.personId).map(
      (page, i) => page ?? { personId: ids[i], casts: [], hasNextPage: false, totalCount: 0 },
    ),
  );
}

export function eventsOfVotesLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, VoteEventRow[]> {
  return loaders.get<string, VoteEventRow[]>('legislation.events-of-votes', (ids) => groupByKeys(ids, queries.eventsOfVotes(ids), (row) => row.voteId));
}

export function actionsOfMeasuresLoader(loaders: RequestLoaders, queries: LegislationQueries): DataLoader<string, MeasureActionRow[]> {
  return loaders.get<string, MeasureActionRow[]>('legislation.actions-of-measures', (ids) =>
    groupByKeys(ids, queries.actionsOfMeasures(ids), (row) => row.measureId),
  );
}

/** Events by eventId, one statement per batch: ClauseVersion.event, MeasureAction.event, Vote.history. */
export function eventsByIdLoader(loaders: RequestLoaders, eventLog: EventLogQueries): DataLoader<string, RecordedEvent | null> {
  return loaders.get<string, RecordedEvent | null>('event-log.by-event-id', (ids) => pickByKeys(ids, eventLog.byEventIds(ids), (event) => event.eventId));
}
