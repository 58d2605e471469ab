import { decisionIdOf, requestIdOfStream } from '@ledger/domain';

const DECISION_EVENTS = new Set(['DataRequestDecided', 'DecisionCorrected', 'DecisionReviewed', 'DisclosureRecorded']);
const MEASURE_STREAM = /^measure-(.+)$/;

/** The portal page an event belongs on (its measure, or its request's decision), or null when there is none yet. */
export function eventLink(event: { type: string; streamId: string }): string | null {
  const measure = MEASURE_STREAM.exec(event.streamId);
  if (measure) return measurePath(measure[1]);
  const requestId = requestIdOfStream(event.streamId);
  if (requestId && DECISION_EVENTS.has(event.type)) return decisionPath(decisionIdOf(requestId));
  return null;
}

// An id as one path segment; a colon may stand in a segment, so decision:<uuid> reads as it is.
const segment = (id: string) => encodeURIComponent(id).replace(/%3A/gi, ':');

/** An HTML id from a node id (vote:CB17-0766:4, CB17-0766#sec_3): letters, digits and dashes. */
export function anchorOf(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, '-');
}

export const measurePath = (measureId: string) => `/measures/${segment(measureId)}`;
/** CB17-0766#sec_3 -> /measures/CB17-0766/clauses/sec_3 (a '#' cannot stand in a path). */
export const clausePath = (clauseId: string) => {
  const [measureId, eId] = clauseId.split('#');
  return `${measurePath(measureId)}/clauses/${segment(eId)}`;
};
export const personPath = (personId: string) => `/people/${segment(personId)}`;
export const organizationPath = (orgId: string) => `/organizations/${segment(orgId)}`;
export const decisionPath = (decisionId: string) => `/decisions/${segment(decisionId)}`;
