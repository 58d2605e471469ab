import type {
  DataRequestDecidedData,
  DataRequestReceivedData,
  DecisionCorrectedData,
  DecisionReviewedData,
  DisclosureRecordedData,
} from '@ledger/event-types';
import type { DomainEvent } from '../shared/decider';

/** What granting the request would do. */
export type DataRequestAction = DataRequestReceivedData['action'];
/** The legal instrument the requesting agency presented. */
export type LegalBasis = DataRequestReceivedData['legalBasis'];
/** Personal details as the application layer encrypted them; the decider never sees the plaintext. */
export type EncryptedDetails = NonNullable<DataRequestReceivedData['personalDetails']>;
export type DecisionOutcome = DataRequestDecidedData['outcome'];
/** A clause version a decision relies on. */
export type Citation = DataRequestDecidedData['citations'][number];
export type DecisionCorrections = DecisionCorrectedData['corrections'];
export type ReviewFinding = DecisionReviewedData['finding'];

export type DataRequestReceived = DomainEvent<'DataRequestReceived', DataRequestReceivedData>;
export type DataRequestDecided = DomainEvent<'DataRequestDecided', DataRequestDecidedData>;
export type DisclosureRecorded = DomainEvent<'DisclosureRecorded', DisclosureRecordedData>;
export type DecisionReviewed = DomainEvent<'DecisionReviewed', DecisionReviewedData>;
export type DecisionCorrected = DomainEvent<'DecisionCorrected', DecisionCorrectedData>;

export type DataRequestEvent = DataRequestReceived | DataRequestDecided | DisclosureRecorded | DecisionReviewed | DecisionCorrected;
