import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import { DirectoryQueries } from '../directory/directory.queries';
import { EventLogQueries } from '../event-log/event-log.queries';
import { LegislationQueries } from '../legislation/legislation.queries';
import { toOcdMembership, toOcdOrganization, toOcdPerson } from './ocd-directory.mapper';
import { toOcdBill, toOcdVoteEvent } from './ocd-legislation.mapper';
import { OcdSourceQueries } from './ocd-source.queries';
import type { OcdExport } from './ocd.types';

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * The ledger's people, organizations, memberships, measures and votes as Open Civic Data objects,
 * read from a set of read models (the export builds its own, so a running server is no obstacle).
 * Holds public fields only: data requests and their subjects are not part of OCD and never read.
 * Every list is in a stable order, so exporting the same ledger twice gives identical output.
 */
export function buildOcdExport(db: Database.Database): OcdExport {
  const source = new OcdSourceQueries(db);
  const directory = new DirectoryQueries(db);
  const legislation = new LegislationQueries(db);
  const eventLog = new EventLogQueries(db);

  const people = directory.peopleByIds(source.personIds()).sort((a, b) => a.id.localeCompare(b.id));
  const organizations = directory.organizationsByIds(source.organizationIds()).sort((a, b) => a.id.localeCompare(b.id));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const nameOf = (personId: string) => names.get(personId) ?? personId;

  const measureIds = source.measureIds();
  const measures = legislation.measuresByIds(measureIds);
  const measureOrder = new Map(measureIds.map((id, index) => [id, index]));
  measures.sort((a, b) => measureOrder.get(a.id)! - measureOrder.get(b.id)!);

  const streamEvents = groupBy(
    eventLog.byStreams([...people, ...organizations, ...measures].map((row) => row.streamId)),
    (event: RecordedEvent) => event.streamId,
  );
  const eventsOf = (streamId: string) => streamEvents.get(streamId) ?? [];

  const versions = legislation.clauseVersionsOfClauses(source.clauseIdsOfMeasures(measureIds));
  const versionDates = new Map(eventLog.byEventIds(versions.map((v) => v.eventId)).map((e) => [e.eventId, e.occurredAt]));
  const versionsByMeasure = groupBy(versions, (v) => v.measureId);
  const sponsorsByMeasure = groupBy(legislation.sponsorsOfMeasures(measureIds), (s) => s.measureId);
  const actions = legislation.actionsOfMeasures(measureIds);
  const actionsByMeasure = groupBy(actions, (a) => a.measureId);
  const actionOfVote = new Map(actions.filter((a) => a.voteId !== null).map((a) => [a.voteId!, a]));

  const votes = legislation.votesOfMeasures(measureIds);
  const castsByVote = groupBy(legislation.castsOfVotes(votes.map((v) => v.id)), (c) => c.voteId);
  const voteEvents = new Map(eventLog.byEventIds(votes.map((v) => v.eventId)).map((e) => [e.eventId, e]));
  const measureById = new Map(measures.map((m) => [m.id, m]));

  return {
    organization: organizations.map((org) => toOcdOrganization(org, eventsOf(org.streamId))),
    person: people.map((person) => toOcdPerson(person, eventsOf(person.streamId))),
    membership: directory.membershipsOfPeople(people.map((p) => p.id)).map((row) => toOcdMembership(row, nameOf(row.personId))),
    bill: measures.map((measure) =>
      toOcdBill(measure, {
        sponsors: sponsorsByMeasure.get(measure.id) ?? [],
        actions: actionsByMeasure.get(measure.id) ?? [],
        versions: versionsByMeasure.get(measure.id) ?? [],
        versionDates,
        events: eventsOf(measure.streamId),
        nameOf,
      }),
    ),
    vote_event: votes
      .sort((a, b) => measureOrder.get(a.measureId)! - measureOrder.get(b.measureId)! || a.sequence - b.sequence)
      .map((vote) =>
        toOcdVoteEvent(vote, {
          measure: measureById.get(vote.measureId)!,
          casts: castsByVote.get(vote.id) ?? [],
          action: actionOfVote.get(vote.id),
          event: voteEvents.get(vote.eventId),
          nameOf,
        }),
      ),
  };
}
