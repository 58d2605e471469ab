import {
  COMMITTEE,
  COMMITTEE_MEMBERS as COMMITTEE_SEATS,
  COUNCIL,
  COUNCIL_MEMBERS as COUNCIL_SEATS,
  MAYORS_OFFICE,
  MICHAEL_HANCOCK,
  TERM_START,
  committeeRules,
  councilRules,
} from '@ledger/scenarios';
import type { OrganizationEvent } from '../organization.events';
import type { OrganizationFacts } from '../organization.facts';

/*
 * Denver, 2017, as the deciders see it: the cast of libs/scenarios (a 13-seat council of
 * illustrative members, quorum 7, veto override by 9; a 5-member committee, quorum 3; the mayor's
 * office) as events and facts. Shared by the organization and measure specs.
 */

export { COMMITTEE, COUNCIL, MAYORS_OFFICE, committeeRules, councilRules };
export const MAYOR = MICHAEL_HANCOCK.personId;
export const COUNCIL_MEMBERS = COUNCIL_SEATS.map((member) => member.personId);
export const COMMITTEE_MEMBERS = COMMITTEE_SEATS.map((member) => member.personId);

export const councilRegistered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { orgId: COUNCIL, name: 'Denver City Council', kind: 'LEGISLATURE', parentId: null, rules: councilRules },
};

export function councilSeated(startDate = TERM_START): OrganizationEvent[] {
  return COUNCIL_MEMBERS.map((personId) => ({ type: 'MembershipStarted', data: { orgId: COUNCIL, personId, role: 'member', startDate } }));
}

export const councilFacts: OrganizationFacts = {
  orgId: COUNCIL,
  kind: 'LEGISLATURE',
  parentId: null,
  rules: councilRules,
  members: COUNCIL_MEMBERS.map((personId) => ({ personId, role: 'member' })),
};

export const committeeFacts: OrganizationFacts = {
  orgId: COMMITTEE,
  kind: 'COMMITTEE',
  parentId: COUNCIL,
  rules: committeeRules,
  members: COMMITTEE_MEMBERS.map((personId) => ({ personId, role: 'member' })),
};

export const mayorsOfficeFacts: OrganizationFacts = {
  orgId: MAYORS_OFFICE,
  kind: 'EXECUTIVE',
  parentId: null,
  rules: null,
  members: [{ personId: MAYOR, role: 'mayor' }],
};
