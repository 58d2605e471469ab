import type { AnyStep } from '../scenario-step';
import {
  AMENDING_ORDINANCE,
  COMMITTEE,
  COUNCIL,
  EXECUTIVE_ORDER,
  HUMAN_SERVICES,
  ILLUSTRATIVE,
  MAYORS_OFFICE,
  demoAdmin,
  demoClerk,
  humanServicesOfficer,
  mayor,
  oversightReviewer,
  seat,
  sheriffOfficer,
} from './denver.cast';
import { at, byClerk, denver2017Steps, onBehalfOf, yes } from './denver-2017.steps';

const WITHDRAWN = 'CB18-0200';
const VETOED = 'CB18-0300';
const REPEALING = 'CB19-0001';
const MISRECORDED = 'CB18-0400';
const RECONSIDERED = 'CB18-0500';

const choices = (letters: string, choice: 'YES' | 'NO') => letters.split('').map((letter) => ({ personId: seat(letter), choice }));

const introduce = (measureId: string, date: string, title: string) =>
  byClerk('IntroduceMeasure', date, {
    measureId, kind: 'ORDINANCE', title: `${title} ${ILLUSTRATIVE}`, summary: null, bodyId: COUNCIL, sponsorIds: [seat('B')],
    clauses: [{ eId: 'sec_1', heading: null, text: `${title}. ${ILLUSTRATIVE}`, rule: null }],
  });
const passage = (measureId: string, firstReading: string, finalPassage: string) => [
  byClerk('RecordVote', firstReading, { measureId, bodyId: COUNCIL, motion: 'first-reading', votes: yes('ABCDEFGHIJ') }),
  byClerk('RecordVote', finalPassage, { measureId, bodyId: COUNCIL, motion: 'final-passage', votes: yes('ABCDEFGHIJ') }),
];

/**
 * The Denver 2017 demo, then one step of each command the demo does not use: corrections, a
 * membership's end, a withdrawn, a vetoed and a repealing ordinance, a sitting without a quorum, a
 * corrected roll call and a member's explanation, a committee failure reconsidered, the executive
 * order's revocation, and the admin
 * minting the clerk's token and revoking it. Every step is ILLUSTRATIVE (none of it is in the reports). Tests that walk the
 * command catalogue record it (each command with its data valid at that point of the story), and
 * it is a start for the synthetic generator.
 */
