/**
 * A refusal by a decider. The code says how an API should answer; the message is for a person.
 * - BAD_USER_INPUT: the command itself is wrong (empty name, unknown clause, date out of range)
 * - CONFLICT: it contradicts the ledger's state (already registered, already signed)
 * - FORBIDDEN: the actor may not do this (not the mayor on that date, another department)
 * - NOT_FOUND: it names something the ledger does not have
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** the command field at fault, when there is one (e.g. "name") */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, field?: string) => new DomainError('BAD_USER_INPUT', message, field);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const notFound = (message: string, field?: string) => new DomainError('NOT_FOUND', message, field);
