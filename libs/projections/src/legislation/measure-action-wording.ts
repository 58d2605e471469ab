import { assertNever } from '@ledger/domain';
import type { VoteRecordedData } from '@ledger/event-types';

type Motion = VoteRecordedData['motion'];
type Amendment = NonNullable<VoteRecordedData['amendment']>;

/**
 * Open Civic Data bill-action classifications for each vote outcome (opencivicdata.org, "Bill
 * actions"), so the history reads like any other legislature's.
 */
export function voteClassification(motion: Motion, result: VoteRecordedData['result']): string {
  const passed = result === 'PASSED';
  switch (motion) {
    case 'committee-passage':
      return passed ? 'committee-passage' : 'committee-failure';
    case 'first-reading':
      return passed ? 'reading-1' : 'failure';
    case 'final-passage':
    case 'adoption':
      return passed ? 'passage' : 'failure';
    case 'amendment':
      return passed ? 'amendment-passage' : 'amendment-failure';
    case 'veto-override':
      return passed ? 'veto-override-passage' : 'veto-override-failure';
    case 'reconsideration':
      return passed ? 'reconsideration-passage' : 'reconsideration-failure';
    default:
      return assertNever(motion);
  }
}

/** "10-0", with the members who did not vote either way when there are any: "10-0 (3 absent)". */
export function tallyText(tally: VoteRecordedData['tally']): string {
  const others = (['abstain', 'absent', 'recused'] as const)
    .filter((key) => tally[key] > 0)
    .map((key) => `${tally[key]} ${key === 'abstain' ? 'abstaining' : key}`);
  return `${tally.yes}-${tally.no}${others.length ? ` (${others.join(', ')})` : ''}`;
}

const CHANGE_WORDS: Record<Amendment['change'], string> = { amend: 'amending', add: 'adding', strike: 'striking' };

/** `reconsidered`: the motion of the vote a reconsideration is about. */
export function voteDescription(data: VoteRecordedData, bodyName: string, reconsidered: Motion | null = null): string {
  const passed = data.result === 'PASSED';
  const tally = tallyText(data.tally);
  switch (data.motion) {
    case 'committee-passage':
      return passed ? `${bodyName} recommended passage, ${tally}.` : `${bodyName} did not recommend passage, ${tally}.`;
    case 'first-reading':
      return `${passed ? 'Passed' : 'Failed'} first reading in ${bodyName}, ${tally}.`;
    case 'final-passage':
      return `${passed ? 'Passed' : 'Failed'} on final reading in ${bodyName}, ${tally}.`;
    case 'adoption':
      return `${passed ? 'Adopted' : 'Not adopted'} by ${bodyName}, ${tally}.`;
    case 'amendment': {
      const what = data.amendment ? `${CHANGE_WORDS[data.amendment.change]} ${data.amendment.eId}` : 'to the measure';
      return `Amendment ${what} ${passed ? 'adopted' : 'rejected'} in ${bodyName}, ${tally}.`;
    }
    case 'veto-override':
      return passed ? `${bodyName} overrode the veto, ${tally}.` : `${bodyName} failed to override the veto, ${tally}.`;
    case 'reconsideration': {
      const what = reconsidered ? `the ${motionName(reconsidered)} vote` : 'a vote';
      return passed ? `${bodyName} voted to reconsider ${what}, ${tally}: it no longer stands, and the body may vote again.` : `${bodyName} declined to reconsider ${what}, ${tally}.`;
    }
    default:
      return assertNever(data.motion);
  }
}

/** The motion as a sentence names its vote: "the final-passage vote", "the committee vote". */
export function motionName(motion: Motion): string {
  return motion === 'committee-passage' ? 'committee' : motion;
}

/** "A", "A and B", "A, B and C" */
export function listOfNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
