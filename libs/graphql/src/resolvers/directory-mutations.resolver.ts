import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  CorrectMembershipCommand,
  CorrectOrganizationRecordCommand,
  EndMembershipCommand,
  RegisterOrganizationCommand,
  StartMembershipCommand,
} from '@ledger/application';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.guard';
import {
  CorrectMembershipInput,
  CorrectOrganizationInput,
  EndMembershipInput,
  RegisterOrganizationInput,
  StartMembershipInput,
  VotingRulesInput,
} from '../models/directory.inputs';
import { RecordReceiptModel } from '../models/record-receipt.model';
import { dispatch, present } from './command-dispatch';

// passage is checked by the domain against the passage rules it knows (BAD_USER_INPUT otherwise).
const rulesOf = (rules: VotingRulesInput | null | undefined) =>
  rules ? { seats: rules.seats, quorum: rules.quorum, passage: rules.passage as 'majority-of-present', overrideVotes: rules.overrideVotes ?? null } : null;

/** Clerk mutations of the directory: organizations and memberships. */
@Resolver()
export class DirectoryMutationsResolver {
  constructor(private readonly bus: CommandBus) {}

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a legislature, committee, executive office, department or outside agency' })
  registerOrganization(@Args('input') input: RegisterOrganizationInput, @CurrentCaller() caller: Caller) {
    const data = { orgId: input.id, name: input.name, kind: `${input.kind}` as const, parentId: input.parentId ?? null, rules: rulesOf(input.rules) };
    return dispatch(this.bus, RegisterOrganizationCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct an organization's record, saying why" })
  correctOrganization(@Args('input') input: CorrectOrganizationInput, @CurrentCaller() caller: Caller) {
    const data = {
      orgId: input.id, reason: input.reason,
      ...present({ name: input.name, parentId: input.parentId }),
      ...(input.rules && { rules: rulesOf(input.rules) }),
    };
    return dispatch(this.bus, CorrectOrganizationRecordCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: a person takes a role in an organization from a date' })
  startMembership(@Args('input') input: StartMembershipInput, @CurrentCaller() caller: Caller) {
    const data = { orgId: input.organizationId, personId: input.personId, role: input.role, startDate: input.startDate };
    return dispatch(this.bus, StartMembershipCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: a person leaves a role; endDate is their last day' })
  endMembership(@Args('input') input: EndMembershipInput, @CurrentCaller() caller: Caller) {
    const data = { orgId: input.organizationId, personId: input.personId, role: input.role, endDate: input.endDate };
    return dispatch(this.bus, EndMembershipCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: "clerk: correct a membership's dates, saying why" })
  correctMembership(@Args('input') input: CorrectMembershipInput, @CurrentCaller() caller: Caller) {
    const data = {
      orgId: input.organizationId, personId: input.personId, role: input.role, startDate: input.startDate, reason: input.reason,
      ...(input.newStartDate != null && { newStartDate: input.newStartDate }),
      ...(input.reopen ? { newEndDate: null } : input.newEndDate != null ? { newEndDate: input.newEndDate } : {}),
    };
    return dispatch(this.bus, CorrectMembershipCommand, data, caller, input);
  }
}
