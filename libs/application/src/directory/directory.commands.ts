import type { CorrectMembership, CorrectOrganizationRecord, EndMembership, RegisterOrganization, StartMembership } from '@ledger/domain';
import { LedgerCommand } from '../ledger-command';

export class RegisterOrganizationCommand extends LedgerCommand<RegisterOrganization['data']> {}
export class CorrectOrganizationRecordCommand extends LedgerCommand<CorrectOrganizationRecord['data']> {}
export class StartMembershipCommand extends LedgerCommand<StartMembership['data']> {}
export class EndMembershipCommand extends LedgerCommand<EndMembership['data']> {}
export class CorrectMembershipCommand extends LedgerCommand<CorrectMembership['data']> {}
