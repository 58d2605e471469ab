import type { ActorRow, ClauseVersionRow, DecisionRow, VoteRow } from '@ledger/projections';
import type { EventView, Viewer } from '../public-view/public-view';
import type { TraceSubjectKind } from './trace-subject';

/**
 * Everything that led to a node, as one viewer may see it: the GraphQL Trace and the investigation
 * report are both made from it. Of its rows only the events carry restricted values, and they are
 * EventViews, made by the public view for `viewer`.
 */
export interface TraceView {
  /** whom the trace was made for: the report built from it shows that viewer what the policy allows, no more */
  viewer: Viewer;
  subject: { kind: TraceSubjectKind; id: string };
  /** oldest first, by sequence; each event once */
  events: EventView[];
  /** who recorded those events, each account once, in the order they first appear */
  actors: ActorRow[];
  /** each clause version once, in the order the trace reached them */
  clauses: ClauseVersionRow[];
  /** each vote once, by sequence */
  votes: VoteRow[];
  /** the decisions the trace is about: the subject's own, or those a person or department took */
  decisions: DecisionRow[];
}
