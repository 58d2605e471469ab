import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrectPersonRecordCommand, RegisterPersonCommand } from '@ledger/application';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.guard';
import { CorrectPersonInput, RegisterPersonInput } from '../models/person.inputs';
import { RecordReceiptModel } from '../models/record-receipt.model';
import { dispatch, present } from './command-dispatch';

@Resolver()
export class PersonMutationsResolver {
  constructor(private readonly bus: CommandBus) {}

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a person (council member, mayor, officer)' })
  registerPerson(@Args('input') input: RegisterPersonInput, @CurrentCaller() caller: Caller): Promise<RecordReceiptModel> {
    const data = present({ personId: input.id, name: input.name, sortName: input.sortName });
    return dispatch(this.bus, RegisterPersonCommand, data, caller, { occurredAt: input.occurredAt, expectedRevision: null });
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct a person's record, saying why" })
  correctPerson(@Args('input') input: CorrectPersonInput, @CurrentCaller() caller: Caller): Promise<RecordReceiptModel> {
    const data = present({ personId: input.id, name: input.name, sortName: input.sortName, reason: input.reason });
    return dispatch(this.bus, CorrectPersonRecordCommand, data, caller, input);
  }
}
