import { v5 as uuidv5 } from 'uuid';

/**
 * The namespace of every OCD id the ledger issues: UUIDv5 of the URL
 * "https://opencivicdata.org/ordinance-ledger" in RFC 4122's URL namespace. Fixed forever: an id
 * must not change between two exports, or consumers would see every object as new.
 */
export const OCD_ID_NAMESPACE = 'caf46c53-e280-58c3-9af4-fceea1f01194';

export type OcdIdKind = 'person' | 'organization' | 'membership' | 'bill' | 'vote';

/**
 * `ocd-<kind>/<uuid>`, the OCD id form, where uuid is UUIDv5("<kind>/<ledger id>") in
 * OCD_ID_NAMESPACE: the same ledger id always gives the same OCD id, with no table to keep.
 */
export function ocdId(kind: OcdIdKind, ledgerId: string): string {
  return `ocd-${kind}/${uuidv5(`${kind}/${ledgerId}`, OCD_ID_NAMESPACE)}`;
}
