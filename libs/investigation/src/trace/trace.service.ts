import { motionGivesForce } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type {
  ClauseVersionRow,
  DataRequestQueries,
  DecisionRow,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  MeasureRow,
  OrganizationRow,
  PersonRow,
  VoteRow,
} from '@ledger/projections';
import type { PublicView, Viewer } from '../public-view/public-view';
import { TraceCollector, type TraceRows } from './trace-collector';
import { MalformedTraceId, TraceSubjectNotFound, traceSubjectKinds, type TraceSubjectKind } from './trace-subject';
import type { TraceView } from './trace-view';

/** The acts, besides its passing votes, by which a measure came into force (or was refused). */
const AUTHORITY_EVENTS = new Set(['MeasureSigned', 'MeasureVetoed', 'MeasureEnacted', 'ExecutiveOrderIssued']);
const MEMBERSHIP_EVENTS = new Set(['MembershipStarted', 'MembershipEnded', 'MembershipCorrected']);
/** A decision as made and corrected; receipt, disclosure and review belong to the request. */
const DECISION_EVENTS = new Set(['DataRequestDecided', 'DecisionCorrected']);
/** Pages for lists with no natural bound (a person's votes, a department's decisions). */
const PAGE = 500;

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const dataOf = (event: RecordedEvent) => (event.data ?? {}) as Record<string, unknown>;

/**
 * Assembles trace(id): a node's own events and those of the clause versions, votes and signatures
 * it rests on, from the read models only (query side). GraphQL serves the result as a Trace and the
 * CLI turns it into an investigation report; both read the same rows, so they cannot disagree.
 *
 * It hands out views only: trace(id, viewer) passes every event through the public view for that
 * viewer, and the rows as stored never leave this class. A caller cannot forget to withhold a
 * restricted value, because it never holds one it may not see. (GraphQL still serves the events
 * through LedgerEvent.data, which applies the same policy again and changes nothing in a view.)
 */
export class TraceService {
  constructor(
    private readonly eventLog: EventLogQueries,
    private readonly directory: DirectoryQueries,
    private readonly legislation: LegislationQueries,
    private readonly dataRequests: DataRequestQueries,
    private readonly view: PublicView,
  ) {}

  /** Everything that led to the node `id`, as `viewer` may see it. @throws MalformedTraceId, TraceSubjectNotFound */
  trace(id: string, viewer: Viewer): TraceView {
    const rows = this.rowsOf(id);
    return { ...rows, viewer, events: rows.events.map((event) => this.view.event(viewer, event)) };
  }

  private rowsOf(id: string): TraceRows {
    const kinds = traceSubjectKinds(id);
    if (kinds.length === 0) throw new MalformedTraceId(id);
    let notFound: TraceSubjectNotFound | undefined;
    for (const kind of kinds) {
      try {
        const collector = new TraceCollector();
        const subjectId = this.collect(kind, id, collector);
        return collector.result({ kind, id: subjectId });
      } catch (error) {
        if (!(error instanceof TraceSubjectNotFound)) throw error;
        // The first kind an id names is what the caller most likely meant: that is the one reported.
        notFound ??= error;
      }
    }
    throw notFound!;
  }

  /** Fills the collector; returns the subject's id as the ledger spells it. */
  private collect(kind: TraceSubjectKind, id: string, into: TraceCollector): string {
    const found = <T>(row: T | null | undefined): T => {
      if (row == null) throw new TraceSubjectNotFound(id, kind);
      return row;
    };
    switch (kind) {
      case 'event': {
        const event = found(this.eventLog.byEventId(id.toLowerCase()));
        this.traceEvent(event, into);
        return event.eventId;
      }
      case 'decision':
        this.traceDecision(found(this.dataRequests.decision(id)), into);
        return id;
      case 'data-request': {
        const request = found(this.dataRequests.request(id));
        into.addEvents(this.eventLog.byStream(request.streamId));
        const [decision] = this.dataRequests.decisionsOfRequests([id]);
        if (decision) this.traceDecision(decision, into);
        return id;
      }
      case 'measure':
        this.traceMeasure(found(this.legislation.measure(id)), into);
        return id;
      case 'clause':
        found(this.legislation.clause(id));
        this.withProvenance(this.legislation.clauseVersionsOfClauses([id]), into);
        return id;
      case 'vote':
        this.traceVote(found(this.legislation.vote(id)), into);
        return id;
      case 'person':
        this.tracePerson(found(this.directory.peopleByIds([id])[0]), into);
        return id;
      case 'organization':
        this.traceOrganization(found(this.directory.organizationsByIds([id])[0]), into);
        return id;
      default: {
        const never: never = kind;
        throw new Error(`unhandled trace subject ${String(never)}`);
      }
    }
  }

