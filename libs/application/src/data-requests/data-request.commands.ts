import type { CorrectDecision, DecideDataRequest, RecordDisclosure, ReceiveDataRequest, ReviewDecision } from '@ledger/domain';
import { LedgerCommand } from '../ledger-command';

/**
 * What the officer enters about the resident. The application layer turns the identifier into a
 * pseudonymous reference and encrypts the details before anything reaches the domain or the log.
 */
export interface SubjectInput {
  subjectIdentifier: string;
  personalDetails?: string | null;
}

type ReceiveData = Omit<ReceiveDataRequest['data'], 'requestId' | 'subjectRef' | 'personalDetails'> & SubjectInput;

export class ReceiveDataRequestCommand extends LedgerCommand<ReceiveData> {}
export class DecideDataRequestCommand extends LedgerCommand<DecideDataRequest['data']> {}
export class RecordDisclosureCommand extends LedgerCommand<RecordDisclosure['data']> {}
export class ReviewDecisionCommand extends LedgerCommand<ReviewDecision['data']> {}
export class CorrectDecisionCommand extends LedgerCommand<CorrectDecision['data']> {}
