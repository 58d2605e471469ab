import type { PersonRecordCorrectedData, PersonRegisteredData } from '@ledger/event-types';
import type { DomainEvent } from '../shared/decider';

export type PersonRegistered = DomainEvent<'PersonRegistered', PersonRegisteredData>;
export type PersonRecordCorrected = DomainEvent<'PersonRecordCorrected', PersonRecordCorrectedData>;

export type PersonEvent = PersonRegistered | PersonRecordCorrected;
