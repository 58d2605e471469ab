import type { Command } from '../shared/decider';

export type RegisterPerson = Command<'RegisterPerson', { personId: string; name: string; sortName?: string }>;

/** Fixes a mistake in the recorded name; the reason is kept in the ledger for ever. */
export type CorrectPersonRecord = Command<
  'CorrectPersonRecord',
  { personId: string; name?: string; sortName?: string; reason: string }
>;

export type PersonCommand = RegisterPerson | CorrectPersonRecord;