  /** The event, what its stream said before it, and the votes and clause versions it recorded. */
  private traceEvent(event: RecordedEvent, into: TraceCollector): void {
    into.addEvents(this.eventLog.byStream(event.streamId).filter((e) => e.sequence <= event.sequence));
    const data = dataOf(event);
    if (typeof data.voteId === 'string' && event.type === 'VoteRecorded') into.addVotes(this.legislation.votesByIds([data.voteId]));
    if (typeof data.measureId === 'string') {
      const clauseIds = unique(this.legislation.clauseVersionsOfMeasures([data.measureId]).map((v) => v.clauseId));
      into.addClauseVersions(this.legislation.clauseVersionsOfClauses(clauseIds).filter((v) => v.eventId === event.eventId));
    }
  }

  /**
   * The request's stream, then the law the decision rests on: each clause version it cited and
   * each one whose rule it was judged against (its compliance findings: a decision that cited
   * nothing, or the wrong clause, is still traced to the law that applied), with their provenance
   * (see withProvenance).
   */
  private traceDecision(decision: DecisionRow, into: TraceCollector): void {
    into.addDecisions([decision]);
    into.addEvents(this.eventLog.byStream(decision.streamId));
    const citations = this.dataRequests.citationsOfDecisions([decision.id]);
    const relied = [...citations, ...decision.compliance.findings];
    const versions = this.legislation.clauseVersionsOfClauses(unique(relied.map((c) => c.clauseId)));
    // Cited versions first, in citation order, then those only judged against.
    const byKey = new Map(versions.map((v) => [`${v.clauseId} ${v.version}`, v]));
    const law = unique(relied.map((c) => `${c.clauseId} ${c.version}`)).flatMap((key) => byKey.get(key) ?? []);
    this.withProvenance(law, into);
  }

  /**
   * Clause versions and what made each one law: the event that recorded it, the vote that adopted
   * it on the floor, and the passing votes and signature of its own measure and, for a change made
   * by another measure, of that measure too.
   */
  private withProvenance(versions: ClauseVersionRow[], into: TraceCollector): void {
    into.addClauseVersions(versions);
    const adoptedBy = this.legislation.votesByIds(unique(versions.flatMap((v) => (v.adoptedByVoteId ? [v.adoptedByVoteId] : []))));
    into.addVotes(adoptedBy);
    into.addEvents(this.eventLog.byEventIds(unique([...versions.map((v) => v.eventId), ...adoptedBy.map((v) => v.eventId)])));
    this.addAuthority(unique(versions.flatMap((v) => (v.byMeasureId ? [v.measureId, v.byMeasureId] : [v.measureId]))), into);
  }

  /** The votes that passed these measures, with their signature, veto, enactment or issuance. */
  private addAuthority(measureIds: string[], into: TraceCollector): void {
    if (measureIds.length === 0) return;
    const passing = this.legislation.votesOfMeasures(measureIds).filter((v) => v.result === 'PASSED' && motionGivesForce(v.motion));
    into.addVotes(passing);
    const passingEvents = new Set(passing.map((v) => v.eventId));
    const streams = this.legislation.measuresByIds(measureIds).map((m) => m.streamId);
    into.addEvents(this.eventLog.byStreams(streams).filter((e) => AUTHORITY_EVENTS.has(e.type) || passingEvents.has(e.eventId)));
  }

  /** Its whole stream, its votes, every version of its clauses, and what made the measures that amended or repealed it law. */
  private traceMeasure(measure: MeasureRow, into: TraceCollector): void {
    const measureId = measure.id;
    const stream = this.eventLog.byStream(measure.streamId);
    into.addEvents(stream);
    into.addVotes(this.legislation.votesOfMeasures([measureId]));
    const clauseIds = unique(this.legislation.clauseVersionsOfMeasures([measureId]).map((v) => v.clauseId));
    const versions = this.legislation.clauseVersionsOfClauses(clauseIds);
    into.addClauseVersions(versions);
    const repealedBy = stream.filter((e) => e.type === 'MeasureRepealed').map((e) => dataOf(e).byMeasureId);
    const others = unique([...versions.map((v) => v.byMeasureId), ...repealedBy]).filter((m): m is string => typeof m === 'string' && m !== measureId);
    this.addAuthority(others, into);
  }

