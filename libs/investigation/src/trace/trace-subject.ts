import { isDecisionId, isMeasureId, isOrgId, isPersonId, isRequestId, isVoteId, parseClauseId } from '@ledger/domain';

/** What a trace can start from: any node of ledger.graphql. */
export type TraceSubjectKind = 'event' | 'person' | 'organization' | 'measure' | 'clause' | 'vote' | 'data-request' | 'decision';

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kinds of node an id can name, from its shape alone, to be tried in order; empty when it
 * names none. Only a uuid is ambiguous: it is an event id, and it is also shaped like a measure id
 * (letters, digits, dashes). New measures may not take one (the domain refuses it), but a ledger
 * recorded before that rule may hold such a measure, so it is tried after the event.
 */
export function traceSubjectKinds(id: string): TraceSubjectKind[] {
  if (EVENT_ID.test(id)) return isMeasureId(id) ? ['event', 'measure'] : ['event'];
  if (isPersonId(id)) return ['person'];
  if (isOrgId(id)) return ['organization'];
  if (isVoteId(id)) return ['vote'];
  if (isRequestId(id)) return ['data-request'];
  if (isDecisionId(id)) return ['decision'];
  if (parseClauseId(id)) return ['clause'];
  if (isMeasureId(id)) return ['measure'];
  return [];
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
