import { actedByOf, isInForceOn } from '@ledger/domain';
import type {
  ClauseVersionRow,
  DataRequestQueries,
  DecisionRow,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
} from '@ledger/projections';
import { canSeeRestricted, type PublicView } from '../public-view/public-view';
import type { TraceView } from '../trace/trace-view';
import { describeEvent } from './event-description';
import { subjectLabel } from './subject-label';
import {
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type ActorEntry,
  type ClauseEntry,
  type ClauseRef,
  type DecisionEntry,
  type InvestigationReport,
  type Named,
  type TimelineEntry,
  type VoteEntry,
} from './investigation.report';

export interface ReportSources {
  eventLog: EventLogQueries;
  directory: DirectoryQueries;
  legislation: LegislationQueries;
  dataRequests: DataRequestQueries;
  /** the public-view policy: what the trace's viewer may see of each restricted value */
  view: PublicView;
}

export interface ReportOptions {
  generatedAt: string;
  ledgerSize: number;
  /** the transparency log's latest signed checkpoint and audit paths to its root, when the ledger has one */
  inclusion?: ReportInclusion | null;
}

/** What the report needs of the transparency log (the CLI reads it from log.db; no Nest, no store here). */
export interface ReportInclusion {
  /** the signed note */
  signedCheckpoint: string;
  /** the audit path (lowercase hex) of leaf `sequence` to the checkpoint's root, or null when the checkpoint does not cover it */
  auditPath(sequence: number): string[] | null;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const refKey = (ref: ClauseRef) => `${ref.clauseId} ${ref.version}`;

/**
 * Turns a trace into the investigation report: the trace's rows, completed from the read models
 * with names, roll calls, the clause texts in force at each step and the decisions' findings. It is
 * for the viewer the trace was made for: restricted values appear as the public view allows them.
 */
export function buildInvestigationReport(trace: TraceView, sources: ReportSources, options: ReportOptions): InvestigationReport {
  const { directory, legislation, dataRequests, view } = sources;
  const { viewer } = trace;
  // Decided once, before any subject reference is read: should the viewer's sight end while the
  // report is built, the report may withhold a reference it says is included, never show one it says is withheld.
  const restrictedIncluded = canSeeRestricted(viewer);
  const decisions = trace.decisions;
  const requests = dataRequests.requestsByIds(decisions.map((d) => d.requestId));
  const casts = legislation.castsOfVotes(trace.votes.map((v) => v.id));
  const decisionIds = decisions.map((d) => d.id);

  // The clauses the report is about: the trace's, and those the compliance findings judge by.
  const findingRefs = decisions.flatMap((d) => d.compliance.findings.map((f) => ({ clauseId: f.clauseId, version: f.version })));
  const clauseIds = unique([...trace.clauses.map((v) => v.clauseId), ...findingRefs.map((r) => r.clauseId)]);
  const versions = legislation.clauseVersionsOfClauses(clauseIds);

  const actorIds = unique([...trace.actors.map((a) => a.id), ...trace.events.flatMap((e) => actedByOf(e) ?? [])]);
  const personIds = unique([
    ...actorIds,
    ...casts.map((c) => c.personId),
    ...decisions.flatMap((d) => (d.review ? [d.decidedById, d.review.reviewedBy] : [d.decidedById])),
    ...personIdsIn(trace),
  ]);
  const people = new Map(directory.peopleByIds(personIds).map((p) => [p.id, p.name]));
  const memberships = directory.membershipsOfPeople(actorIds);
  const orgIds = unique([
    ...trace.votes.map((v) => v.bodyId),
    ...decisions.map((d) => d.decidingOrgId),
    ...requests.flatMap((r) => [r.requestingOrgId, r.receivingOrgId]),
    ...memberships.map((m) => m.orgId),
    ...orgIdsIn(trace),
  ]);
  const orgs = new Map(directory.organizationsByIds(orgIds).map((o) => [o.id, o.name]));
  const nameOf = (id: string) => people.get(id) ?? orgs.get(id) ?? id;
  const named = (id: string): Named => ({ id, name: people.get(id) ?? orgs.get(id) ?? null });

  const measureIds = unique([...trace.votes.map((v) => v.measureId), ...versions.map((v) => v.measureId), ...measureIdsIn(trace)]);
  const measures = new Map(legislation.measuresByIds(measureIds).map((m) => [m.id, m]));
  const actions = new Map(legislation.actionsOfMeasures(measureIds).map((a) => [a.eventId, a.description]));
  const leafHashes = new Map(trace.events.map((e) => [e.eventId, e.leafHash]));

  const timeline: TimelineEntry[] = trace.events.map((event) => {
    const date = event.occurredAt.slice(0, 10);
    return {
      sequence: event.sequence,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      type: event.type,
      streamId: event.streamId,
      recordedBy: { id: event.recordedBy.id, name: event.recordedBy.name, role: event.recordedBy.role },
      leafHash: event.leafHash,
      // Descriptions read the public payload whoever the viewer is: they are the same text for everyone.
      description: describeEvent(event, view.publicPayload(event), {
        nameOf,
        actionOf: (eventId) => actions.get(eventId),
      }),
      date,
      clausesInForce: clauseIds.flatMap((clauseId) => {
        const inForce = versions.find((v) => v.clauseId === clauseId && isInForceOn(v, date));
        return inForce ? [{ clauseId, version: inForce.version }] : [];
      }),
    };
  });

  const reported = new Set([...trace.clauses, ...findingRefs].map(refKey));
  for (const step of timeline) for (const ref of step.clausesInForce) reported.add(refKey(ref));
  const inTrace = new Set(trace.clauses.map(refKey));
  // The trace's own versions first, in its order; then the others the report names, by clause and version.
  const others = versions.filter((v) => reported.has(refKey(v)) && !inTrace.has(refKey(v)));
  const clauses: ClauseEntry[] = [...trace.clauses, ...others].map((v) => toClauseEntry(v, inTrace.has(refKey(v))));

  const votes: VoteEntry[] = trace.votes.map((vote) => ({
    id: vote.id,
    measure: { id: vote.measureId, title: measures.get(vote.measureId)?.title ?? null },
    body: named(vote.bodyId),
    motion: vote.motion,
    occurredAt: vote.occurredAt,
    threshold: vote.threshold,
    result: vote.result,
    tally: { ...vote.tally },
    rollCall: casts.filter((c) => c.voteId === vote.id).map((c) => ({ person: named(c.personId), choice: c.choice })),
    sequence: vote.sequence,
    eventId: vote.eventId,
    leafHash: leafHashes.get(vote.eventId) ?? null,
  }));

  const citations = dataRequests.citationsOfDecisions(decisionIds);
  const disclosures = dataRequests.disclosuresOfDecisions(decisionIds);
  const decisionEntries: DecisionEntry[] = decisions.map((decision) => {
    const request = requests.find((r) => r.id === decision.requestId);
    // The decider refuses a decision without its request: a missing one means broken read models.
    if (!request) throw new Error(`${decision.id} names ${decision.requestId}, which the read models lack`);
    return {
      id: decision.id,
      requestId: decision.requestId,
      requestingOrganization: named(request.requestingOrgId),
      receivingOrganization: named(request.receivingOrgId),
      receivedAt: request.receivedAt,
      requestedCategories: [...request.dataCategories],
      action: request.action,
      recipientCategories: [...request.recipientCategories],
      purpose: request.purpose,
      legalBasis: request.legalBasis,
      subjectRef: view.subjectRef(viewer, request),
      outcome: decision.outcome,
      disclosedCategories: [...decision.disclosedCategories],
      decidedAt: decision.decidedAt,
      decidedBy: named(decision.decidedById),
      decidingOrganization: named(decision.decidingOrgId),
      rationale: decision.rationale,
      actionsTaken: [...decision.actionsTaken],
      citations: citations.filter((c) => c.decisionId === decision.id).map((c) => ({ clauseId: c.clauseId, version: c.version })),
      disclosures: disclosures
        .filter((d) => d.decisionId === decision.id)
        .map((d) => ({ disclosedCategories: [...d.disclosedCategories], channel: d.channel, disclosedAt: d.disclosedAt, sequence: d.sequence })),
      compliance: complianceOf(decision),
      review: decision.review && { ...decision.review, reviewedBy: named(decision.review.reviewedBy) },
      corrected: decision.corrected,
    };
  });

  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: options.generatedAt,
    ledgerSize: options.ledgerSize,
    restrictedIncluded,
    subject: { id: trace.subject.id, kind: trace.subject.kind, label: subjectLabel(trace, { nameOf, measures, decisions: decisionEntries, votes, timeline, legislation }) },
    timeline,
    actors: actorsOf(trace, actorIds, memberships, named),
    clauses,
    votes,
    decisions: decisionEntries,
    events: trace.events.map((e) => ({
      sequence: e.sequence, eventId: e.eventId, type: e.type, streamId: e.streamId, leafHash: e.leafHash,
      inclusionProof: options.inclusion?.auditPath(e.sequence) ?? null,
    })),
    signedCheckpoint: options.inclusion?.signedCheckpoint ?? null,
  };
}

