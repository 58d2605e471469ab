import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { AuthenticatedActor } from '@ledger/auth';
import { CorrectPersonRecordCommand, RegisterPersonCommand, type RecordReceipt } from '@ledger/application';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.guard';
import { CorrectPersonInput, RegisterPersonInput } from '../models/person.inputs';
import { RecordReceiptModel } from '../models/record-receipt.model';
import { toLedgerEventModel } from './ledger-event.mapper';

export function toReceiptModel(receipt: RecordReceipt): RecordReceiptModel {
  return { streamId: receipt.streamId, revision: receipt.revision, events: receipt.events.map(toLedgerEventModel) };
}

@Resolver()
export class PersonMutationsResolver {
  constructor(private readonly commands: CommandBus) {}

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a person (council member, mayor, officer)' })
  async registerPerson(@Args('input') input: RegisterPersonInput, @CurrentActor() actor: AuthenticatedActor): Promise<RecordReceiptModel> {
    const receipt = await this.commands.execute(
      new RegisterPersonCommand(
        { personId: input.id, name: input.name, ...(input.sortName != null && { sortName: input.sortName }) },
        { actor, occurredAt: input.occurredAt ?? undefined, expectedRevision: 'no-stream' },
      ),
    );
    return toReceiptModel(receipt);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct a person's record, saying why" })
  async correctPerson(@Args('input') input: CorrectPersonInput, @CurrentActor() actor: AuthenticatedActor): Promise<RecordReceiptModel> {
    const receipt = await this.commands.execute(
      new CorrectPersonRecordCommand(
        {
          personId: input.id,
          reason: input.reason,
          ...(input.name != null && { name: input.name }),
          ...(input.sortName != null && { sortName: input.sortName }),
        },
        { actor, occurredAt: input.occurredAt ?? undefined, expectedRevision: input.expectedRevision ?? undefined },
      ),
    );
    return toReceiptModel(receipt);
  }
}
