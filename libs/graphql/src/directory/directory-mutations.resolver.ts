import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AbstentionRule } from '@ledger/domain';
import { LedgerCommands } from '@ledger/application';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { CommandRoles } from '../auth/roles.guard';
import {
  CorrectMembershipInput,
  CorrectOrganizationInput,
  CorrectPersonInput,
  EndMembershipInput,
  RegisterOrganizationInput,
  RegisterPersonInput,
  StartMembershipInput,
  VotingRulesInput,
} from './directory.inputs';
import { RecordReceiptModel } from '../mutations/record-receipt.model';
import { contextOf, present, receiptOf } from '../mutations/mutation-command';

// passage and abstentions are checked by the domain against the rules it knows (BAD_USER_INPUT otherwise).
const rulesOf = (rules: VotingRulesInput | null | undefined) =>
  rules
    ? {
        seats: rules.seats,
        quorum: rules.quorum,
        passage: rules.passage as 'majority-of-present',
        overrideVotes: rules.overrideVotes ?? null,
        abstentions: rules.abstentions as AbstentionRule,
      }
    : null;

/** Clerk mutations of the directory: people, organizations and memberships. */
@Resolver()
export class DirectoryMutationsResolver {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoles('RegisterPerson')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a person (council member, mayor, officer)' })
  registerPerson(@Args('input') input: RegisterPersonInput, @CurrentCaller() caller: Caller): Promise<RecordReceiptModel> {
    const data = present({ personId: input.id, name: input.name, sortName: input.sortName });
    return receiptOf(this.commands.execute('RegisterPerson', data, contextOf(caller, { occurredAt: input.occurredAt })));
  }

  @CommandRoles('CorrectPersonRecord')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct a person's record, saying why" })
  correctPerson(@Args('input') input: CorrectPersonInput, @CurrentCaller() caller: Caller): Promise<RecordReceiptModel> {
    const data = present({ personId: input.id, name: input.name, sortName: input.sortName, reason: input.reason });
    return receiptOf(this.commands.execute('CorrectPersonRecord', data, contextOf(caller, input)));
  }

  @CommandRoles('RegisterOrganization')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a legislature, committee, executive office, department or outside agency' })
  registerOrganization(@Args('input') input: RegisterOrganizationInput, @CurrentCaller() caller: Caller) {
    const data = { orgId: input.id, name: input.name, kind: `${input.kind}` as const, parentId: input.parentId ?? null, rules: rulesOf(input.rules) };
    return receiptOf(this.commands.execute('RegisterOrganization', data, contextOf(caller, input)));
  }

  @CommandRoles('CorrectOrganizationRecord')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct an organization's record, saying why" })
  correctOrganization(@Args('input') input: CorrectOrganizationInput, @CurrentCaller() caller: Caller) {
    const data = {
      orgId: input.id, reason: input.reason,
      ...present({ name: input.name, parentId: input.parentId }),
      ...(input.rules && { rules: rulesOf(input.rules) }),
    };
    return receiptOf(this.commands.execute('CorrectOrganizationRecord', data, contextOf(caller, input)));
  }

  @CommandRoles('StartMembership')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: a person takes a role in an organization from a date' })
  startMembership(@Args('input') input: StartMembershipInput, @CurrentCaller() caller: Caller) {
    const data = { orgId: input.organizationId, personId: input.personId, role: input.role, startDate: input.startDate };
    return receiptOf(this.commands.execute('StartMembership', data, contextOf(caller, input)));
  }

  @CommandRoles('EndMembership')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: a person leaves a role; endDate is their last day' })
  endMembership(@Args('input') input: EndMembershipInput, @CurrentCaller() caller: Caller) {
    const data = { orgId: input.organizationId, personId: input.personId, role: input.role, endDate: input.endDate };
    return receiptOf(this.commands.execute('EndMembership', data, contextOf(caller, input)));
  }

  @CommandRoles('CorrectMembership')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct a membership's dates, saying why" })
  correctMembership(@Args('input') input: CorrectMembershipInput, @CurrentCaller() caller: Caller) {
    const data = {
      orgId: input.organizationId, personId: input.personId, role: input.role, startDate: input.startDate, reason: input.reason,
      ...(input.newStartDate != null && { newStartDate: input.newStartDate }),
      ...(input.reopen ? { newEndDate: null } : input.newEndDate != null ? { newEndDate: input.newEndDate } : {}),
    };
    return receiptOf(this.commands.execute('CorrectMembership', data, contextOf(caller, input)));
  }
}
