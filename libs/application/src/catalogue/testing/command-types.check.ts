/*
 * Compile-time checks of the command catalogue's types: every line marked @ts-expect-error must
 * fail to compile, every other line must compile. `npm run typecheck` checks this file, and so
 * does catalogue.types.spec.ts within the test suite, so the suite fails if the types loosen.
 * Nothing here runs.
 */
import { measureDecider, personDecider, personStreamId, type PersonCommand, type RecordVote } from '@ledger/domain';
import type { CatalogueOf } from '../command-entry';
import { byClerk } from '@ledger/scenarios';
import type { LedgerCommands } from '../../ledger-commands';

declare const commands: LedgerCommands;
declare const context: Parameters<LedgerCommands['execute']>[2];
const vote: RecordVote['data'] = { measureId: 'CB17-0766', bodyId: 'org:council', motion: 'first-reading', votes: [{ personId: 'person:a', choice: 'YES' }] };

export async function executeIsTyped() {
  await commands.execute('RecordVote', vote, context);
  await commands.execute('SignMeasure', { measureId: 'CB17-0766', officeId: 'org:office' }, context);
  await commands.execute('ReceiveDataRequest', {
    requestingOrgId: 'org:agency', receivingOrgId: 'org:department', dataCategories: ['address'], action: 'share',
    recipientCategories: ['agency'], purpose: 'purpose', legalBasis: 'detainer', channel: 'email', subjectIdentifier: 'B-1',
  }, context);

  // @ts-expect-error a misspelt command
  await commands.execute('RecordVot', vote, context);
  // @ts-expect-error a payload missing its command's fields
  await commands.execute('RecordVote', { measureId: 'CB17-0766' }, context);
  // @ts-expect-error a value outside the command's vocabulary
  await commands.execute('RecordVote', { ...vote, motion: 'second-reading' }, context);
  // @ts-expect-error another command's payload
  await commands.execute('RegisterPerson', vote, context);
  // @ts-expect-error the mayor's signature names the office it is done for
  await commands.execute('SignMeasure', { measureId: 'CB17-0766' }, context);
  // @ts-expect-error a data request names its subject by the identifier the officer typed, never by a reference
  await commands.execute('ReceiveDataRequest', { requestId: 'data-request:x', subjectRef: 'subj_x', personalDetails: null }, context);
}

const registerPerson = { decider: personDecider, roles: ['clerk'], streamIdOf: (d: { personId: string }) => personStreamId(d.personId) } as const;

export const complete: CatalogueOf<PersonCommand> = { RegisterPerson: registerPerson, CorrectPersonRecord: registerPerson };

// @ts-expect-error every command of the union needs its entry
export const missingEntry: CatalogueOf<PersonCommand> = { RegisterPerson: registerPerson };

export const wrongDecider: CatalogueOf<PersonCommand> = {
  // @ts-expect-error the decider must take the command
  RegisterPerson: { ...registerPerson, decider: measureDecider },
  CorrectPersonRecord: registerPerson,
};

export const unknownRole: CatalogueOf<PersonCommand> = {
  // @ts-expect-error roles are the accounts' roles
  RegisterPerson: { ...registerPerson, roles: ['emperor'] },
  CorrectPersonRecord: registerPerson,
};

export const needlessFacts: CatalogueOf<PersonCommand> = {
  // @ts-expect-error a command without facts takes no facts loader
  RegisterPerson: { ...registerPerson, facts: async () => ({}) },
  CorrectPersonRecord: registerPerson,
};

type VoteEntry = CatalogueOf<RecordVote>['RecordVote'];
const streamOfMeasure = (d: { measureId: string }) => `measure-${d.measureId}`;
export const voteEntry: VoteEntry = { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure, facts: async () => ({ body: null }) };
// @ts-expect-error a command with facts needs its loader
export const voteWithoutFacts: VoteEntry = { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure };
// @ts-expect-error the loader must give the facts the decider takes
export const voteWithOtherFacts: VoteEntry = { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure, facts: async () => ({ committee: null }) };

// Scenario steps (libs/scenarios) are typed by the same catalogue.
export const steps = [
  byClerk('RecordVote', '2017-08-21', vote),
  // @ts-expect-error a misspelt command in a scenario
  byClerk('RecordVot', '2017-08-21', vote),
  // @ts-expect-error a scenario step with another command's payload
  byClerk('EnactMeasure', '2017-08-21', vote),
];
