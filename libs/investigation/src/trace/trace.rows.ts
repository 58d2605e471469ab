import type { RecordedEvent } from '@ledger/event-store';
import type { ActorRow, ClauseVersionRow, DecisionRow, VoteRow } from '@ledger/projections';
import type { TraceSubjectKind } from './trace-subject';

/**
 * Everything that led to a node, as read-model rows: the GraphQL Trace and the CLI's investigation
 * report are both views of it.
 */
export interface TraceResult {
  subject: { kind: TraceSubjectKind; id: string };
  /** oldest first, by sequence; each event once */
  events: RecordedEvent[];
  /** who recorded those events, each account once, in the order they first appear */
  actors: ActorRow[];
  /** each clause version once, in the order the trace reached them */
  clauses: ClauseVersionRow[];
  /** each vote once, by sequence */
  votes: VoteRow[];
  /** the decisions the trace is about: the subject's own, or those a person or department took */
  decisions: DecisionRow[];
}
