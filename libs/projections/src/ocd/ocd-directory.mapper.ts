import type { RecordedEvent } from '@ledger/event-store';
import type { MembershipRow, OrganizationRow, PersonRow } from '../directory/directory.rows';
import { ORGANIZATION_CLASSIFICATION } from './ocd-classifications';
import { ocdId } from './ocd-ids';
import { ocdSources } from './ocd-values';
import type { OcdIdentifier, OcdMembership, OcdOrganization, OcdPerson } from './ocd.types';

/** The ledger's own id, so a consumer can come back to the ledger (GraphQL `node(id:)`) from OCD. */
const ledgerIdentifier = (id: string): OcdIdentifier => ({ identifier: id, scheme: 'ordinance-ledger' });

export function toOcdOrganization(row: OrganizationRow, events: readonly RecordedEvent[]): OcdOrganization {
  return {
    id: ocdId('organization', row.id),
    name: row.name,
    classification: ORGANIZATION_CLASSIFICATION[row.kind],
    parent_id: row.parentId === null ? null : ocdId('organization', row.parentId),
    identifiers: [ledgerIdentifier(row.id)],
    sources: ocdSources(events),
    extras: { ledger_kind: row.kind, ...(row.rules && { voting_rules: row.rules }) },
  };
}

export function toOcdPerson(row: PersonRow, events: readonly RecordedEvent[]): OcdPerson {
  return {
    id: ocdId('person', row.id),
    name: row.name,
    sort_name: row.sortName,
    identifiers: [ledgerIdentifier(row.id)],
    sources: ocdSources(events),
    extras: {},
  };
}

export function toOcdMembership(row: MembershipRow, personName: string): OcdMembership {
  return {
    // a membership is one (organization, person, role, start) in the ledger's read model too
    id: ocdId('membership', `${row.orgId}/${row.personId}/${row.role}/${row.startDate}`),
    person_id: ocdId('person', row.personId),
    person_name: personName,
    organization_id: ocdId('organization', row.orgId),
    role: row.role,
    label: row.role,
    start_date: row.startDate,
    end_date: row.endDate ?? '',
    extras: { ledger_person_id: row.personId, ledger_organization_id: row.orgId },
  };
}
