/**
 * The Denver 2017 worked example (../shared/seeds/: two news reports), recorded as a city digitizing
 * its past records would: by a clerk, who records the mayor's, the officers' and oversight's acts on
 * behalf of whoever held the office on each act's date (onBehalfOf; libs/domain/README.md, "Office
 * holders' acts"). The events name the office holder as the one who acted (signedBy, decidedBy…)
 * and the clerk as the one who recorded (recordedBy); no office holder needs a token.
 *
 * From the reports: the Denver City Council and its Safety, Housing, Education & Homelessness
 * Committee; the Public Safety Enforcement Priority Act, led by Council Members Paul Lopez and
 * Robin Kniech; committee passage on a Wednesday; the first full council vote scheduled for
 * 2017-08-21; final passage on Monday 2017-08-28, unanimous, 10-0; what the ordinance prohibits
 * (collecting immigration status; sharing information for federal immigration enforcement), keeps
 * (the Sheriff Department's notices of pending releases) and requires (advising inmates of their
 * legal rights before release); Mayor Michael Hancock's support; and his draft executive order (no
 * ICE arrests in jails without a warrant, no written information to ICE about persons held, an
 * immigrant legal defense fund).
 *
 * ILLUSTRATIVE (not in the reports, invented for the demo and labelled so in the data): the bill
 * and order numbers, the clause wording, every date except 2017-08-21 and 2017-08-28, the seat
 * holders, every individual vote, the committee's size, the signature and effective dates, and the
 * 2018 amending ordinance. The reports do not say how any named person voted, so every seat is
 * held by an illustrative member: no vote is attributed to a real person. Paul Lopez and Robin
 * Kniech appear as the ordinance's sponsors, Michael Hancock as mayor, signatory and issuer. The
 * cast (ids, people, organizations) is denver.cast.ts.
 */


import type { CommandType, DataOf } from '@ledger/application';
import type { Actor, ClauseRuleInput } from '@ledger/domain';
import type { AnyStep, ScenarioStep } from '../scenario-step';
import {
  AMENDING_ORDINANCE,
  COMMITTEE,
  COMMITTEE_MEMBERS,
  CLERK_OFFICE,
  COUNCIL,
  COUNCIL_MEMBERS,
  EXECUTIVE_ORDER,
  HUMAN_SERVICES,
  ICE,
  ILLUSTRATIVE,
  MAYOR_SINCE,
  MAYORS_OFFICE,
  MICHAEL_HANCOCK,
  ORDINANCE,
  PAUL_LOPEZ,
  ROBIN_KNIECH,
  SHERIFF,
  TERM_START,
  committeeRules,
  councilRules,
  demoClerk,
  humanServicesOfficer,
  mayor,
  oversightReviewer,
  seat,
  sheriffOfficer,
} from './denver.cast';

/** votes: YES for the listed seats ('ABCD'); members not listed are recorded ABSENT by the ledger. */
export const yes = (letters: string) => letters.split('').map((letter) => ({ personId: seat(letter), choice: 'YES' as const }));

const rule = (effect: ClauseRuleInput['effect'], action: string, dataCategories: string[], recipients: string[], unless: string[]): ClauseRuleInput => ({
  effect,
  action,
  dataCategories,
  recipients,
  unless,
});

// Times are 18:00Z (noon in Denver), so each act falls on the same calendar day in UTC and Denver.
export const at = (date: string) => `${date}T18:00:00Z`;

/** A step the demo's clerk records, on that day. */
export const byClerk = <K extends CommandType>(command: K, date: string, data: DataOf<K>): ScenarioStep<K> => ({ command, actor: demoClerk, occurredAt: at(date), data });

/** An office holder's act, recorded by the clerk on their behalf (the holder needs no account). */
export const onBehalfOf = <K extends CommandType>(holder: Actor, command: K, date: string, data: DataOf<K>): ScenarioStep<K> =>
  byClerk(command, date, { ...data, onBehalfOf: holder.id });

type RequestDefaults = 'requestingOrgId' | 'recipientCategories' | 'purpose';

