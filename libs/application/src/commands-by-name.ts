import type { CommandContext } from './command-context';
import { CorrectDecisionCommand, DecideDataRequestCommand, ReceiveDataRequestCommand, RecordDisclosureCommand, ReviewDecisionCommand } from './data-requests/data-request.commands';
import { CorrectMembershipCommand, CorrectOrganizationRecordCommand, EndMembershipCommand, RegisterOrganizationCommand, StartMembershipCommand } from './directory/directory.commands';
import type { LedgerCommand } from './ledger-command';
import {
  AmendByMeasureCommand,
  DraftExecutiveOrderCommand,
  EnactMeasureCommand,
  IntroduceMeasureCommand,
  IssueExecutiveOrderCommand,
  RecordVoteCommand,
  ReferMeasureCommand,
  RepealMeasureCommand,
  RevokeExecutiveOrderCommand,
  SignMeasureCommand,
  VetoMeasureCommand,
  WithdrawMeasureCommand,
} from './legislation/legislation.commands';
import { CorrectPersonRecordCommand, RegisterPersonCommand } from './person/register-person.command';

type CommandClass = new (data: never, context: CommandContext) => LedgerCommand<unknown>;

/** Every command by its domain name, for scripted recording (the demo seed, imports of scripts). */
export const COMMANDS_BY_NAME: Record<string, CommandClass> = {
  RegisterPerson: RegisterPersonCommand,
  CorrectPersonRecord: CorrectPersonRecordCommand,
  RegisterOrganization: RegisterOrganizationCommand,
  CorrectOrganizationRecord: CorrectOrganizationRecordCommand,
  StartMembership: StartMembershipCommand,
  EndMembership: EndMembershipCommand,
  CorrectMembership: CorrectMembershipCommand,
  IntroduceMeasure: IntroduceMeasureCommand,
  ReferMeasure: ReferMeasureCommand,
  RecordVote: RecordVoteCommand,
  SignMeasure: SignMeasureCommand,
  VetoMeasure: VetoMeasureCommand,
  EnactMeasure: EnactMeasureCommand,
  WithdrawMeasure: WithdrawMeasureCommand,
  RepealMeasure: RepealMeasureCommand,
  AmendByMeasure: AmendByMeasureCommand,
  DraftExecutiveOrder: DraftExecutiveOrderCommand,
  IssueExecutiveOrder: IssueExecutiveOrderCommand,
  RevokeExecutiveOrder: RevokeExecutiveOrderCommand,
  ReceiveDataRequest: ReceiveDataRequestCommand,
  DecideDataRequest: DecideDataRequestCommand,
  RecordDisclosure: RecordDisclosureCommand,
  ReviewDecision: ReviewDecisionCommand,
  CorrectDecision: CorrectDecisionCommand,
};
