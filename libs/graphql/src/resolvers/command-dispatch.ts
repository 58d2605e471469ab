import type { CommandBus } from '@nestjs/cqrs';
import type { Caller } from '../auth/current-actor.decorator';
import type { CommandContext, LedgerCommand, RecordReceipt } from '@ledger/application';
import type { RecordReceiptModel } from '../models/record-receipt.model';
import { toLedgerEventModel } from './ledger-event.mapper';

/** The fields every mutation input may carry besides its command's data. */
export interface CommandOptions {
  occurredAt?: string | null;
  expectedRevision?: number | null;
}

export function toReceiptModel(receipt: RecordReceipt): RecordReceiptModel {
  const { streamId, revision, replayed, readModelsUpToDate } = receipt;
  return { streamId, revision, events: receipt.events.map(toLedgerEventModel), replayed, readModelsUpToDate };
}

/** Sends one command on the bus as the authenticated caller and answers with its receipt. */
export async function dispatch<Data>(
  bus: CommandBus,
  CommandClass: new (data: Data, context: CommandContext) => LedgerCommand<Data>,
  data: Data,
  caller: Caller,
  options: CommandOptions = {},
): Promise<RecordReceiptModel> {
  const context: CommandContext = {
    actor: caller.actor,
    occurredAt: options.occurredAt ?? undefined,
    expectedRevision: options.expectedRevision ?? undefined,
    idempotencyKey: caller.idempotencyKey ?? undefined,
  };
  return toReceiptModel(await bus.execute(new CommandClass(data, context)));
}

/** Drops null and undefined members, so optional GraphQL inputs become absent command fields. */
export function present<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as never;
}
