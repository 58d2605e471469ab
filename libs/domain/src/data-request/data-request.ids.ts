import { badInput } from '../shared/domain-error';

// The uuid is the application's (randomUUID, lowercase as the event schemas require); the request,
// its stream and its one decision all carry it, so each id leads to the others without a lookup.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REQUEST_ID = new RegExp(`^data-request:(${UUID})$`);
const STREAM_ID = new RegExp(`^data-request-(${UUID})$`);
const DECISION_ID = new RegExp(`^decision:(${UUID})$`);

export function isRequestId(id: unknown): id is string {
  return typeof id === 'string' && REQUEST_ID.test(id);
}

export function isDecisionId(id: unknown): id is string {
  return typeof id === 'string' && DECISION_ID.test(id);
}

export function assertRequestId(requestId: unknown, field = 'requestId'): asserts requestId is string {
  if (!isRequestId(requestId)) {
    throw badInput(`${field} must look like data-request:<lowercase uuid>, got ${JSON.stringify(requestId)}`, field);
  }
}

/** uuid -> data-request:<uuid> */
export function dataRequestId(uuid: string): string {
  const requestId = `data-request:${uuid}`;
  assertRequestId(requestId);
  return requestId;
}

/** data-request:<uuid> -> data-request-<uuid> (docs/ARCHITECTURE.md, "Streams"). */
export function dataRequestStreamId(requestId: string): string {
  assertRequestId(requestId);
  return requestId.replace(':', '-');
}

/** data-request-<uuid> -> data-request:<uuid>; null for any other stream. */
export function requestIdOfStream(streamId: string): string | null {
  const match = STREAM_ID.exec(streamId);
  return match ? `data-request:${match[1]}` : null;
}

/** data-request:<uuid> -> decision:<uuid>: a request has at most one decision, corrected in place. */
export function decisionIdOf(requestId: string): string {
  assertRequestId(requestId);
  return `decision:${REQUEST_ID.exec(requestId)![1]}`;
}

/** decision:<uuid> -> data-request:<uuid>; null for anything else. */
export function requestIdOfDecision(decisionId: string): string | null {
  const match = DECISION_ID.exec(decisionId);
  return match ? `data-request:${match[1]}` : null;
}
