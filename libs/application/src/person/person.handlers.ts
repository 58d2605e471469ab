import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStreamId } from '@ledger/domain';
import { CommandGate } from '../command-gate';
import { DeciderRunner } from '../decider-runner';
import type { RecordReceipt } from '../record-receipt';
import { CorrectPersonRecordCommand, RegisterPersonCommand } from './register-person.command';

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand, RecordReceipt> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly gate: CommandGate,
  ) {}

  execute({ data, context }: RegisterPersonCommand): Promise<RecordReceipt> {
    return this.gate.run(() =>
      this.runner.run(personDecider, personStreamId(data.personId), { type: 'RegisterPerson', data }, context),
    );
  }
}

@CommandHandler(CorrectPersonRecordCommand)
export class CorrectPersonRecordHandler implements ICommandHandler<CorrectPersonRecordCommand, RecordReceipt> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly gate: CommandGate,
  ) {}

  execute({ data, context }: CorrectPersonRecordCommand): Promise<RecordReceipt> {
    return this.gate.run(() =>
      this.runner.run(personDecider, personStreamId(data.personId), { type: 'CorrectPersonRecord', data }, context),
    );
  }
}
