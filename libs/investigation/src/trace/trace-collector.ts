import type { RecordedEvent } from '@ledger/event-store';
import type { ClauseVersionRow, DecisionRow, VoteRow } from '@ledger/projections';
import type { TraceView } from './trace-view';

/** A trace as the read models hold it, before the public view: never handed out (TraceService.trace views it). */
export type TraceRows = Omit<TraceView, 'viewer' | 'events'> & { events: RecordedEvent[] };

/**
 * Gathers a trace's pieces from several paths through the read models, which often reach the same
 * event or vote twice (a vote is in its measure's stream and is a clause version's adoptedBy):
 * each is kept once, and the order is settled at the end, not by the order of discovery.
 */
export class TraceCollector {
  private readonly events = new Map<string, RecordedEvent>();
  private readonly clauses = new Map<string, ClauseVersionRow>();
  private readonly votes = new Map<string, VoteRow>();
  private readonly decisions = new Map<string, DecisionRow>();

  addEvents(events: Iterable<RecordedEvent>): void {
    for (const event of events) this.events.set(event.eventId, event);
  }

  addClauseVersions(versions: Iterable<ClauseVersionRow>): void {
    for (const version of versions) {
      const key = `${version.clauseId} ${version.version}`;
      if (!this.clauses.has(key)) this.clauses.set(key, version);
    }
  }

  addVotes(votes: Iterable<VoteRow>): void {
    for (const vote of votes) this.votes.set(vote.id, vote);
  }

  addDecisions(decisions: Iterable<DecisionRow>): void {
    for (const decision of decisions) this.decisions.set(decision.id, decision);
  }

  result(subject: TraceRows['subject']): TraceRows {
    const events = [...this.events.values()].sort((a, b) => a.sequence - b.sequence);
    const actors = new Map<string, TraceRows['actors'][number]>();
    for (const { recordedBy } of events) if (!actors.has(recordedBy.id)) actors.set(recordedBy.id, { id: recordedBy.id, name: recordedBy.name, role: recordedBy.role });
    return {
      subject,
      events,
      actors: [...actors.values()],
      clauses: [...this.clauses.values()],
      votes: [...this.votes.values()].sort((a, b) => a.sequence - b.sequence),
      decisions: [...this.decisions.values()].sort((a, b) => a.sequence - b.sequence),
    };
  }
}