export function denverEveryCommandSteps(): AnyStep[] {
  return [
    ...denver2017Steps(),
    byClerk('CorrectPersonRecord', '2018-03-05', { personId: seat('M'), sortName: `Member M, Council ${ILLUSTRATIVE}`, reason: `the council's own listing sorts by surname ${ILLUSTRATIVE}` }),
    byClerk('CorrectOrganizationRecord', '2018-03-05', { orgId: HUMAN_SERVICES, name: 'Denver Human Services', reason: `the department's own name ${ILLUSTRATIVE}` }),
    byClerk('CorrectMembership', '2018-03-05', {
      orgId: HUMAN_SERVICES, personId: humanServicesOfficer.id, role: 'officer', startDate: '2017-09-01', newStartDate: '2017-08-28',
      reason: `the appointment letter is dated 28 August ${ILLUSTRATIVE}`,
    }),
    byClerk('EndMembership', '2018-06-30', { orgId: HUMAN_SERVICES, personId: oversightReviewer.id, role: 'oversight', endDate: '2018-06-30' }),
    onBehalfOf(sheriffOfficer, 'CorrectDecision', '2018-03-06', {
      requestId: '$warrant', rationale: `A judicial warrant was presented for the release date only; immigration status is not shared. ${ILLUSTRATIVE}`,
      reason: `the rationale named the wrong scope ${ILLUSTRATIVE}`,
    }),

    introduce(WITHDRAWN, '2018-04-02', 'A proposal withdrawn before any vote'),
    byClerk('WithdrawMeasure', '2018-04-09', { measureId: WITHDRAWN, reason: `the sponsor withdrew it ${ILLUSTRATIVE}` }),

    introduce(VETOED, '2018-04-02', 'An ordinance the mayor vetoes'),
    ...passage(VETOED, '2018-04-09', '2018-04-16'),
    onBehalfOf(mayor, 'VetoMeasure', '2018-04-19', { measureId: VETOED, officeId: MAYORS_OFFICE, reason: `the mayor's stated objection ${ILLUSTRATIVE}` }),

    // A sitting without a quorum, a roll call recorded wrong and corrected, a member's explanation.
    introduce(MISRECORDED, '2018-05-07', 'An ordinance whose final roll call was mis-recorded'),
    byClerk('RecordQuorumFailure', '2018-05-14', { measureId: MISRECORDED, bodyId: COUNCIL, motion: 'first-reading', present: [seat('A'), seat('B'), seat('C'), seat('D'), seat('E'), seat('F')] }),
    byClerk('RecordVote', '2018-05-21', { measureId: MISRECORDED, bodyId: COUNCIL, motion: 'first-reading', votes: yes('ABCDEFGHIJ') }),
    byClerk('RecordVote', '2018-05-29', { measureId: MISRECORDED, bodyId: COUNCIL, motion: 'final-passage', votes: [...choices('ABCD', 'YES'), ...choices('EFGHIJ', 'NO')] }),
    byClerk('CorrectVote', '2018-05-30', {
      measureId: MISRECORDED, voteId: `vote:${MISRECORDED}:2`, votes: [...choices('ABCDEFGH', 'YES'), ...choices('IJ', 'NO')],
      reason: `four YES votes were entered as NO; the meeting's video shows the hands ${ILLUSTRATIVE}`,
    }),
    byClerk('ExplainVote', '2018-06-01', {
      measureId: MISRECORDED, voteId: `vote:${MISRECORDED}:2`, personId: seat('I'), explanation: `I voted no because the fiscal note came late. ${ILLUSTRATIVE}`,
    }),

    // A committee failure reconsidered: the committee votes to reconsider, then reports the bill.
    introduce(RECONSIDERED, '2018-07-02', 'An ordinance the committee first rejected, then reconsidered'),
    byClerk('ReferMeasure', '2018-07-02', { measureId: RECONSIDERED, committeeId: COMMITTEE }),
    byClerk('RecordVote', '2018-07-10', { measureId: RECONSIDERED, bodyId: COMMITTEE, motion: 'committee-passage', votes: [...choices('AB', 'YES'), ...choices('CDE', 'NO')] }),
    byClerk('RecordVote', '2018-07-17', {
      measureId: RECONSIDERED, bodyId: COMMITTEE, motion: 'reconsideration', votes: [...choices('ABC', 'YES'), ...choices('DE', 'NO')], reconsidersVoteId: `vote:${RECONSIDERED}:1`,
    }),
    byClerk('RecordVote', '2018-07-17', { measureId: RECONSIDERED, bodyId: COMMITTEE, motion: 'committee-passage', votes: [...choices('ABCD', 'YES'), ...choices('E', 'NO')] }),

    introduce(REPEALING, '2019-01-07', `An ordinance repealing ${AMENDING_ORDINANCE}`),
    ...passage(REPEALING, '2019-01-14', '2019-01-22'),
    onBehalfOf(mayor, 'SignMeasure', '2019-01-24', { measureId: REPEALING, officeId: MAYORS_OFFICE }),
    byClerk('EnactMeasure', '2019-01-24', { measureId: REPEALING, effectiveFrom: '2019-02-01' }),
    byClerk('RepealMeasure', '2019-01-24', { measureId: AMENDING_ORDINANCE, byMeasureId: REPEALING, effectiveUntil: '2019-02-01' }),

    onBehalfOf(mayor, 'RevokeExecutiveOrder', '2019-03-01', { measureId: EXECUTIVE_ORDER, effectiveUntil: '2019-03-01', reason: `superseded by a new order ${ILLUSTRATIVE}` }),

    // The record of a token, not a token: nothing here signs anything.
    {
      command: 'IssueToken', actor: demoAdmin, occurredAt: at('2019-03-04'), saveAs: 'clerkToken',
      data: { actorId: demoClerk.id, name: demoClerk.name, role: demoClerk.role, expiresAt: '2019-03-05T01:40:00Z' },
    },
    { command: 'RevokeToken', actor: demoAdmin, occurredAt: at('2019-03-04'), data: { tokenId: '$clerkToken', reason: `the clerk's laptop was lost ${ILLUSTRATIVE}` } },
  ];
}
