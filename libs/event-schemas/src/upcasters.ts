import type { PersonRegisteredData, PersonRegisteredV1Data } from '@ledger/event-types';

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

export const UPCASTERS: UpcasterTable = {
  [upcasterKey('PersonRegistered', 1)]: personRegisteredV1ToV2,
};
