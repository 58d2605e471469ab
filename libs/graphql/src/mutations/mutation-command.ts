// How a mutation becomes a command for LedgerCommands.execute, and its receipt the mutation's answer.
import type { CommandContext, RecordReceipt } from '@ledger/application';
import type { Caller } from '../auth/current-actor.decorator';
import type { RecordReceiptModel } from './record-receipt.model';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { nodeIdOf } from './receipt-node';

/** The fields every mutation input may carry besides its command's data. */
export interface CommandOptions {
  occurredAt?: string | null;
  expectedRevision?: number | null;
}

/** The command's context: the authenticated caller, its Idempotency-Key, and the input's common fields. */
export function contextOf(caller: Caller, options: CommandOptions = {}): CommandContext {
  return {
    actor: caller.actor,
    occurredAt: options.occurredAt ?? undefined,
    expectedRevision: options.expectedRevision ?? undefined,
    idempotencyKey: caller.idempotencyKey ?? undefined,
  };
}

/** A mutation's answer: the receipt of the command it recorded. */
export async function receiptOf(recorded: Promise<RecordReceipt>): Promise<RecordReceiptModel> {
  const { streamId, revision, events, replayed, readModelsUpToDate } = await recorded;
  return { streamId, revision, nodeId: nodeIdOf(events), events: events.map(toLedgerEventModel), replayed, readModelsUpToDate };
}

/** Drops null and undefined members, so optional GraphQL inputs become absent command fields. */
export function present<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as never;
}
