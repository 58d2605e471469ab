import { organizationDecider, orgStreamId, personDecider, personStreamId, type OrganizationCommand, type PersonCommand } from '@ledger/domain';
import type { CatalogueOf, FactsContext } from '../catalogue/command-entry';
import type { FactsService } from '../facts/facts.service';

/** The parent a registration or correction names, with its ancestors, so that a cycle can be refused. */
const parentFacts = async (facts: FactsService, data: { parentId?: string | null }, { date }: FactsContext) => {
  if (!data.parentId) return { parent: null };
  const parent = await facts.organization(data.parentId, date);
  return { parent: parent && { orgId: parent.orgId, kind: parent.kind, ancestorIds: await facts.ancestorsOf(parent) } };
};

/** People, organizations and memberships: the clerk's record of who holds which office. */
export const DIRECTORY_COMMANDS: CatalogueOf<PersonCommand | OrganizationCommand> = {
  RegisterPerson: { decider: personDecider, roles: ['clerk'], streamIdOf: (d) => personStreamId(d.personId) },
  CorrectPersonRecord: { decider: personDecider, roles: ['clerk'], streamIdOf: (d) => personStreamId(d.personId) },
  RegisterOrganization: { decider: organizationDecider, roles: ['clerk'], streamIdOf: (d) => orgStreamId(d.orgId), facts: parentFacts },
  CorrectOrganizationRecord: { decider: organizationDecider, roles: ['clerk'], streamIdOf: (d) => orgStreamId(d.orgId), facts: parentFacts },
  StartMembership: {
    decider: organizationDecider,
    roles: ['clerk'],
    streamIdOf: (d) => orgStreamId(d.orgId),
    facts: async (facts, d) => ({ personRegistered: await facts.personRegistered(d.personId) }),
  },
  EndMembership: { decider: organizationDecider, roles: ['clerk'], streamIdOf: (d) => orgStreamId(d.orgId) },
  CorrectMembership: { decider: organizationDecider, roles: ['clerk'], streamIdOf: (d) => orgStreamId(d.orgId) },
};
