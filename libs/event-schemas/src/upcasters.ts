import type {
  OrganizationRecordCorrectedData,
  OrganizationRecordCorrectedV1Data,
  OrganizationRegisteredData,
  OrganizationRegisteredV1Data,
  PersonRegisteredData,
  PersonRegisteredV1Data,
  VoteRecordedData,
  VoteRecordedV1Data,
} from '@ledger/event-types';

/**
 * One step of an event type's history: its payload at version N in, at version N+1 out.
 * Typed with the generated payload interfaces, so a schema change that an upcaster does not
 * follow fails to compile. Upcasters must not mutate their input: it is the stored, hashed form.
 */
export type Upcaster = (data: never) => unknown;

/** Keyed `${type}.v${from}`; the registry refuses to load when a step is missing or unused. */
export type UpcasterTable = Readonly<Record<string, Upcaster>>;

export function upcasterKey(type: string, fromVersion: number): string {
  return `${type}.v${fromVersion}`;
}

// v1 predates sort names: nobody recorded how the person is alphabetized, so the display name is
// the only honest answer (the same default RegisterPerson applies when no sort name is given).
// A clerk who knows better records a PersonRecordCorrected; the v1 event itself stays as stored.
export function personRegisteredV1ToV2(data: PersonRegisteredV1Data): PersonRegisteredData {
  return { personId: data.personId, name: data.name, sortName: data.name };
}

// v1 predates the abstention rule: every body then counted an abstaining member as present, in the
// base of a majority-of-present, which is what the ledger computed its votes with. Said explicitly.
type V1Rules = OrganizationRegisteredV1Data['rules'];
const withAbstentionRule = (rules: V1Rules): OrganizationRegisteredData['rules'] => rules && { ...rules, abstentions: 'present' };

export function organizationRegisteredV1ToV2(data: OrganizationRegisteredV1Data): OrganizationRegisteredData {
  return { ...data, rules: withAbstentionRule(data.rules) };
}

export function organizationRecordCorrectedV1ToV2(data: OrganizationRecordCorrectedV1Data): OrganizationRecordCorrectedData {
  const { rules, ...corrections } = data.corrections;
  return { ...data, corrections: rules === undefined ? corrections : { ...corrections, rules: withAbstentionRule(rules) } };
}

// v1 predates motions to reconsider: no vote then reconsidered another.
export function voteRecordedV1ToV2(data: VoteRecordedV1Data): VoteRecordedData {
  return { ...data, reconsidersVoteId: null };
}

export const UPCASTERS: UpcasterTable = {
  [upcasterKey('PersonRegistered', 1)]: personRegisteredV1ToV2,
  [upcasterKey('OrganizationRegistered', 1)]: organizationRegisteredV1ToV2,
  [upcasterKey('OrganizationRecordCorrected', 1)]: organizationRecordCorrectedV1ToV2,
  [upcasterKey('VoteRecorded', 1)]: voteRecordedV1ToV2,
};
