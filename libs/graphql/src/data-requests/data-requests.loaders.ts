import { pageKey, type SequencePageArgs } from '../relay/pagination';
import type DataLoader from 'dataloader';
import type {
  CitationRow,
  ClauseRelationValue,
  ClauseVersionRow,
  DataRequestQueries,
  DataRequestRow,
  DecisionRow,
  DisclosureRow,
  KeyedDecisionPage,
  LegislationQueries,
} from '@ledger/projections';
import { clauseVersionsLoader, versionKey } from '../legislation/legislation.loaders';
import { groupByKeys, pickByKeys, type RequestLoaders } from '../dataloader/request-loaders';

/**
 * The data-request read side's per-request loaders. People, organizations and clause versions
 * are loaded through the directory and legislation loaders, so they share those batches.
 */

export function requestsLoader(loaders: RequestLoaders, queries: DataRequestQueries): DataLoader<string, DataRequestRow | null> {
  return loaders.get<string, DataRequestRow | null>('data-requests.requests', (ids) => pickByKeys(ids, queries.requestsByIds(ids), (row) => row.id));
}

export function decisionsLoader(loaders: RequestLoaders, queries: DataRequestQueries): DataLoader<string, DecisionRow | null> {
  return loaders.get<string, DecisionRow | null>('data-requests.decisions', (ids) => pickByKeys(ids, queries.decisionsByIds(ids), (row) => row.id));
}

/** A request's decision, by request id (null while undecided). */
export function decisionsOfRequestsLoader(loaders: RequestLoaders, queries: DataRequestQueries): DataLoader<string, DecisionRow | null> {
  return loaders.get<string, DecisionRow | null>('data-requests.decisions-of-requests', (ids) =>
    pickByKeys(ids, queries.decisionsOfRequests(ids), (row) => row.requestId),
  );
}

export function citationsOfDecisionsLoader(loaders: RequestLoaders, queries: DataRequestQueries): DataLoader<string, CitationRow[]> {
  return loaders.get<string, CitationRow[]>('data-requests.citations-of-decisions', (ids) =>
    groupByKeys(ids, queries.citationsOfDecisions(ids), (row) => row.decisionId),
  );
}

export function disclosuresOfDecisionsLoader(loaders: RequestLoaders, queries: DataRequestQueries): DataLoader<string, DisclosureRow[]> {
  return loaders.get<string, DisclosureRow[]>('data-requests.disclosures-of-decisions', (ids) =>
    groupByKeys(ids, queries.disclosuresOfDecisions(ids), (row) => row.decisionId),
  );
}

/**
 * One loader per relation and page request (size, cursor, direction): clauses asked for the same
 * page of the same relation (Clause.citations, Clause.judgedDecisions) share a batch.
 */
export function decisionsOfClausesLoader(
  loaders: RequestLoaders,
  queries: DataRequestQueries,
  relation: ClauseRelationValue,
  page: SequencePageArgs,
): DataLoader<string, KeyedDecisionPage> {
  return loaders.get<string, KeyedDecisionPage>(`data-requests.of-clauses:${relation}:${pageKey(page)}`, (ids) =>
    queries.decisionsOfClauses(relation, ids, page.size, page.cursor, page.direction),
  );
}

/** One loader per page request (size, cursor, direction): people asked for the same page share a batch. */
export function decisionsOfPeopleLoader(loaders: RequestLoaders, queries: DataRequestQueries, page: SequencePageArgs): DataLoader<string, KeyedDecisionPage> {
  return loaders.get<string, KeyedDecisionPage>(`data-requests.of-people:${pageKey(page)}`, (ids) =>
    queries.decisionsOfPeople(ids, page.size, page.cursor, page.direction),
  );
}

/** One version of a clause (a citation, a compliance finding): all those of a request's tick share one statement. */
export async function loadClauseVersion(
  loaders: RequestLoaders,
  legislation: LegislationQueries,
  citation: { clauseId: string; version: number },
): Promise<ClauseVersionRow | null> {
  return clauseVersionsLoader(loaders, legislation).load(versionKey(citation.clauseId, citation.version));
}
