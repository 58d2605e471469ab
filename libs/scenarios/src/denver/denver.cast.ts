import type { Actor } from '@ledger/domain';

/*
 * Denver, 2017: who and what the worked example names, with one id each. The demo seed, the specs
 * and end-to-end tests that need Denver, and the coming generator all take their ids from here.
 *
 * From the news reports (../shared/seeds/): the Denver City Council (13 seats) and its Safety,
 * Housing, Education & Homelessness Committee; Council Members Paul Lopez and Robin Kniech, who led
 * the Public Safety Enforcement Priority Act; Mayor Michael Hancock; the Sheriff Department; U.S.
 * Immigration and Customs Enforcement.
 *
 * ILLUSTRATIVE (labelled so in the data): the seat holders (the reports do not say how any named
 * person voted, so every seat is held by an illustrative member and no vote is ever attributed to a
 * real person), the committee's size, the voting rules' figures beyond the council's 13 seats, the
 * bill and order numbers, the clerk, the officers, the oversight reviewer and the Department of
 * Human Services' part.
 */

export const ILLUSTRATIVE = '(illustrative)';

// Organizations
export const COUNCIL = 'org:denver-city-council';
export const COMMITTEE = 'org:denver-council-safety-housing-education-homelessness';
export const MAYORS_OFFICE = 'org:denver-mayors-office';
export const SHERIFF = 'org:denver-sheriff-department';
export const HUMAN_SERVICES = 'org:denver-human-services';
export const ICE = 'org:us-immigration-customs-enforcement';
/** The clerk's office, whose clerks the ledger accepts (LEDGER_CLERK_OFFICE's default). */
export const CLERK_OFFICE = 'org:clerk-and-recorder';

/** Council: 13 seats, quorum 7, passage by a majority of those present (an abstaining member counts as present), veto override by 9 (quorum, override and abstention rule illustrative). */
export const councilRules = { seats: 13, quorum: 7, passage: 'majority-of-present' as const, overrideVotes: 9, abstentions: 'present' as const };
/** Committee: 5 seats, quorum 3 (illustrative). */
export const committeeRules = { seats: 5, quorum: 3, passage: 'majority-of-present' as const, overrideVotes: null, abstentions: 'present' as const };

// Measures (numbers illustrative)
export const ORDINANCE = 'CB17-0766';
export const AMENDING_ORDINANCE = 'CB18-0101';
export const EXECUTIVE_ORDER = 'EO-2017-142';

// People the reports name: the sponsors and the mayor. None of them is ever recorded casting a vote.
export const PAUL_LOPEZ = { personId: 'person:paul-lopez', name: 'Paul Lopez', sortName: 'Lopez, Paul' };
export const ROBIN_KNIECH = { personId: 'person:robin-kniech', name: 'Robin Kniech', sortName: 'Kniech, Robin' };
export const MICHAEL_HANCOCK = { personId: 'person:michael-hancock', name: 'Michael Hancock', sortName: 'Hancock, Michael' };

/** The person id of an illustrative council seat holder, 'A' to 'M'. */
export const seat = (letter: string) => `person:illustrative-council-member-${letter.toLowerCase()}`;

/** Thirteen illustrative seat holders, A to M. */
export const COUNCIL_MEMBERS = 'ABCDEFGHIJKLM'.split('').map((letter) => ({ personId: seat(letter), name: `Council Member ${letter} ${ILLUSTRATIVE}` }));
/** The committee's five: seats A to E. */
export const COMMITTEE_MEMBERS = COUNCIL_MEMBERS.slice(0, 5);

/** The illustrative start of the 2015-2019 council term. */
export const TERM_START = '2015-07-20';
/** The mayor's first day in office (his first term began in July 2011). */
export const MAYOR_SINCE = '2011-07-18';

// Accounts: who records, and whose acts are recorded.
export const demoClerk: Actor = { id: 'person:demo-clerk', name: `Demo Clerk ${ILLUSTRATIVE}`, role: 'clerk' };
export const mayor: Actor = { id: MICHAEL_HANCOCK.personId, name: MICHAEL_HANCOCK.name, role: 'mayor' };
export const sheriffOfficer: Actor = { id: 'person:illustrative-sheriff-officer', name: `Sheriff Records Officer ${ILLUSTRATIVE}`, role: 'officer' };
export const humanServicesOfficer: Actor = { id: 'person:illustrative-human-services-officer', name: `Human Services Records Officer ${ILLUSTRATIVE}`, role: 'officer' };
/** The account that mints and revokes the others' tokens (the `admin` role's one job). */
export const demoAdmin: Actor = { id: 'person:demo-admin', name: `Demo Admin ${ILLUSTRATIVE}`, role: 'admin' };
export const oversightReviewer: Actor = { id: 'person:illustrative-oversight-reviewer', name: `Oversight Reviewer ${ILLUSTRATIVE}`, role: 'oversight' };