function toClauseEntry(v: ClauseVersionRow, inTrace: boolean): ClauseEntry {
  return {
    clauseId: v.clauseId,
    version: v.version,
    measureId: v.measureId,
    eId: v.eId,
    heading: v.heading,
    text: v.text,
    struck: v.struck,
    rule: v.rule && { ...v.rule },
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    adoptedByVoteId: v.adoptedByVoteId,
    byMeasureId: v.byMeasureId,
    eventId: v.eventId,
    sequence: v.sequence,
    inTrace,
  };
}

function complianceOf(decision: DecisionRow): DecisionEntry['compliance'] {
  return {
    status: decision.compliance.status,
    findings: decision.compliance.findings.map((f) => ({ clauseId: f.clauseId, version: f.version, status: f.status, explanation: f.explanation })),
    notes: [...decision.compliance.notes],
  };
}

function actorsOf(
  trace: TraceView,
  actorIds: string[],
  memberships: ReturnType<DirectoryQueries['membershipsOfPeople']>,
  named: (id: string) => Named,
): ActorEntry[] {
  return actorIds.map((id) => {
    const recorded = trace.events.filter((e) => e.recordedBy.id === id);
    return {
      id,
      name: trace.actors.find((a) => a.id === id)?.name ?? named(id).name ?? id,
      roles: unique(recorded.map((e) => e.recordedBy.role)),
      eventsRecorded: recorded.length,
      ownActs: trace.events.filter((e) => actedByOf(e) === id).length,
      offices: memberships
        .filter((m) => m.personId === id)
        .map((m) => ({ organization: named(m.orgId), role: m.role, startDate: m.startDate, endDate: m.endDate })),
    };
  });
}

// Ids the subject itself names, so its label can use names rather than ids.
const personIdsIn = (trace: TraceView) => (trace.subject.kind === 'person' ? [trace.subject.id] : []);
const orgIdsIn = (trace: TraceView) => (trace.subject.kind === 'organization' ? [trace.subject.id] : []);
const measureIdsIn = (trace: TraceView) => {
  if (trace.subject.kind === 'measure') return [trace.subject.id];
  if (trace.subject.kind === 'clause') return [trace.subject.id.split('#')[0]];
  // A measure's own sentences describe its events best, wherever the trace reached them.
  return unique(trace.events.filter((e) => e.streamId.startsWith('measure-')).map((e) => e.streamId.slice('measure-'.length)));
};
