import type { LegislationQueries } from '@ledger/projections';
import type { TraceView } from '../trace/trace-view';
import type { DecisionEntry, TimelineEntry, VoteEntry } from './investigation.report';

export interface LabelContext {
  nameOf(id: string): string;
  measures: Map<string, { title: string }>;
  decisions: DecisionEntry[];
  votes: VoteEntry[];
  timeline: TimelineEntry[];
  legislation: LegislationQueries;
}

/**
 * A one-line title for the report, in names rather than ids where the ledger has them. Public
 * fields only, whoever the report is for: a data request is labelled by its decision, never by its subject.
 */
export function subjectLabel(trace: TraceView, c: LabelContext): string {
  const { kind, id } = trace.subject;
  switch (kind) {
    case 'measure':
      return `${id}: ${c.measures.get(id)?.title ?? ''}`;
    case 'clause': {
      const heading = c.legislation.clause(id)?.heading;
      return `${id}${heading ? `: ${heading}` : ''} (${c.measures.get(id.split('#')[0])?.title ?? ''})`;
    }
    case 'vote': {
      const vote = c.votes.find((v) => v.id === id);
      return vote ? `${vote.motion} on ${vote.measure.id} by ${vote.body.name ?? vote.body.id}, ${vote.occurredAt.slice(0, 10)}: ${vote.result}` : id;
    }
    case 'decision':
    case 'data-request': {
      const decision = c.decisions[0];
      const what = kind === 'decision' ? 'Decision' : 'Data request';
      return decision
        ? `${what} of ${decision.decidingOrganization.name ?? decision.decidingOrganization.id} on ${decision.decidedAt.slice(0, 10)}: ${decision.outcome}, ${decision.compliance.status}`
        : `${what} ${id} (undecided)`;
    }
    case 'person':
    case 'organization':
      return c.nameOf(id);
    case 'event': {
      const event = c.timeline.find((e) => e.eventId === id);
      return event ? `${event.type} at sequence ${event.sequence}` : id;
    }
    default:
      return id;
  }
}
