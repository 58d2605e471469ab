import type {
  AmendByMeasure,
  DraftExecutiveOrder,
  EnactMeasure,
  IntroduceMeasure,
  IssueExecutiveOrder,
  RecordVote,
  ReferMeasure,
  RepealMeasure,
  RevokeExecutiveOrder,
  SignMeasure,
  VetoMeasure,
  WithdrawMeasure,
} from '@ledger/domain';
import { LedgerCommand } from '../ledger-command';

/** The office (an EXECUTIVE organization) in whose name the mayor acts; checked on the act's date. */
export interface InOffice {
  officeId: string;
}

export class IntroduceMeasureCommand extends LedgerCommand<IntroduceMeasure['data']> {}
export class ReferMeasureCommand extends LedgerCommand<ReferMeasure['data']> {}
export class RecordVoteCommand extends LedgerCommand<RecordVote['data']> {}
export class SignMeasureCommand extends LedgerCommand<SignMeasure['data'] & InOffice> {}
export class VetoMeasureCommand extends LedgerCommand<VetoMeasure['data'] & InOffice> {}
export class EnactMeasureCommand extends LedgerCommand<EnactMeasure['data']> {}
export class WithdrawMeasureCommand extends LedgerCommand<WithdrawMeasure['data']> {}
export class RepealMeasureCommand extends LedgerCommand<RepealMeasure['data']> {}
export class AmendByMeasureCommand extends LedgerCommand<AmendByMeasure['data']> {}
export class DraftExecutiveOrderCommand extends LedgerCommand<DraftExecutiveOrder['data']> {}
export class IssueExecutiveOrderCommand extends LedgerCommand<IssueExecutiveOrder['data']> {}
export class RevokeExecutiveOrderCommand extends LedgerCommand<RevokeExecutiveOrder['data']> {}
