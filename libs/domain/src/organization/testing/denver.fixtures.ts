import type { OrganizationFacts } from '../organization.facts';
import type { OrganizationEvent } from '../organization.events';

/*
 * Denver, 2017: a 13-seat council (quorum 7, veto override by 9), a 5-member committee (quorum 3)
 * and the mayor's office. Shared by the organization and measure specs.
 */

export const COUNCIL = 'org:denver-city-council';
export const COMMITTEE = 'org:safety-housing-education-homelessness';
export const MAYORS_OFFICE = 'org:denver-mayors-office';
export const MAYOR = 'person:michael-hancock';

export const COUNCIL_MEMBERS = [
  'person:kevin-flynn',
  'person:kendra-black',
  'person:paul-kashmann',
  'person:paul-lopez',
  'person:christopher-herndon',
  'person:albus-brooks',
  'person:robin-kniech',
  'person:debbie-ortega',
  'person:stacie-gilmore',
  'person:jolon-clark',
  'person:rafael-espinoza',
  'person:mary-beth-susman',
  'person:wayne-new',
] as const;

export const COMMITTEE_MEMBERS = ['person:paul-lopez', 'person:robin-kniech', 'person:albus-brooks', 'person:jolon-clark', 'person:kendra-black'] as const;

export const councilRules = { seats: 13, quorum: 7, passage: 'majority-of-present' as const, overrideVotes: 9 };
export const committeeRules = { seats: 5, quorum: 3, passage: 'majority-of-present' as const, overrideVotes: null };

export const councilRegistered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { orgId: COUNCIL, name: 'Denver City Council', kind: 'LEGISLATURE', parentId: null, rules: councilRules },
};

export function councilSeated(startDate = '2015-07-20'): OrganizationEvent[] {
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
