import { Command } from '@nestjs/cqrs';
import type { CommandContext } from './command-context';
import type { RecordReceipt } from './record-receipt';

/** Base of every command dispatched on the CommandBus: the command's data and who/when. */
export abstract class LedgerCommand<Data> extends Command<RecordReceipt> {
  constructor(
    readonly data: Data,
    readonly context: CommandContext,
  ) {
    super();
  }
}