  /**
   * The vote as the ledger knew it when it was taken: the measure's events up to it, the vote's own
   * events (with the clause version it adopted), the voting body's record up to then (who sat on
   * it), and the measure's clauses as they stood after the vote.
   */
  private traceVote(vote: VoteRow, into: TraceCollector): void {
    into.addVotes([vote]);
    const measure = this.legislation.measure(vote.measureId);
    const own = this.legislation.eventsOfVotes([vote.id]);
    const last = Math.max(vote.sequence, ...own.map((e) => e.sequence));
    if (measure) into.addEvents(this.eventLog.byStream(measure.streamId).filter((e) => e.sequence <= vote.sequence));
    into.addEvents(this.eventLog.byEventIds(own.map((e) => e.eventId)));
    const [body] = this.directory.organizationsByIds([vote.bodyId]);
    if (body) into.addEvents(this.eventLog.byStream(body.streamId).filter((e) => e.sequence < vote.sequence));
    const clauseIds = unique(this.legislation.clauseVersionsOfMeasures([vote.measureId]).map((v) => v.clauseId));
    const latest = new Map<string, ClauseVersionRow>();
    for (const version of this.legislation.clauseVersionsOfClauses(clauseIds)) {
      if (version.sequence <= last) latest.set(version.clauseId, version);
    }
    into.addClauseVersions([...latest.values()].filter((v) => !v.struck));
  }

  /** Their record, the memberships naming them, the votes they cast and the decisions they took. */
  private tracePerson(person: PersonRow, into: TraceCollector): void {
    const personId = person.id;
    into.addEvents(this.eventLog.byStream(person.streamId));
    const orgIds = unique(this.directory.membershipsOfPeople([personId]).map((m) => m.orgId));
    const orgStreams = this.directory.organizationsByIds(orgIds).map((o) => o.streamId);
    into.addEvents(this.eventLog.byStreams(orgStreams).filter((e) => MEMBERSHIP_EVENTS.has(e.type) && dataOf(e).personId === personId));
    const votes = this.votesCastBy(personId);
    into.addVotes(votes);
    into.addEvents(this.eventLog.byEventIds(votes.map((v) => v.eventId)));
    this.addDecisions(this.pages((after) => this.dataRequests.decisionsOfPeople([personId], PAGE, after)[0]), into);
  }

  /** Its record (memberships included) and, for a department, the decisions it took. */
  private traceOrganization(org: OrganizationRow, into: TraceCollector): void {
    const orgId = org.id;
    into.addEvents(this.eventLog.byStream(org.streamId));
    this.addDecisions(this.pages((after) => this.dataRequests.decisionsPage({ decidingOrganizationId: orgId }, PAGE, after)), into);
  }

  private addDecisions(decisions: DecisionRow[], into: TraceCollector): void {
    into.addDecisions(decisions);
    into.addEvents(this.eventLog.byStreams(unique(decisions.map((d) => d.streamId))).filter((e) => DECISION_EVENTS.has(e.type)));
  }

  private votesCastBy(personId: string): VoteRow[] {
    const voteIds: string[] = [];
    let after: number | null = null;
    for (;;) {
      const [page] = this.legislation.castsOfPeople([personId], PAGE, after);
      if (!page) break;
      voteIds.push(...page.casts.map((c) => c.voteId));
      if (!page.hasNextPage || page.casts.length === 0) break;
      after = page.casts[page.casts.length - 1].sequence;
    }
    return this.legislation.votesByIds(voteIds);
  }

  /** Every decision of a paged list; a decision's cursor is its sequence. */
  private pages(page: (afterSequence: number | null) => { decisions: DecisionRow[]; hasNextPage: boolean }): DecisionRow[] {
    const all: DecisionRow[] = [];
    let after: number | null = null;
    for (;;) {
      const { decisions, hasNextPage } = page(after);
      all.push(...decisions);
      if (!hasNextPage || decisions.length === 0) return all;
      after = decisions[decisions.length - 1].sequence;
    }
  }
}
