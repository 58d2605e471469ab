import type { OrganizationKindValue } from '../directory/directory.rows';
import type { MeasureKindValue, VoteChoiceValue, VoteResultValue } from '../legislation/legislation.rows';
import type { OcdOrganization, OcdVoteOption } from './ocd.types';

/**
 * The ledger's vocabularies in OCD's (python-opencivicdata, opencivicdata/common.py). Where OCD has
 * no equivalent the OCD side says less rather than something untrue: an empty classification
 * list, with the ledger's own term kept in `extras` or the description.
 */

export const ORGANIZATION_CLASSIFICATION: Record<OrganizationKindValue, OcdOrganization['classification']> = {
  LEGISLATURE: 'legislature',
  COMMITTEE: 'committee',
  EXECUTIVE: 'executive',
  DEPARTMENT: 'department',
  EXTERNAL_AGENCY: 'agency',
};

// OCD's bill classifications have no "executive order": "order" is the nearest, and extras.kind
// keeps the ledger's exact kind.
export const BILL_CLASSIFICATION: Record<MeasureKindValue, string> = {
  ORDINANCE: 'ordinance',
  RESOLUTION: 'resolution',
  EXECUTIVE_ORDER: 'order',
};

/**
 * Bill-action classifications: the ledger's action classifications were chosen from OCD's list
 * where one fits (measure-action-wording.ts), so most pass through; the rest map or drop out.
 */
const OCD_BILL_ACTIONS = new Set([
  'filing', 'introduction', 'enrolled', 'reading-1', 'reading-2', 'reading-3', 'passage', 'failure', 'withdrawal',
  'substitution', 'amendment-introduction', 'amendment-passage', 'amendment-withdrawal', 'amendment-failure',
  'amendment-amendment', 'amendment-deferral', 'committee-passage', 'committee-passage-favorable',
  'committee-passage-unfavorable', 'committee-failure', 'executive-receipt', 'executive-signature', 'executive-veto',
  'executive-veto-line-item', 'became-law', 'veto-override-passage', 'veto-override-failure', 'deferral', 'receipt',
  'referral', 'referral-committee',
]);

const LEDGER_TO_OCD_ACTION: Record<string, string[]> = {
  // an issued order is in force from its effective date, as an enacted bill is
  'executive-order-issued': ['became-law'],
  // a draft order is on file with the mayor's office, not yet issued
  'executive-order-drafted': ['filing'],
};

export function billActionClassification(ledgerClassification: string): string[] {
  if (OCD_BILL_ACTIONS.has(ledgerClassification)) return [ledgerClassification];
  return LEDGER_TO_OCD_ACTION[ledgerClassification] ?? [];
}

/** OCD's vote classifications (bill-passage, amendment-passage, veto-override) where one applies. */
export function motionClassification(motion: string): string[] {
  switch (motion) {
    case 'final-passage':
    case 'adoption':
      return ['bill-passage'];
    case 'amendment':
      return ['amendment-passage'];
    case 'veto-override':
      return ['veto-override'];
    default:
      return [];
  }
}

const MOTION_WORDS: Record<string, string> = {
  'committee-passage': 'Committee recommendation of passage',
  'first-reading': 'Passage on first reading',
  'final-passage': 'Final passage',
  adoption: 'Adoption',
  amendment: 'Amendment',
  'veto-override': 'Override of the veto',
  reconsideration: 'Reconsideration of a vote',
};

export function motionText(motion: string, measureId: string, title: string): string {
  return `${MOTION_WORDS[motion] ?? motion} of ${measureId}, ${title}`;
}

// A recused member sat but did not vote: OCD's "not voting", with the note saying why.
export const VOTE_OPTION: Record<VoteChoiceValue, OcdVoteOption> = {
  YES: 'yes',
  NO: 'no',
  ABSTAIN: 'abstain',
  ABSENT: 'absent',
  RECUSED: 'not voting',
};

export const VOTE_RESULT: Record<VoteResultValue, 'pass' | 'fail'> = { PASSED: 'pass', FAILED: 'fail' };
