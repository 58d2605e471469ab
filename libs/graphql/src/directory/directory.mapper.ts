import type { MembershipRow, OrganizationRow, PersonRow } from '@ledger/projections';
import { abstentionRule } from '@ledger/domain';
import { MembershipModel } from './membership.model';
import { OrganizationModel, type OrganizationKind } from './organization.model';
import { PersonModel } from './person.model';

/** Read-model rows -> GraphQL models (the rows never reach GraphQL themselves). */
export function toPersonModel(row: PersonRow): PersonModel {
  return Object.assign(new PersonModel(), { id: row.id, name: row.name, streamId: row.streamId });
}

export function toOrganizationModel(row: OrganizationRow): OrganizationModel {
  return Object.assign(new OrganizationModel(), {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganizationKind,
    // Rows written before bodies chose an abstention rule hold none: they counted abstentions as present.
    votingRules: row.rules && { ...row.rules, abstentions: abstentionRule(row.rules) },
    parentId: row.parentId,
    streamId: row.streamId,
  });
}

export function toMembershipModel(row: MembershipRow): MembershipModel {
  return Object.assign(new MembershipModel(), {
    role: row.role,
    startDate: row.startDate,
    endDate: row.endDate,
    personId: row.personId,
    orgId: row.orgId,
  });
}
