import { isDataRequestId, isDecisionId, isOrganizationId, isPersonId } from '../data-request-ids';
import { isMeasureId, isVoteId, parseClauseId } from '../legislation-ids';

/** What a trace can start from: any node of ledger.graphql. */
export type TraceSubjectKind = 'event' | 'person' | 'organization' | 'measure' | 'clause' | 'vote' | 'data-request' | 'decision';

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kind of node an id names, from its shape alone; null when it names none. An event id is
 * tried first: a uuid is also shaped like a measure id (letters, digits, dashes).
 */
export function traceSubjectKind(id: string): TraceSubjectKind | null {
  if (EVENT_ID.test(id)) return 'event';
  if (isPersonId(id)) return 'person';
  if (isOrganizationId(id)) return 'organization';
  if (isVoteId(id)) return 'vote';
  if (isDataRequestId(id)) return 'data-request';
  if (isDecisionId(id)) return 'decision';
  if (parseClauseId(id)) return 'clause';
  if (isMeasureId(id)) return 'measure';
  return null;
}

/** The id is not shaped like any node's id. */
export class MalformedTraceId extends Error {
  constructor(readonly id: string) {
    super(
      `${JSON.stringify(id)} is not a node id: expected an event uuid, person:…, org:…, a measure id such as CB17-0766, ` +
        'a clause id such as CB17-0766#sec_2__subsec_b, vote:…, data-request:<uuid> or decision:<uuid>',
    );
    this.name = 'MalformedTraceId';
  }
}

/** The id is well formed, but the ledger has no such node. */
export class TraceSubjectNotFound extends Error {
  constructor(
    readonly id: string,
    readonly kind: TraceSubjectKind,
  ) {
    super(`the ledger has no ${kind} with id ${id}`);
    this.name = 'TraceSubjectNotFound';
  }
}
