import { v5 as uuidv5 } from 'uuid';
import { badInput } from '@ledger/domain';

// Fixed forever: changing it would make every retry of an earlier command record it again.
const IDEMPOTENCY_NAMESPACE = '5b7f2f0e-3c1d-5a4e-9f6b-2d8c1e0a7b93';
const KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * The correlation id of the events a command with a client's Idempotency-Key records: derived from
 * the key, the account and the stream, so a retry of the same command finds what the first attempt
 * recorded in the stream it loads anyway, and two clients (or two records) never share one.
 */
export function idempotentCorrelationId(actorId: string, streamId: string, key: string): string {
  return idempotentUuid(actorId, streamId, key);
}

/**
 * The id of the record a command with an Idempotency-Key creates (a data request), from the key,
 * the account and the command: every retry creates the same record, so it lands in the same stream
 * and finds the first attempt there.
 */
export function idempotentRecordId(actorId: string, commandType: string, key: string): string {
  return idempotentUuid(actorId, `new ${commandType}`, key);
}

function idempotentUuid(actorId: string, scope: string, key: string): string {
  if (!KEY.test(key)) throw badInput('Idempotency-Key must be 1 to 128 printable ASCII characters without spaces', 'Idempotency-Key');
  return uuidv5(`${actorId}\n${scope}\n${key}`, IDEMPOTENCY_NAMESPACE);
}
