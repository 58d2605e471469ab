import { organizationDecider, orgStreamId, personDecider, personStreamId } from '@ledger/domain';
import { deciderHandler } from '../decider-handler.factory';
import type { FactsService } from '../facts/facts.service';
import { CorrectPersonRecordCommand, RegisterPersonCommand } from '../person/register-person.command';
import {
  CorrectMembershipCommand,
  CorrectOrganizationRecordCommand,
  EndMembershipCommand,
  RegisterOrganizationCommand,
  StartMembershipCommand,
} from './directory.commands';

const parentFacts = async (facts: FactsService, data: { parentId?: string | null }, { date }: { date: string }) => {
  if (!data.parentId) return { parent: null };
  const parent = await facts.organization(data.parentId, date);
  return { parent: parent && { orgId: parent.orgId, kind: parent.kind, ancestorIds: await facts.ancestorsOf(parent) } };
};

export const DIRECTORY_HANDLERS = [
  deciderHandler(RegisterPersonCommand, personDecider, { type: 'RegisterPerson', streamIdOf: (d) => personStreamId(d.personId) }),
  deciderHandler(CorrectPersonRecordCommand, personDecider, { type: 'CorrectPersonRecord', streamIdOf: (d) => personStreamId(d.personId) }),
  deciderHandler(RegisterOrganizationCommand, organizationDecider, {
    type: 'RegisterOrganization',
    streamIdOf: (d) => orgStreamId(d.orgId),
    facts: parentFacts,
  }),
  deciderHandler(CorrectOrganizationRecordCommand, organizationDecider, {
    type: 'CorrectOrganizationRecord',
    streamIdOf: (d) => orgStreamId(d.orgId),
    facts: parentFacts,
  }),
  deciderHandler(StartMembershipCommand, organizationDecider, {
    type: 'StartMembership',
    streamIdOf: (d) => orgStreamId(d.orgId),
    facts: async (facts, d) => ({ personRegistered: await facts.personRegistered(d.personId) }),
  }),
  deciderHandler(EndMembershipCommand, organizationDecider, { type: 'EndMembership', streamIdOf: (d) => orgStreamId(d.orgId) }),
  deciderHandler(CorrectMembershipCommand, organizationDecider, { type: 'CorrectMembership', streamIdOf: (d) => orgStreamId(d.orgId) }),
];
