import { badInput } from '../shared/domain-error';

// Person ids are readable slugs chosen by the clerk: person:robin-kniech.
const PERSON_ID = /^person:[a-z0-9][a-z0-9-]{0,99}$/;

export function isPersonId(id: unknown): id is string {
  return typeof id === 'string' && PERSON_ID.test(id);
}

export function assertPersonId(personId: unknown, field = 'personId'): asserts personId is string {
  if (!isPersonId(personId)) {
    throw badInput(`person id must look like person:first-last (lowercase letters, digits, dashes), got ${JSON.stringify(personId)}`, field);
  }
}

/** person:robin-kniech -> person-robin-kniech (docs/ARCHITECTURE.md, "Streams"). */
export function personStreamId(personId: string): string {
  assertPersonId(personId);
  return personId.replace(':', '-');
}
