import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../command-context';
import type { RecordReceipt } from '../record-receipt';

export class RegisterPersonCommand extends Command<RecordReceipt> {
  constructor(
    readonly data: { personId: string; name: string; sortName?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class CorrectPersonRecordCommand extends Command<RecordReceipt> {
  constructor(
    readonly data: { personId: string; name?: string; sortName?: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
