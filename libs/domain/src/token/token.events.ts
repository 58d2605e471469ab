import type { TokenIssuedData, TokenRevokedData } from '@ledger/event-types';
import type { DomainEvent } from '../shared/decider';

export type TokenIssued = DomainEvent<'TokenIssued', TokenIssuedData>;
export type TokenRevoked = DomainEvent<'TokenRevoked', TokenRevokedData>;

export type TokenEvent = TokenIssued | TokenRevoked;