/** ICE asks a department; an officer of it records the request (through the clerk). */
const request = (officer: Actor, date: string, saveAs: string, data: Omit<DataOf<'ReceiveDataRequest'>, RequestDefaults>): ScenarioStep<'ReceiveDataRequest'> => ({
  ...onBehalfOf(officer, 'ReceiveDataRequest', date, {
    requestingOrgId: ICE, recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', ...data,
  }),
  saveAs,
});

export function denver2017Steps(): AnyStep[] {
  const byMayor = <K extends CommandType>(command: K, date: string, data: DataOf<K>) => onBehalfOf(mayor, command, date, data);

  return [
    // The clerk's office first: from its first clerk on, only its clerks may record (README, "Accounts").
    byClerk('RegisterOrganization', TERM_START, { orgId: CLERK_OFFICE, name: `Office of the Clerk and Recorder ${ILLUSTRATIVE}`, kind: 'DEPARTMENT', parentId: null, rules: null }),
    byClerk('RegisterPerson', TERM_START, { personId: demoClerk.id, name: demoClerk.name }),
    byClerk('StartMembership', TERM_START, { orgId: CLERK_OFFICE, personId: demoClerk.id, role: 'clerk', startDate: TERM_START }),
    // Directory
    byClerk('RegisterOrganization', TERM_START, { orgId: COUNCIL, name: 'Denver City Council', kind: 'LEGISLATURE', parentId: null, rules: councilRules }),
    byClerk('RegisterOrganization', TERM_START, {
      orgId: COMMITTEE, name: 'Safety, Housing, Education & Homelessness Committee', kind: 'COMMITTEE', parentId: COUNCIL, rules: committeeRules,
    }),
    byClerk('RegisterOrganization', TERM_START, { orgId: MAYORS_OFFICE, name: 'Office of the Mayor of Denver', kind: 'EXECUTIVE', parentId: null, rules: null }),
    byClerk('RegisterOrganization', TERM_START, { orgId: SHERIFF, name: 'Denver Sheriff Department', kind: 'DEPARTMENT', parentId: null, rules: null }),
    byClerk('RegisterOrganization', TERM_START, {
      orgId: ICE, name: 'U.S. Immigration and Customs Enforcement', kind: 'EXTERNAL_AGENCY', parentId: null, rules: null,
    }),
    ...[PAUL_LOPEZ, ROBIN_KNIECH, MICHAEL_HANCOCK].map((person) => byClerk('RegisterPerson', TERM_START, person)),
    ...COUNCIL_MEMBERS.map((person) => byClerk('RegisterPerson', TERM_START, person)),
    ...COUNCIL_MEMBERS.map(({ personId }) => byClerk('StartMembership', TERM_START, { orgId: COUNCIL, personId, role: 'member', startDate: TERM_START })),
    ...COMMITTEE_MEMBERS.map(({ personId }) => byClerk('StartMembership', TERM_START, { orgId: COMMITTEE, personId, role: 'member', startDate: TERM_START })),
    byClerk('StartMembership', TERM_START, { orgId: MAYORS_OFFICE, personId: mayor.id, role: 'mayor', startDate: MAYOR_SINCE }),

    // The mayor's executive order (draft unveiled on a Tuesday, per the report; dates illustrative)
    byMayor('DraftExecutiveOrder', '2017-08-15', {
      measureId: EXECUTIVE_ORDER,
      title: `Executive Order on immigration enforcement in Denver jails ${ILLUSTRATIVE}`,
      summary: 'Prohibits ICE arrests in Denver jails without a warrant and written information to ICE about persons held, and creates an immigrant legal defense fund. Number and wording illustrative.',
      officeId: MAYORS_OFFICE,
      clauses: [
        { eId: 'sec_1', heading: 'Arrests in jails', text: `Local law enforcement shall not allow U.S. Immigration and Customs Enforcement to make arrests in Denver jails without a warrant. ${ILLUSTRATIVE}`,
          rule: rule('prohibit', 'allow-access', ['custody'], ['federal-immigration-enforcement'], ['judicial-warrant']) },
        { eId: 'sec_2', heading: 'Written information', text: `No written information about persons held in Denver jails shall be provided to U.S. Immigration and Customs Enforcement. ${ILLUSTRATIVE}`,
          rule: rule('prohibit', 'share', ['custody-records'], ['federal-immigration-enforcement'], []) },
        { eId: 'sec_3', heading: 'Immigrant legal defense fund', text: `An immigrant legal defense fund is created. ${ILLUSTRATIVE}`, rule: null },
      ],
    }),

    // The ordinance
    byClerk('IntroduceMeasure', '2017-08-07', {
      measureId: ORDINANCE,
      kind: 'ORDINANCE',
      title: 'Public Safety Enforcement Priority Act',
      summary: 'Limits the city\'s sharing of information with federal immigration enforcement. Bill number and clause wording illustrative, paraphrasing the news reports.',
      bodyId: COUNCIL,
      sponsorIds: [PAUL_LOPEZ.personId, ROBIN_KNIECH.personId],
      clauses: [
        { eId: 'sec_1', heading: 'Purpose', text: `To set the city's priorities for public safety and keep its employees out of federal civil immigration enforcement. ${ILLUSTRATIVE}`, rule: null },
        { eId: 'sec_2__subsec_a', heading: 'Collection of immigration status', text: `No city employee shall collect information on a person's immigration status. ${ILLUSTRATIVE}`,
          rule: rule('prohibit', 'collect', ['immigration-status'], [], []) },
        { eId: 'sec_2__subsec_b', heading: 'Sharing for immigration enforcement', text: `No city employee shall share information about a person, including release dates and times, for the purpose of federal immigration enforcement, unless presented with a judicial warrant. ${ILLUSTRATIVE}`,
          rule: rule('prohibit', 'share', ['immigration-status', 'release-date-time', 'address'], ['federal-immigration-enforcement'], ['judicial-warrant']) },
        { eId: 'sec_3', heading: 'Notices of pending release', text: `The Sheriff Department may continue to notify U.S. Immigration and Customs Enforcement of an inmate's pending release. ${ILLUSTRATIVE}`,
          rule: rule('permit', 'notify', ['release-date-time'], ['federal-immigration-enforcement'], []) },
        { eId: 'sec_4', heading: 'Advisement of rights', text: `Before an inmate is released to immigration authorities, officers shall advise the inmate of their legal rights. ${ILLUSTRATIVE}`,
          rule: rule('require', 'advise-of-rights', ['release-date-time'], ['federal-immigration-enforcement'], []) },
      ],
    }),
    byClerk('ReferMeasure', '2017-08-07', { measureId: ORDINANCE, committeeId: COMMITTEE }),
    byClerk('RecordVote', '2017-08-16', { measureId: ORDINANCE, bodyId: COMMITTEE, motion: 'committee-passage', votes: yes('ABCD') }),
    byClerk('RecordVote', '2017-08-21', { measureId: ORDINANCE, bodyId: COUNCIL, motion: 'first-reading', votes: yes('ABCDEFGHIJK') }),
    byClerk('RecordVote', '2017-08-28', {
      measureId: ORDINANCE, bodyId: COUNCIL, motion: 'amendment', votes: yes('ABCDEFGHIJ'),
      amendment: { change: 'amend', eId: 'sec_3', heading: 'Notices of pending release',
        text: `The Sheriff Department may continue to notify U.S. Immigration and Customs Enforcement of an inmate's pending release, after the inmate has been advised of their legal rights. ${ILLUSTRATIVE}`,
        rule: rule('permit', 'notify', ['release-date-time'], ['federal-immigration-enforcement'], []) },
    }),
    // Final passage, 10-0 (from the report); who held the ten YES votes is illustrative.
    byClerk('RecordVote', '2017-08-28', { measureId: ORDINANCE, bodyId: COUNCIL, motion: 'final-passage', votes: yes('ABCDEFGHIJ') }),
    byMayor('IssueExecutiveOrder', '2017-08-30', { measureId: EXECUTIVE_ORDER, effectiveFrom: '2017-08-30' }),
    byMayor('SignMeasure', '2017-08-31', { measureId: ORDINANCE, officeId: MAYORS_OFFICE }),
    byClerk('EnactMeasure', '2017-08-31', { measureId: ORDINANCE, effectiveFrom: '2017-09-01' }),

    // An illustrative 2018 ordinance amending section 4, to show clause text changing on a date.
    byClerk('IntroduceMeasure', '2018-01-08', {
      measureId: AMENDING_ORDINANCE,
      kind: 'ORDINANCE',
      title: `Amendment to the Public Safety Enforcement Priority Act ${ILLUSTRATIVE}`,
      summary: 'An invented amendment for the demo: advisement of rights in writing, in the inmate\'s language.',
      bodyId: COUNCIL,
      sponsorIds: [seat('A')],
      clauses: [{ eId: 'sec_1', heading: 'Amendment of section 4', text: `Section 4 of CB17-0766 is amended to require advisement in writing, in the inmate's language. ${ILLUSTRATIVE}`, rule: null }],
    }),
    byClerk('RecordVote', '2018-01-22', { measureId: AMENDING_ORDINANCE, bodyId: COUNCIL, motion: 'first-reading', votes: yes('ABCDEFGHIJKLM') }),
    byClerk('RecordVote', '2018-01-29', { measureId: AMENDING_ORDINANCE, bodyId: COUNCIL, motion: 'final-passage', votes: yes('ABCDEFGHIJKL') }),
    byMayor('SignMeasure', '2018-02-01', { measureId: AMENDING_ORDINANCE, officeId: MAYORS_OFFICE }),
    byClerk('EnactMeasure', '2018-02-01', { measureId: AMENDING_ORDINANCE, effectiveFrom: '2018-03-01' }),
    byClerk('AmendByMeasure', '2018-02-01', {
      measureId: ORDINANCE, byMeasureId: AMENDING_ORDINANCE, change: 'amend', eId: 'sec_4', heading: 'Advisement of rights',
      text: `Before an inmate is released to immigration authorities, officers shall advise the inmate of their legal rights in writing, in a language the inmate understands. ${ILLUSTRATIVE}`,
      rule: rule('require', 'advise-of-rights', ['release-date-time'], ['federal-immigration-enforcement'], []), effectiveFrom: '2018-03-01',
    }),

    // Data requests (issue 4). Everything below is ILLUSTRATIVE: the reports describe the policy,
    // not any individual request. Subject identifiers are invented booking numbers; the ledger
    // keeps only a keyed HMAC of them and encrypts the (invented) personal details.
    byClerk('RegisterOrganization', '2017-09-01', { orgId: HUMAN_SERVICES, name: 'Denver Department of Human Services', kind: 'DEPARTMENT', parentId: null, rules: null }),
    ...[sheriffOfficer, humanServicesOfficer, oversightReviewer].map((a) => byClerk('RegisterPerson', '2017-09-01', { personId: a.id, name: a.name })),
    byClerk('StartMembership', '2017-09-01', { orgId: SHERIFF, personId: sheriffOfficer.id, role: 'officer', startDate: '2017-09-01' }),
    byClerk('StartMembership', '2017-09-01', { orgId: HUMAN_SERVICES, personId: humanServicesOfficer.id, role: 'officer', startDate: '2017-09-01' }),
    // Oversight reviews the decisions of the departments where it holds the role oversight.
    ...[SHERIFF, HUMAN_SERVICES].map((orgId) => byClerk('StartMembership', '2017-09-01', { orgId, personId: oversightReviewer.id, role: 'oversight', startDate: '2017-09-01' })),

    // 1. A release notification the ordinance permits (section 3), after the inmate was advised
    //    of their rights (section 4): COMPLIANT.
    request(sheriffOfficer, '2017-10-02', 'notification', { receivingOrgId: SHERIFF, dataCategories: ['release-date-time'], action: 'notify', legalBasis: 'detainer', channel: 'email',
      subjectIdentifier: 'ILLUSTRATIVE-BOOKING-0001', personalDetails: `Resident One ${ILLUSTRATIVE}, born 1990-01-01` }),
    onBehalfOf(sheriffOfficer, 'DecideDataRequest', '2017-10-03', { requestId: '$notification', outcome: 'GRANTED', disclosedCategories: ['release-date-time'],
      citations: [{ clauseId: `${ORDINANCE}#sec_3` }, { clauseId: `${ORDINANCE}#sec_4` }], actionsTaken: ['advise-of-rights'],
      rationale: `The inmate was advised of their legal rights; notice of the pending release is permitted by section 3. ${ILLUSTRATIVE}` }),
    onBehalfOf(sheriffOfficer, 'RecordDisclosure', '2017-10-04', { requestId: '$notification', disclosedCategories: ['release-date-time'], channel: 'email' }),

    // 2. A disclosure the ordinance forbids: release date and address shared for immigration
    //    enforcement on a detainer alone (section 2(b)): VIOLATION, found so by oversight.
    request(sheriffOfficer, '2017-10-05', 'forbidden', { receivingOrgId: SHERIFF, dataCategories: ['release-date-time', 'address'], action: 'share', legalBasis: 'detainer', channel: 'fax',
      subjectIdentifier: 'ILLUSTRATIVE-BOOKING-0002', personalDetails: `Resident Two ${ILLUSTRATIVE}, born 1985-06-15` }),
    onBehalfOf(sheriffOfficer, 'DecideDataRequest', '2017-10-05', { requestId: '$forbidden', outcome: 'GRANTED', disclosedCategories: ['release-date-time', 'address'],
      citations: [{ clauseId: `${ORDINANCE}#sec_3` }], actionsTaken: [],
      rationale: `Treated as a release notification under section 3. ${ILLUSTRATIVE}` }),
    onBehalfOf(sheriffOfficer, 'RecordDisclosure', '2017-10-06', { requestId: '$forbidden', disclosedCategories: ['release-date-time', 'address'], channel: 'fax' }),
    onBehalfOf(oversightReviewer, 'ReviewDecision', '2017-11-01', { requestId: '$forbidden', finding: 'violation',
      reasons: `Section 2(b) prohibits sharing release dates and addresses for immigration enforcement without a judicial warrant; a detainer is not one. ${ILLUSTRATIVE}` }),

    // 3. A city agency denies a request for immigration status and address: COMPLIANT.
    request(humanServicesOfficer, '2017-10-10', 'denied', { receivingOrgId: HUMAN_SERVICES, dataCategories: ['immigration-status', 'address'], action: 'share', legalBasis: 'administrative-warrant', channel: 'email',
      subjectIdentifier: 'ILLUSTRATIVE-CASE-0003', personalDetails: null }),
    onBehalfOf(humanServicesOfficer, 'DecideDataRequest', '2017-10-11', { requestId: '$denied', outcome: 'DENIED', disclosedCategories: [],
      citations: [{ clauseId: `${ORDINANCE}#sec_2__subsec_a` }, { clauseId: `${ORDINANCE}#sec_2__subsec_b` }], actionsTaken: [],
      rationale: `An administrative warrant is not a judicial warrant; sections 2(a) and 2(b) forbid this. ${ILLUSTRATIVE}` }),

    // 4. A judicial warrant lifts the prohibition for the release date; immigration status is
    //    withheld: PARTIALLY_GRANTED, COMPLIANT.
    request(sheriffOfficer, '2017-10-16', 'warrant', { receivingOrgId: SHERIFF, dataCategories: ['release-date-time', 'immigration-status'], action: 'share', legalBasis: 'judicial-warrant', channel: 'in-person',
      subjectIdentifier: 'ILLUSTRATIVE-BOOKING-0004', personalDetails: null }),
    onBehalfOf(sheriffOfficer, 'DecideDataRequest', '2017-10-16', { requestId: '$warrant', outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['release-date-time'],
      citations: [{ clauseId: `${ORDINANCE}#sec_2__subsec_b` }], actionsTaken: ['advise-of-rights'],
      rationale: `A judicial warrant was presented for the release date; immigration status is not shared. ${ILLUSTRATIVE}` }),
  ];
}
